import { createHttpClient, createIdGenerator, type HttpClient } from '../../../emulators/buyer';
import { closedPortUrl, serverPool } from './helpers/servers';

describe('http client: a Seller that fails on the wire', () => {
  const servers = serverPool();
  let client: HttpClient;
  beforeEach(() => {
    client = createHttpClient({ timeoutMs: 300, ids: createIdGenerator() });
  });
  afterEach(async () => {
    client.close();
    await servers.closeAll();
  });

  test('connection refused', async () => {
    const url = await closedPortUrl();
    const result = await client.send({
      method: 'GET',
      url: `${url}/productOrder`,
      operationId: 'listProductOrder',
    });
    expect(result.exchange).toMatchObject({
      id: 'ex-0001',
      kind: 'request',
      operationId: 'listProductOrder',
      error: { code: 'connectionRefused' },
    });
    expect(result.exchange.response).toBeUndefined();
    expect(result.exchange.request.url).toBe(`${url}/productOrder`);
  });

  test('connection reset in the middle of the body', async () => {
    const url = await servers.http((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"id":"PO-1","state":"');
      setTimeout(() => res.socket?.resetAndDestroy(), 20);
    });
    const { exchange, json, jsonError } = await client.send({ method: 'GET', url });
    expect(exchange.error?.code).toBe('connectionReset');
    expect(exchange.response).toMatchObject({
      status: 200,
      bodyTruncated: true,
      body: '{"id":"PO-1","state":"',
    });
    expect(json).toBeUndefined();
    expect(jsonError).toMatch(/incomplete/);
  });

  test('no response at all: the timeout fires at the configured time', async () => {
    const url = await servers.tcp(() => undefined);
    const { exchange } = await client.send({ method: 'GET', url, timeoutMs: 150 });
    expect(exchange.error?.code).toBe('timeout');
    expect(exchange.response).toBeUndefined();
    expect(exchange.durationMs).toBeGreaterThanOrEqual(140);
    expect(exchange.durationMs).toBeLessThan(1000);
  });

  test('headers, then silence: the timeout covers the body too', async () => {
    const url = await servers.http((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': '500' });
      res.write('[{"id":');
    });
    const { exchange } = await client.send({ method: 'GET', url, timeoutMs: 150 });
    expect(exchange.error?.code).toBe('timeout');
    expect(exchange.response).toMatchObject({ status: 200, body: '[{"id":', bodyTruncated: true });
  });

  test('a 10 MB body hits the default 5 MB cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const url = await servers.http((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 10; i++) res.write(chunk);
      res.end();
    });
    const big = createHttpClient({ timeoutMs: 5000 });
    try {
      const { exchange, jsonError } = await big.send({ method: 'GET', url });
      expect(exchange.error?.code).toBe('bodyTooLarge');
      expect(exchange.response?.status).toBe(200);
      expect(exchange.response?.bodyTruncated).toBe(true);
      expect(exchange.response?.body).toHaveLength(5 * 1024 * 1024);
      expect(jsonError).toMatch(/incomplete/);
    } finally {
      big.close();
    }
  });

  test('a configured cap counts bytes, not characters', async () => {
    const url = await servers.http((_req, res) => res.end('{"name":"' + 'é'.repeat(100) + '"}'));
    const small = createHttpClient({ maxBodyBytes: 64 });
    try {
      const { exchange } = await small.send({ method: 'GET', url });
      expect(exchange.error?.code).toBe('bodyTooLarge');
      expect(Buffer.byteLength(exchange.response?.body ?? '')).toBeLessThanOrEqual(64 + 3);
    } finally {
      small.close();
    }
  });

  test('an abort signal ends the request as aborted', async () => {
    const url = await servers.tcp(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const { exchange } = await client.send({ method: 'GET', url, signal: controller.signal });
    expect(exchange.error?.code).toBe('aborted');
  });

  test('garbage instead of HTTP is a protocol error, not an exception', async () => {
    const url = await servers.tcp((socket) => socket.end('SMTP ready\r\n\r\n'));
    const { exchange } = await client.send({ method: 'GET', url });
    expect(exchange.error?.code).toBe('protocol');
  });

  test('an unusable URL resolves with an error exchange', async () => {
    const result = await client.send({ method: 'get', url: 'not a url' });
    expect(result.exchange.error?.code).toBe('network');
    expect(result.exchange.request.method).toBe('GET');
    const ftp = await client.send({ method: 'GET', url: 'ftp://127.0.0.1/x' });
    expect(ftp.exchange.error?.code).toBe('network');
  });
});
