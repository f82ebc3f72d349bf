/**
 * A catalog of deliberately misbehaving Sellers (schemathesis keeps one too). Each is a plain Node server
 * on 127.0.0.1:0 that misbehaves on specific requests and hands every other request to the real Seller
 * emulator, so the scenarios it does not aim at still pass:
 *
 * - `request` Sellers misbehave on requests whose URL carries `HOSTILE` (test/fixtures/hardening/hit-request.yaml);
 * - `notify` Sellers answer hub registration themselves and, once the marked order exists, post scripted
 *   events to the harness listener (floods, duplicates, late, out of order, unknown orders, huge bodies):
 *   see test/fixtures/hardening/hit-notify.yaml for the trigger and barrier requests;
 * - `target` Sellers misbehave on every request (a refused connection cannot pick its request).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as net from 'node:net';
import { createSellerApp } from '../../emulators/seller';
import { ScaledClock } from '../../src/clock';
import { loadApiSpec, ProductSchemaRegistry, type ApiSpec } from '../../src/spec';

export type HostileKind = 'request' | 'notify' | 'target';

export interface HostileSeller {
  /** Base URL of the management API, for `--target`. */
  readonly url: string;
  /** What the Seller did, for assertions (events posted, listener answers by status). */
  readonly stats: HostileStats;
  close(): Promise<void>;
}

export interface HostileStats {
  hits: number;
  posted: number;
  answers: Record<string, number>;
}

export interface HostileEntry {
  readonly name: string;
  readonly kind: HostileKind;
  readonly description: string;
  start(): Promise<HostileSeller>;
}

const JSON_TYPE = 'application/json;charset=utf-8';

let products: ProductSchemaRegistry | undefined;
const sharedProducts = (): ProductSchemaRegistry => (products ??= new ProductSchemaRegistry());

/** A server whose sockets are all destroyed on close: a hung response never holds a test open. */
async function listen(handler: http.RequestListener): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------
// request Sellers
// ---------------------------------------------------------------------------------------------------

export type Misbehaviour = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  timers: Set<NodeJS.Timeout>,
) => void;

/** Requests the hardening scenarios mark for misbehaviour (hit-request.yaml lists `externalId=HOSTILE-…`). */
export const isMarked = (req: http.IncomingMessage): boolean => (req.url ?? '').includes('HOSTILE');

/** The Seller emulator behind a server that lets `misbehave` answer the requests `hit` picks. */
export async function startRequestSeller(
  misbehave: Misbehaviour,
  hit: (req: http.IncomingMessage) => boolean = isMarked,
): Promise<HostileSeller> {
  const spec = await loadApiSpec('sonata-v11');
  const emulator = createSellerApp({ spec, clock: new ScaledClock(36_000), products: sharedProducts() });
  const stats: HostileStats = { hits: 0, posted: 0, answers: {} };
  const timers = new Set<NodeJS.Timeout>();
  const server = await listen((req, res) => {
    if (hit(req)) {
      stats.hits++;
      req.resume();
      misbehave(req, res, timers);
      return;
    }
    emulator.app(req, res);
  });
  emulator.setBaseUrl(server.origin);
  return {
    url: `${server.origin}${spec.version.managementBasePath}`,
    stats,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      emulator.close();
      await server.close();
    },
  };
}

function later(timers: Set<NodeJS.Timeout>, ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, ms);
  timers.add(t);
}

function reply(
  res: http.ServerResponse,
  status: number,
  headers: http.OutgoingHttpHeaders,
  body: string | Buffer,
) {
  res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Writes `total` bytes of JSON whitespace after `[` (a never-ending array), honouring backpressure. */
function streamHuge(res: http.ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': total + 2 });
  res.write('[');
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(']');
  };
  pump();
}

