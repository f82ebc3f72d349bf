import { REDACTED, redactExchange } from '../../../emulators/buyer';
import type { Exchange } from '../../../src/results';

const exchange: Exchange = {
  id: 'ex-0001',
  kind: 'request',
  startedAt: '2026-01-05T09:00:00.000Z',
  durationMs: 3,
  request: {
    method: 'GET',
    url: 'https://user:pa55word@seller.example/x?key=abc%2Fdef',
    headers: { Authorization: 'Basic dXNlcg==', cookie: 'a=b', accept: 'application/json' },
  },
  response: { status: 500, headers: { 'x-trace': 'abc/def' }, body: '{"secret":"abc\\/def"}' },
  error: { code: 'network', message: 'failed with abc/def' },
};

test('masks credential headers, URL passwords and every form of a secret', () => {
  const out = redactExchange(exchange, ['abc/def', '']);
  expect(out.request.url).toBe(`https://user:${REDACTED}@seller.example/x?key=${REDACTED}`);
  expect(out.request.headers).toEqual({
    Authorization: REDACTED,
    cookie: REDACTED,
    accept: 'application/json',
  });
  expect(out.response?.headers['x-trace']).toBe(REDACTED);
  expect(out.response?.body).toBe(`{"secret":"${REDACTED}"}`);
  expect(out.error?.message).toBe(`failed with ${REDACTED}`);
  // The input is left untouched.
  expect(exchange.request.headers['cookie']).toBe('a=b');
});
