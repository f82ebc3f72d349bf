import * as zlib from 'node:zlib';
import { createHttpClient, type HttpClient } from '../../../emulators/buyer';
import { serverPool } from './helpers/servers';

/** Echoes the request back as JSON, so a test sees exactly what went on the wire. */
const echo = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  });
};

describe('http client: bodies and content', () => {
  const servers = serverPool();
  let client: HttpClient;
  beforeEach(() => {
    client = createHttpClient({ timeoutMs: 500 });
  });
  afterEach(async () => {
    client.close();
    await servers.closeAll();
  });

  test('JSON bodies go out serialised, with the spec media type, and are recorded as sent', async () => {
    const url = await servers.http(echo);
    const body = { externalId: 'B-1', productOrderItem: [{ id: '1', action: 'add' }] };
    const { exchange, json, jsonError } = await client.send({
      method: 'post',
      url: `${url}/productOrder`,
      body,
    });
    const sent = json as { method: string; headers: Record<string, string>; body: string };
    expect(sent.method).toBe('POST');
    expect(sent.headers).toMatchObject({
      'content-type': 'application/json;charset=utf-8',
      accept: 'application/json',
      'accept-encoding': 'identity',
    });
    expect(sent.body).toBe(JSON.stringify(body));
    expect(exchange.request.body).toBe(JSON.stringify(body));
    expect(exchange.request.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(exchange.request.headers['host']).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(exchange.response?.status).toBe(200);
    expect(jsonError).toBeUndefined();
  });

  test('a raw body is sent byte for byte; headers can be overridden or removed', async () => {
    const url = await servers.http(echo);
    const { json, exchange } = await client.send({
      method: 'POST',
      url,
      body: { raw: '{"broken":' },
      headers: { 'Content-Type': 'text/plain', accept: null },
    });
    const sent = json as { headers: Record<string, string>; body: string };
    expect(sent.body).toBe('{"broken":');
    expect(sent.headers['content-type']).toBe('text/plain');
    expect(sent.headers['accept']).toBeUndefined();
    expect(exchange.request.body).toBe('{"broken":');
  });

  test('invalid JSON: jsonError, no json, no transport error', async () => {
    const url = await servers.http((_req, res) => res.end('{"id": "PO-1",'));
    const result = await client.send({ method: 'GET', url });
    expect(result.exchange.error).toBeUndefined();
    expect(result.exchange.response?.body).toBe('{"id": "PO-1",');
    expect(result.json).toBeUndefined();
    expect(result.jsonError).toEqual(expect.any(String));
  });

  test('wrong content type is recorded as is; a JSON body still parses', async () => {
    const url = await servers.http((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('{"id":"PO-1"}');
    });
    const result = await client.send({ method: 'GET', url });
    expect(result.exchange.response?.headers['content-type']).toBe('text/html');
    expect(result.json).toEqual({ id: 'PO-1' });
  });

  test('an empty body gives neither json nor jsonError', async () => {
    const url = await servers.http((_req, res) => res.writeHead(204).end());
    const result = await client.send({ method: 'DELETE', url });
    expect(result.exchange.response).toMatchObject({ status: 204, body: '' });
    expect(result).not.toHaveProperty('json');
    expect(result).not.toHaveProperty('jsonError');
  });

  test('gzip the server sends anyway (even garbage) is kept as base64, never inflated', async () => {
    const garbage = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef]);
    const url = await servers.http((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(req.url === '/real' ? zlib.gzipSync('{"id":"PO-1"}') : garbage);
    });
    const bad = await client.send({ method: 'GET', url: `${url}/garbage` });
    expect(bad.exchange.error).toBeUndefined();
    expect(bad.exchange.response?.body).toBe(
      `[content-encoding gzip: 8 bytes, base64]\n${garbage.toString('base64')}`,
    );
    expect(bad.jsonError).toMatch(/content-encoded/);
    expect(bad.warnings.join()).toMatch(/gzip/);
    const real = await client.send({ method: 'GET', url: `${url}/real` });
    expect(real.json).toBeUndefined();
    expect(real.exchange.response?.body).toMatch(/^\[content-encoding gzip/);
  });

  test('invalid UTF-8 is kept with replacement characters and a warning', async () => {
    const url = await servers.http((_req, res) => res.end(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])));
    const result = await client.send({ method: 'GET', url });
    expect(result.exchange.response?.body).toBe('{"\uFFFD"}');
    expect(result.json).toBeUndefined();
    expect(result.warnings.join()).toMatch(/UTF-8/);
  });

  test('repeated response headers are all kept', async () => {
    const url = await servers.http((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-total-count', ['3', '4']);
      res.end('[]');
    });
    const { exchange } = await client.send({ method: 'GET', url });
    expect(exchange.response?.headers['x-total-count']).toBe('3, 4');
  });

  test('exchange ids follow the injected sequence', async () => {
    const url = await servers.http((_req, res) => res.end());
    const counted = createHttpClient({
      ids: (() => {
        let n = 41;
        return () => `ex-${++n}`;
      })(),
    });
    try {
      expect((await counted.send({ method: 'GET', url })).exchange.id).toBe('ex-42');
      expect((await counted.send({ method: 'GET', url })).exchange.id).toBe('ex-43');
    } finally {
      counted.close();
    }
  });
});