const REQUEST_MISBEHAVIOURS: readonly [string, string, Misbehaviour][] = [
  [
    'reset-on-request',
    'the connection is reset (RST) as soon as the request arrives',
    (req) => req.socket.resetAndDestroy(),
  ],
  [
    'reset-mid-body',
    'headers and part of the body, then a reset',
    (req, res) => {
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': 10_000 });
      // Reset once the partial body is on the wire (no timer: a busy test process must not turn it into a hang).
      res.write('[{"id":"abc","state":"inPro', () => req.socket.resetAndDestroy());
    },
  ],
  ['no-response', 'the request is read and never answered', () => undefined],
  [
    'headers-then-silence',
    'status and headers, then nothing',
    (_req, res) => {
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': 100 });
      res.flushHeaders();
    },
  ],
  [
    'byte-a-second',
    'a body trickled one byte a second',
    (_req, res, timers) => {
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': 600 });
      res.write('[');
      const tick = (): void => {
        if (res.destroyed) return;
        res.write(' ');
        later(timers, 1000, tick);
      };
      later(timers, 1000, tick);
    },
  ],
  ['body-50mb', 'a 50 MB body', (_req, res) => streamHuge(res, 50 * 1024 * 1024)],
  [
    'invalid-json',
    'a 200 whose JSON body does not parse',
    (_req, res) => reply(res, 200, { 'content-type': JSON_TYPE }, '[{"id": "x", state: inProgress}]'),
  ],
  [
    'truncated-json',
    'a complete HTTP message whose JSON is cut short',
    (_req, res) => reply(res, 200, { 'content-type': JSON_TYPE }, '[{"id":"abc","state":"ackno'),
  ],
  [
    'wrong-content-type',
    'JSON served as text/html',
    (_req, res) => reply(res, 200, { 'content-type': 'text/html; charset=utf-8' }, '[]'),
  ],
  ['missing-content-type', 'a body without any Content-Type', (_req, res) => reply(res, 200, {}, '[]')],
  [
    'compressed-garbage',
    'Content-Encoding: gzip over random bytes',
    (_req, res) =>
      reply(res, 200, { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }, randomBytes(4096)),
  ],
  [
    'redirect-loop',
    'a 302 to itself',
    (req, res) => reply(res, 302, { location: req.url ?? '/', 'content-type': 'text/plain' }, 'again'),
  ],
  [
    'redirect-other-host',
    'a 307 to another host',
    (req, res) => reply(res, 307, { location: `http://elsewhere.invalid${req.url ?? '/'}` }, ''),
  ],
  [
    '5xx-storm',
    'every marked request gets a 503 with an HTML page',
    (_req, res) =>
      reply(res, 503, { 'content-type': 'text/html', 'retry-after': '3600' }, '<h1>Service Unavailable</h1>'),
  ],
  [
    'not-http',
    'an answer that is not HTTP at all',
    (req) => {
      req.socket.end('SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n');
    },
  ],
  [
    'header-overflow',
    'a 100 kB response header',
    (_req, res) => reply(res, 200, { 'content-type': JSON_TYPE, 'x-padding': 'a'.repeat(100_000) }, '[]'),
  ],
  [
    'bad-chunking',
    'a chunked body with an invalid chunk size',
    (req) => {
      req.socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=utf-8\r\ntransfer-encoding: chunked\r\n\r\nZZZ\r\n[]\r\n',
      );
    },
  ],
  [
    'deep-json',
    'JSON nested 100 000 levels deep',
    (_req, res) =>
      reply(res, 200, { 'content-type': JSON_TYPE }, `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  ],
];

// ---------------------------------------------------------------------------------------------------
// notify Sellers
// ---------------------------------------------------------------------------------------------------

export interface NotifyContext {
  readonly orderId: string;
  /** Full listener URL of an event type under the registered callback. */
  eventUrl(eventType?: string): string;
  /** A valid productOrderStateChangeEvent body (v11). */
  event(fields?: {
    orderId?: string;
    state?: string;
    eventId?: string;
    eventTime?: string;
    pad?: number;
  }): string;
  /** Posts bodies, `concurrency` at a time; resolves when all are answered (or failed). */
  postAll(
    bodies: readonly (string | Buffer)[],
    options?: { concurrency?: number; contentType?: string },
  ): Promise<void>;
  /** Opens a POST and trickles its body (never finishes on its own). */
  trickle(body: string, everyMs: number): void;
  sleep(ms: number): Promise<void>;
}

type NotifyScript = (ctx: NotifyContext) => Promise<void>;

async function startNotifySeller(script: NotifyScript): Promise<HostileSeller> {
  const spec = await loadApiSpec('sonata-v11');
  const emulator = createSellerApp({ spec, clock: new ScaledClock(36_000), products: sharedProducts() });
  const stats: HostileStats = { hits: 0, posted: 0, answers: {} };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const timers = new Set<NodeJS.Timeout>();
  const trickles = new Set<http.ClientRequest>();
  const base = spec.version.managementBasePath;
  const hubs = new Map<string, string>();
  const orders = new Map<string, { started?: Promise<void> }>();
  let closed = false;

  const ctxFor = (orderId: string, callback: string): NotifyContext => ({
    orderId,
    eventUrl: (eventType = 'productOrderStateChangeEvent') => listenerUrl(spec, callback, eventType),
    event: (f = {}) => stateEvent(orderId, f),
    postAll: (bodies, o = {}) =>
      postAll(bodies, o.concurrency ?? 16, (body) =>
        post(agent, listenerUrl(spec, callback), body, o.contentType ?? JSON_TYPE).then((status) => {
          stats.posted++;
          stats.answers[String(status)] = (stats.answers[String(status)] ?? 0) + 1;
        }),
      ),
    trickle: (body, everyMs) => {
      const req = http.request(listenerUrl(spec, callback), {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', () => undefined);
      trickles.add(req);
      let i = 0;
      const tick = (): void => {
        if (closed || req.destroyed || i >= body.length) return;
        req.write(body[i++]!);
        later(timers, everyMs, tick);
      };
      tick();
    },
    sleep: (ms) => new Promise((resolve) => later(timers, ms, () => resolve())),
  });

  const server = await listen((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'POST' && path === `${base}/hub`) {
      void readAll(req).then((text) => {
        const input = safeJson(text) as { callback?: unknown; query?: unknown } | undefined;
        const id = `hostile-hub-${randomUUID()}`;
        const callback = typeof input?.callback === 'string' ? input.callback : '';
        hubs.set(id, callback);
        const doc = { id, callback, ...(typeof input?.query === 'string' ? { query: input.query } : {}) };
        reply(res, 201, { 'content-type': JSON_TYPE }, JSON.stringify(doc));
      });
      return;
    }
    const hubId = path.startsWith(`${base}/hub/`) ? decodeURIComponent(path.slice(base.length + 5)) : '';
    if (req.method === 'DELETE' && hubs.has(hubId)) {
      hubs.delete(hubId);
      req.resume();
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && path === `${base}/productOrder`) {
      captureCreated(res, (order) => {
        const ext = order['externalId'];
        if (typeof ext === 'string' && ext.startsWith('HOSTILE') && typeof order['id'] === 'string')
          orders.set(order['id'], {});
      });
      emulator.app(req, res);
      return;
    }
    const orderId = path.startsWith(`${base}/productOrder/`)
      ? decodeURIComponent(path.slice(base.length + 14))
      : '';
    const marked = req.method === 'GET' ? orders.get(orderId) : undefined;
    if (marked) {
      stats.hits++;
      if (!marked.started) {
        // The first retrieve triggers the script: the create response has been read by now.
        const callback = [...hubs.values()].at(-1) ?? '';
        marked.started = script(ctxFor(orderId, callback)).catch(() => undefined);
        emulator.app(req, res);
      } else {
        // Any later retrieve is the barrier: answered once every scripted event has been posted.
        void marked.started.then(() => (closed ? res.destroy() : emulator.app(req, res)));
      }
      return;
    }
    emulator.app(req, res);
  });
  emulator.setBaseUrl(server.origin);
  return {
    url: `${server.origin}${base}`,
    stats,
    close: async () => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      for (const r of trickles) r.destroy();
      agent.destroy();
      emulator.close();
      await server.close();
    },
  };
}

function listenerUrl(spec: ApiSpec, callback: string, eventType = 'productOrderStateChangeEvent'): string {
  const op = spec.notification.operations.get(eventType);
  return `${callback.replace(/\/+$/, '')}${spec.version.notificationBasePath}${op?.path ?? ''}`;
}

function stateEvent(
  orderId: string,
  f: { orderId?: string; state?: string; eventId?: string; eventTime?: string; pad?: number },
): string {
  const id = f.orderId ?? orderId;
  return JSON.stringify({
    eventId: f.eventId ?? randomUUID(),
    eventTime: f.eventTime ?? new Date().toISOString(),
    eventType: 'productOrderStateChangeEvent',
    event: {
      id,
      href: `/productOrder/${id}`,
      state: f.state ?? 'inProgress',
      ...(f.pad ? { padding: 'x'.repeat(f.pad) } : {}),
    },
  });
}

function post(agent: http.Agent, url: string, body: string | Buffer, contentType: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function postAll<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function readAll(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sees the JSON body the emulator writes (a create response) on its way out. */
function captureCreated(res: http.ServerResponse, seen: (doc: Record<string, unknown>) => void): void {
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => http.ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode === 201 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
      const doc = safeJson(chunk.toString());
      if (doc && typeof doc === 'object') seen(doc as Record<string, unknown>);
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const NOTIFY_SCRIPTS: readonly [string, string, NotifyScript][] = [
  [
    'notification-flood',
    '12 000 valid events for the order (the listener keeps 10 000)',
    (c) =>
      c.postAll(
        Array.from({ length: 12_000 }, () => c.event()),
        { concurrency: 32 },
      ),
  ],
  [
    'garbage-flood',
    '10 000 events that are not JSON',
    (c) =>
      c.postAll([c.event(), ...Array.from({ length: 10_000 }, (_, i) => `{"eventId": ${i}, garbage`)], {
        concurrency: 32,
      }),
  ],
  [
    'duplicate-events',
    'the same event (same eventId) delivered three times',
    (c) => {
      const same = c.event({ eventId: `dup-${randomUUID()}` });
      return c.postAll([same, same, same], { concurrency: 1 });
    },
  ],
  [
    'late-events',
    'events posted long after the window closed',
    async (c) => {
      await c.sleep(5000);
      await c.postAll([c.event(), c.event({ state: 'completed' })], { concurrency: 1 });
    },
  ],
  [
    'out-of-order-events',
    'completed, then the earlier inProgress (eventTime going backwards)',
    (c) => {
      const t = Date.now();
      return c.postAll(
        [
          c.event({ state: 'completed', eventTime: iso(t + 2000) }),
          c.event({ state: 'inProgress', eventTime: iso(t + 1000) }),
        ],
        { concurrency: 1 },
      );
    },
  ],
  [
    'unknown-order-events',
    'events about orders the Buyer never created',
    (c) =>
      c.postAll(
        [c.event(), ...Array.from({ length: 5 }, (_, i) => c.event({ orderId: `never-created-${i}` }))],
        { concurrency: 1 },
      ),
  ],
  [
    'huge-event-bodies',
    '80 events of 900 kB (under the listener cap, over its byte budget together), then 20 of 3 MB (over the cap)',
    (c) =>
      c.postAll(
        [
          c.event(),
          ...Array.from({ length: 80 }, () => c.event({ pad: 900 * 1024 })),
          ...Array.from({ length: 20 }, () => c.event({ pad: 3 * 1024 * 1024 })),
        ],
        { concurrency: 1 },
      ),
  ],
  [
    'trickled-event',
    'one event body trickled a byte every 200 ms, never finished, beside a valid one',
    async (c) => {
      c.trickle(c.event(), 200);
      await c.postAll([c.event()], { concurrency: 1 });
    },
  ],
];

async function closedPortSeller(): Promise<HostileSeller> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `http://127.0.0.1:${port}/mefApi/sonata/productOrderingManagement/v11`,
    stats: { hits: 0, posted: 0, answers: {} },
    close: () => Promise.resolve(),
  };
}

export const HOSTILE_SELLERS: readonly HostileEntry[] = [
  {
    name: 'connection-refused',
    kind: 'target',
    description: 'nothing listens at the target (every scenario is hit)',
    start: closedPortSeller,
  },
  ...REQUEST_MISBEHAVIOURS.map(([name, description, fn]): HostileEntry => ({
    name,
    kind: 'request',
    description,
    start: () => startRequestSeller(fn),
  })),
  ...NOTIFY_SCRIPTS.map(([name, description, fn]): HostileEntry => ({
    name,
    kind: 'notify',
    description,
    start: () => startNotifySeller(fn),
  })),
];
