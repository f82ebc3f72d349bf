import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ManualClock } from '../../../src/clock';
import { loadApiSpec } from '../../../src/spec';
import { createSellerApp, type SellerEmulator } from '../../../emulators/seller';
import { orderBody } from './support/bodies';
import { profileWith, sharedProducts } from './support/seller';

/**
 * The server calls `handleRequest` (the management API before express); supertest, the Buyer-testing hub
 * and TLS mount `app`. Both must answer every request byte for byte alike (Date and ids aside).
 */
const servers: http.Server[] = [];
async function serve(listener: http.RequestListener): Promise<number> {
  const server = http.createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/**
 * Sends one request and reads until the server closes (every request says `Connection: close`). The
 * client does not half-close first: Node's server drops a request whose client has ended its side while
 * the body is still being read asynchronously (a gzip body is inflated off the parser), so the answer
 * was lost and the order stored a moment later, after the next request had read the store.
 */
function send(port: number, raw: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    // A server that never answers nor closes would hang the test: end our side after a while.
    const stuck = setTimeout(() => socket.end(), 10_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(stuck);
      resolve(
        Buffer.concat(chunks)
          .toString('latin1')
          .replace(/\r\nDate: [^\r]*/g, '')
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
          .replace(/127\.0\.0\.1:\d+/g, '<host>'),
      );
    });
    socket.write(raw);
  });
}

function request(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string) {
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: x', 'Connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body !== undefined && headers['Transfer-Encoding'] === undefined)
    lines.push(`Content-Length: ${bytes.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}

async function entryPoints(
  patch: Parameters<typeof profileWith>[0],
): Promise<[SellerEmulator, number, number]> {
  const spec = await loadApiSpec('sonata-v11');
  const emulator = createSellerApp({
    spec,
    clock: new ManualClock(),
    profile: profileWith(patch),
    products: sharedProducts(),
  });
  return [emulator, await serve(emulator.handleRequest), await serve(emulator.app)];
}

const JSON_TYPE = { 'Content-Type': 'application/json;charset=utf-8' };

test.each([
  ['the default profile', {}],
  [
    'bearer auth',
    { auth: { mode: 'bearer', tokens: [{ token: 't1', buyerId: 'b1' }], clients: [], tokenTtl: 1000 } },
  ],
  ['a small body limit, cancel off', { maxBodyBytes: 1024, capabilities: { cancel: false } }],
  ['wire faults', { faults: ['json-as-text-plain', 'not-found-without-code'] }],
] as const)(
  'app and handleRequest answer alike: %s',
  async (_name, patch) => {
    const [emulator, direct, viaApp] = await entryPoints(patch);
    const base = emulator.context.spec.version.managementBasePath;
    const auth = { Authorization: 'Bearer t1' };
    const order = JSON.stringify(orderBody());
    const created = await send(
      direct,
      request('POST', `${base}/productOrder`, { ...JSON_TYPE, ...auth }, order),
    );
    const id = /"id":"([^"]+)"/.exec(created)?.[1] ?? 'none';
    const cases: Buffer[] = [];
    for (const method of ['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS'])
      for (const path of [
        '/productOrder',
        '/productOrder/',
        '/productOrder//',
        '/productorder',
        `/productOrder/${id}`,
        `/productOrder/${id}?buyerId=other`,
        '/productOrder?state=bogus&limit=0',
        '/productOrder/%E0%A4%A',
        '/hub/%zz',
        '/cancelProductOrder',
        '/nothing',
        '',
      ])
        for (const prefix of [base, base.toUpperCase(), `${base}x`])
          cases.push(
            request(method, `${prefix}${path}`, method === 'POST' ? { ...JSON_TYPE, ...auth } : auth, '{}'),
          );
    const post = (headers: Record<string, string>, body: Buffer | string) =>
      cases.push(request('POST', `${base}/productOrder`, { ...auth, ...headers }, body));
    post(JSON_TYPE, order);
    post(JSON_TYPE, '{"broken":');
    post(JSON_TYPE, Buffer.from([0x7b, 0xff, 0x7d]));
    post(JSON_TYPE, '['.repeat(80) + ']'.repeat(80));
    post({ 'Content-Type': 'text/plain' }, order);
    post(JSON_TYPE, JSON.stringify({ pad: 'x'.repeat(1_100_000) }));
    post({ ...JSON_TYPE, 'Content-Encoding': 'gzip' }, gzipSync(order));
    post(
      { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' },
      `${order.length.toString(16)}\r\n${order}\r\n0\r\n\r\n`,
    );
    cases.push(request('GET', `${base}/productOrder`));
    cases.push(request('GET', '/_lso/control/info'));
    cases.push(request('GET', '/elsewhere'));
    for (const raw of cases) {
      const [a, b] = [await send(direct, raw), await send(viaApp, raw)];
      expect({ request: raw.toString('latin1', 0, 120), answer: a }).toEqual({
        request: raw.toString('latin1', 0, 120),
        answer: b,
      });
    }
    emulator.close();
  },
  60_000,
);
