import {
  createConsoleReporter,
  formatSummary,
  redactHeaders,
  redactRunResult,
  redactSecrets,
  writeHtml,
  writeJson,
  writeJunit,
} from '../../src/report';
import type { RunResult } from '../../src/results/model';
import { exchange, finding, runResult, scenario, step } from './sample-results';

/** Distinctive core, plus characters every format encodes differently. */
const CORE = 's3cr3t-T0ken';
const SECRET = `${CORE}'&<x>"`;

function leakyRun(): RunResult {
  const ex = exchange({
    request: {
      method: 'POST',
      url: `https://seller.example/productOrder?access_token=${encodeURIComponent(SECRET)}`,
      headers: { authorization: `Bearer ${SECRET}`, 'x-api-key': 'k-e-y-value', 'x-trace': SECRET },
      body: JSON.stringify({ password: SECRET }),
    },
    response: {
      status: 401,
      headers: { 'set-cookie': 'session=abcdef; HttpOnly', 'content-type': 'text/plain' },
      body: `bad token ${SECRET}`,
    },
  });
  const s = scenario('failed', {
    steps: [
      step({
        status: 'failed',
        findings: [finding({ message: `token ${SECRET} refused`, actual: SECRET })],
        exchanges: [ex],
      }),
    ],
  });
  return runResult([s], { errors: [`auth failed with ${SECRET}`] });
}

describe('redactSecrets', () => {
  test('replaces every occurrence of each secret of 4 characters or more', () => {
    expect(redactSecrets('a abcd b abcd c', ['abcd', 'xyz'])).toBe('a *** b *** c');
    expect(redactSecrets('xyz stays', ['xyz'])).toBe('xyz stays');
    expect(redactSecrets('token=abc%2Fdef', ['abc/def'])).toBe('token=***');
  });

  test('redacts sensitive header values in text, keeping the auth scheme', () => {
    expect(redactSecrets("-H 'Authorization: Bearer abc.def' -H 'accept: x'", [])).toBe(
      "-H 'Authorization: Bearer ***' -H 'accept: x'",
    );
    expect(redactSecrets('{"x-api-key": "k1", "cookie":"a=b"}', [])).toBe(
      '{"x-api-key": "***", "cookie":"***"}',
    );
  });

  test('redactHeaders replaces only the sensitive ones', () => {
    expect(
      redactHeaders({
        Authorization: 'Basic dXNlcjpwYXNz',
        cookie: 'a=1',
        'proxy-authorization': 'tok',
        accept: '*/*',
      }),
    ).toEqual({ Authorization: 'Basic ***', cookie: '***', 'proxy-authorization': '***', accept: '*/*' });
  });
});

describe('no writer leaks a known secret', () => {
  const secrets = [SECRET];
  const outputs: Record<string, () => string> = {
    json: () => writeJson(leakyRun(), { secrets }),
    junit: () => writeJunit(leakyRun(), { secrets }),
    html: () => writeHtml(leakyRun(), { secrets }),
    summary: () => formatSummary(leakyRun(), { color: false }),
    console: () => {
      let text = '';
      const stream = {
        write: (chunk: string) => ((text += chunk), true),
      } as unknown as NodeJS.WritableStream;
      const reporter = createConsoleReporter({ stream, color: false, secrets });
      const result = leakyRun();
      void reporter.onRunStart?.({
        total: 1,
        target: result.scenarios[0]!.steps[0]!.exchanges[0]!.request.url,
        apiVersion: 'v11',
      });
      for (const s of result.scenarios) void reporter.onScenarioEnd?.(s);
      void reporter.onRunEnd?.(result);
      return text;
    },
  };

  test.each(Object.keys(outputs).filter((k) => k !== 'summary'))('%s', (name) => {
    const text = outputs[name]!();
    expect(text).not.toContain(CORE);
    expect(text).not.toContain('k-e-y-value');
    expect(text).not.toContain('abcdef');
    expect(text).toContain('***');
  });

  test('redaction keeps the outputs well-formed', () => {
    expect(JSON.parse(outputs['json']!())).toMatchObject({ errors: ['auth failed with ***'] });
    expect(outputs['html']!()).toContain(
      '-H &apos;authorization: Bearer ***&apos; -H &apos;x-api-key: ***&apos; -H &apos;x-trace: ***&apos; --data-binary',
    );
  });

  test('the JSON writer orders and redacts in one walk, to the same text as redacting first', () => {
    const once = writeJson(leakyRun(), { secrets });
    expect(once).toBe(writeJson(redactRunResult(leakyRun(), secrets), { secrets }));
    expect(once).not.toContain(CORE);
  });

  test('without a secrets list the writers leave content alone (the runner redacts)', () => {
    expect(writeJson(leakyRun())).toContain(CORE);
    expect(outputs['summary']!()).toContain(CORE);
  });
});
