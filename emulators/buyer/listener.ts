import express, { type NextFunction, type Request, type Response } from 'express';
import { isoNow, ScaledClock } from '../../src/clock';
import type { Exchange } from '../../src/results';
import { errorBody } from './event-checks';
import { createIdGenerator } from './ids';
import { judgeEvent } from './judge-event';
import { listenServer, type ServerHandle } from './listen-server';
import { recordIncoming, writeReply } from './listener-reply';
import type { ListeningHandle, NotificationListener, NotificationListenerOptions } from './listener-types';
import { NotificationStore } from './notification-store';
import { readBody } from './read-body';
import { createRedactor } from './redact-exchange';

const MAX_UNROUTED = 1000;

/**
 * The Buyer's notification listener: serves `POST {notificationBasePath}/listener/{eventType}` for every
 * event type of the spec, answers as the spec says (204, or 400/401/413 with an `Error` body), and
 * records every event, valid or not, for the scenario steps and checks awaiting it. It never trusts
 * the Seller: bodies are capped, garbage gets a 400, and nothing a request does can crash it.
 */
export function createNotificationListener(options: NotificationListenerOptions): NotificationListener {
  const { spec } = options;
  const clock = options.clock ?? new ScaledClock();
  const ids = options.ids ?? createIdGenerator('nt');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const token = options.auth?.token || undefined;
  const redactor = createRedactor([...(options.secrets ?? []), ...(token ? [token] : [])]);
  const store = new NotificationStore(
    clock,
    options.maxNotifications ?? 10_000,
    options.maxStoredBytes ?? 32 * 1024 * 1024,
  );
  const unrouted: Exchange[] = [];
  let sequence = 0;
  let server: Promise<ServerHandle> | undefined;

  const basePath = spec.version.notificationBasePath;
  const routes = new Map<string, string>();
  for (const eventType of spec.eventTypes) {
    const operation = spec.notification.operations.get(eventType);
    if (operation) routes.set(`${basePath}${operation.path}`, eventType);
  }

  async function onRequest(req: Request, res: Response): Promise<void> {
    const startedAt = isoNow(clock);
    const startedMs = performance.now();
    const eventType = routes.get(req.path);
    const read = await readBody(req, maxBodyBytes);
    const base = { id: ids(), startedAt, startedMs, req, read, redactor };
    if (!eventType || req.method !== 'POST') {
      const response = eventType
        ? writeReply(res, 405, errorBody('methodNotAllowed', 'Listener endpoints accept POST only'), {
            allow: 'POST',
          })
        : writeReply(res, 404, errorBody('notFound', `No listener endpoint at ${req.path}`));
      unrouted.push(recordIncoming({ ...base, response }));
      if (unrouted.length > MAX_UNROUTED) unrouted.shift();
      return;
    }
    const receivedAt = isoNow(clock);
    const judgement = read.aborted
      ? undefined
      : judgeEvent({
          spec,
          eventType,
          read,
          headers: req.headers,
          maxBodyBytes,
          ...(token ? { token } : {}),
        });
    const response = judgement
      ? writeReply(
          res,
          judgement.status,
          judgement.error,
          judgement.status === 401 ? { 'www-authenticate': 'Bearer realm="lso-harness"' } : {},
        )
      : undefined;
    const exchange = recordIncoming({
      ...base,
      operationId: eventType,
      ...(response ? { response } : {}),
      ...(read.aborted
        ? { error: { code: 'connectionReset' as const, message: 'the peer closed the connection mid-body' } }
        : {}),
    });
    const query = new URL(req.url, 'http://listener').searchParams;
    const buyerId = query.get('buyerId');
    const sellerId = query.get('sellerId');
    const kept = judgement?.body !== undefined ? read.bytes.length : 0;
    store.add(
      {
        sequence: ++sequence,
        eventType,
        exchange,
        ...(judgement?.body !== undefined ? { body: judgement.body } : {}),
        valid: judgement?.status === 204,
        violations: judgement?.violations ?? [
          { pointer: '', keyword: 'aborted', message: 'the connection closed before the body ended' },
        ],
        receivedAt,
        query: { ...(buyerId !== null ? { buyerId } : {}), ...(sellerId !== null ? { sellerId } : {}) },
      },
      kept + (exchange.request.body?.length ?? 0),
    );
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req: Request, res: Response) => onRequest(req, res));
  // Reached only through a harness bug: answer like the spec's 500 rather than with express's HTML page.
  app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (!res.headersSent) writeReply(res, 500, errorBody('internalError', 'The listener failed'));
  });

  function callbackBase(): string {
    if (options.callbackUrl) return options.callbackUrl.replace(/\/+$/, '');
    throw new Error('the listener is not listening and no callbackUrl was given');
  }

  let boundUrl: string | undefined;
  return {
    app,
    listen(listenOptions = {}): Promise<ListeningHandle> {
      server ??= listenServer(app, listenOptions);
      return server.then((handle) => {
        boundUrl = handle.url;
        return {
          url: handle.url,
          close: async () => {
            store.releaseWaiters();
            server = undefined;
            boundUrl = undefined;
            await handle.close();
          },
        };
      });
    },
    callbackBase: () => (options.callbackUrl || !boundUrl ? callbackBase() : boundUrl),
    eventUrl(eventType) {
      const operation = spec.notification.operations.get(eventType);
      if (!operation) throw new Error(`${spec.version.id} has no event type ${eventType}`);
      return `${this.callbackBase()}${basePath}${operation.path}`;
    },
    notifications: () => store.all(),
    unrouted: () => [...unrouted],
    dropped: () => store.dropped(),
    waitFor: (filter, waitOptions) => store.waitFor(filter, waitOptions),
    clear: () => store.clear(),
  };
}
