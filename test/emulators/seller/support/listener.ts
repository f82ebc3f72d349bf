import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiSpec } from '../../../../src/spec';
import { JSON_MEDIA_TYPE, expectValidNotification } from './conformance';

/** One POST the listener received. */
export interface Captured {
  readonly seq: number;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The parsed body (undefined when it is not JSON). */
  readonly json: unknown;
  /** `…/listener/{eventType}` → eventType. */
  readonly eventType: string;
  /** What the listener answered. */
  readonly status: number;
}

/** Decides the listener's answer; `n` counts the requests received so far, from 0. */
export type Responder = (request: { path: string; n: number }) => number;

export interface CaptureListener {
  /** Origin to register as the hub `callback`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly received: Captured[];
  respondWith(responder: Responder): void;
  /** The notifications of one event type (parsed bodies). */
  events(eventType?: string): Record<string, unknown>[];
  close(): Promise<void>;
}

/** A tiny Buyer listener: a plain http server on 127.0.0.1:0 collecting every POST. */
export async function startCaptureListener(responder: Responder = () => 204): Promise<CaptureListener> {
  const received: Captured[] = [];
  let respond = responder;
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://listener');
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        json = undefined;
      }
      const status = respond({ path: url.pathname, n: n++ });
      received.push({
        seq: received.length,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        text,
        json,
        eventType: url.pathname.split('/').pop() ?? '',
        status,
      });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith: (r) => (respond = r),
    events: (eventType) =>
      received
        .filter((c) => c.status >= 200 && c.status < 300 && (!eventType || c.eventType === eventType))
        .map((c) => c.json as Record<string, unknown>),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Checks every notification the listener accepted: POSTed to `{notificationBasePath}/listener/{eventType}`
 * with the API's media type, a body valid for that event type. Returns the bodies.
 */
export function expectValidCaptures(spec: ApiSpec, listener: CaptureListener): Record<string, unknown>[] {
  const prefix = `${spec.version.notificationBasePath}/listener/`;
  for (const c of listener.received) {
    expect(c.path.slice(0, prefix.length)).toBe(prefix);
    expect(c.headers['content-type']).toBe(JSON_MEDIA_TYPE);
    expectValidNotification(spec, c.eventType, c.json);
  }
  return listener.events();
}
