import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createBodyReader, type BodyRequest } from '../../../emulators/seller/http/body-reader';
import { toHttpError } from '../../../emulators/seller/http/error-response';

const LIMIT = 4096;

interface Outcome {
  readonly body?: unknown;
  readonly error?: unknown;
}

let server: http.Server;
let port: number;
let outcomes: ((o: Outcome) => void)[] = [];
const nextOutcome = (): Promise<Outcome> => new Promise((resolve) => outcomes.push(resolve));

beforeAll(async () => {
  const read = createBodyReader(LIMIT);
  server = http.createServer((req: BodyRequest, res) => {
    read(req, res, (error) => {
      outcomes.shift()?.(error === undefined ? { body: req.body } : { error });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  outcomes = [];
});

/** Sends raw bytes; resolves with what the server read (and with the answer once the socket closes). */
async function send(head: string, body: Buffer | string = '', abortAfterMs?: number): Promise<Outcome> {
  const outcome = nextOutcome();
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(`${head}\r\nHost: x\r\nConnection: close\r\n\r\n`);
  socket.write(body);
  if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
  const result = await outcome;
  socket.destroy();
  return result;
}

const post = (headers: string) => `POST /x HTTP/1.1\r\n${headers}`;

test('a plain body with Content-Length: the bytes, as a Buffer', async () => {
  const text = JSON.stringify({ a: 'é'.repeat(100) });
  const { body } = await send(post(`Content-Length: ${Buffer.byteLength(text)}`), text);
  expect(Buffer.isBuffer(body)).toBe(true);
  expect((body as Buffer).toString('utf8')).toBe(text);
});

test('no body: undefined; Content-Length 0: an empty Buffer (as express.raw)', async () => {
  expect(await send('GET /x HTTP/1.1')).toEqual({ body: undefined });
  const empty = await send(post('Content-Length: 0'));
  expect(Buffer.isBuffer(empty.body) && empty.body.length).toBe(0);
});

test('Content-Encoding identity (any case) is read as plain', async () => {
  const { body } = await send(post('Content-Encoding: Identity\r\nContent-Length: 2'), '{}');
  expect(String(body)).toBe('{}');
});

test('gzip goes to express.raw and arrives inflated', async () => {
  const zipped = gzipSync('{"zipped":true}');
  const { body } = await send(post(`Content-Encoding: gzip\r\nContent-Length: ${zipped.length}`), zipped);
  expect(String(body)).toBe('{"zipped":true}');
});

test('a chunked body goes to express.raw and is read whole', async () => {
  const { body } = await send(post('Transfer-Encoding: chunked'), '2\r\n{}\r\n0\r\n\r\n');
  expect(String(body)).toBe('{}');
});

test('over the limit, declared or chunked: express.raw\'s 413, which answers 400 "request body too large"', async () => {
  const big = 'x'.repeat(LIMIT + 1);
  for (const outcome of [
    await send(post(`Content-Length: ${big.length}`), big),
    await send(post('Transfer-Encoding: chunked'), `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`),
  ]) {
    expect(outcome.body).toBeUndefined();
    expect(toHttpError(outcome.error).body).toEqual({
      code: 'invalidBody',
      reason: 'request body too large',
    });
  }
  // Exactly the limit is fine.
  const at = 'y'.repeat(LIMIT);
  expect(String((await send(post(`Content-Length: ${LIMIT}`), at)).body)).toBe(at);
});

test('a body cut short by the client: 400 "request aborted", never a handler call', async () => {
  const { error } = await send(post('Content-Length: 100'), '{"a":', 50);
  expect(toHttpError(error).body).toEqual({ code: 'invalidBody', reason: 'request aborted' });
});

test("an unsupported Content-Encoding: express.raw's error, 400 invalidBody", async () => {
  const { error } = await send(post('Content-Encoding: foo\r\nContent-Length: 2'), '{}');
  expect(toHttpError(error).body).toEqual({
    code: 'invalidBody',
    reason: 'unsupported content encoding "foo"',
  });
});
