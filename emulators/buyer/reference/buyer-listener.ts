import type { IncomingMessage, ServerResponse } from 'node:http';
import { ScaledClock } from '../../../src/clock';
import type { ApiSpec } from '../../../src/spec';
import { listenServer, type ServerHandle } from '../listen-server';
import { createNotificationListener } from '../listener';
import { readBody } from '../read-body';
import type { BuyerFault } from './buyer-faults';

/** An event the Buyer accepted, for its main loop. */
export interface InboxEvent {
  readonly eventType: string;
  readonly body: {
    readonly eventId?: string;
    readonly eventType?: string;
    readonly event?: Record<string, unknown>;
  };
}

export interface BuyerListener {
  /** The `callback` to register (the Seller appends the base path and `/listener/{eventType}`). */
  readonly callback: string;
  /** The next accepted event, or undefined after `timeoutMs` (real time). */
  next(timeoutMs: number): Promise<InboxEvent | undefined>;
  close(): Promise<void>;
}

export interface BuyerListenerOptions {
  readonly spec: ApiSpec;
  readonly host: string;
  readonly port: number;
  readonly callbackUrl?: string;
  readonly faults: readonly BuyerFault[];
}

const LISTENER_FAULTS = [
  'listener-500',
  'listener-silent',
  'listener-accepts-anything',
  'listener-rejects-duplicates',
] as const;
type ListenerFault = (typeof LISTENER_FAULTS)[number];

/**
 * The reference Buyer's listener: the spec-driven notification listener (204 to a valid event, 400 with an
 * Error body to anything else), or, when a listener fault is asked for, a deliberately broken one.
 */
export async function startBuyerListener(options: BuyerListenerOptions): Promise<BuyerListener> {
  const fault = LISTENER_FAULTS.find((f) => options.faults.includes(f));
  if (fault) return startBrokenListener(options, fault);
  const listener = createNotificationListener({
    spec: options.spec,
    clock: new ScaledClock(1),
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
  });
  const handle = await listener.listen({ host: options.host, port: options.port });
  return {
    callback: options.callbackUrl?.replace(/\/+$/, '') ?? handle.url,
    next: async (timeoutMs) => {
      const n = await listener.waitFor((x) => x.valid, { timeoutMs: Math.max(1, timeoutMs), consume: true });
      return n ? { eventType: n.eventType, body: n.body ?? {} } : undefined;
    },
    close: () => handle.close(),
  };
}

/** A small queue of accepted events with waiters (real time). */
function inbox() {
  const queue: InboxEvent[] = [];
  let wake: (() => void) | undefined;
  return {
    push(event: InboxEvent): void {
      queue.push(event);
      wake?.();
    },
    async next(timeoutMs: number): Promise<InboxEvent | undefined> {
      if (queue.length === 0)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(1, timeoutMs));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = undefined;
      return queue.shift();
    },
  };
}

function answer(res: ServerResponse, status: number, code?: string, reason?: string): void {
  if (!code) {
    res.statusCode = status;
    res.end();
    return;
  }
  const text = JSON.stringify({ code, reason });
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function startBrokenListener(
  options: BuyerListenerOptions,
  fault: ListenerFault,
): Promise<BuyerListener> {
  const events = inbox();
  const seen = new Set<string>();
  const prefix = `${options.spec.version.notificationBasePath}/listener/`;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void readBody(req, 1024 * 1024).then((read) => {
      if (fault === 'listener-silent') return; // holds the request open: no answer, ever
      if (fault === 'listener-500') return answer(res, 500, 'internalError', 'The listener failed');
      let body: InboxEvent['body'] | undefined;
      try {
        const parsed = JSON.parse(read.bytes.toString('utf8')) as unknown;
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed;
      } catch {
        body = undefined;
      }
      const path = (req.url ?? '').split('?')[0] ?? '';
      const eventType = path.startsWith(prefix) ? path.slice(prefix.length) : '';
      if (fault === 'listener-rejects-duplicates') {
        if (!body || typeof body.eventId !== 'string' || !body.event)
          return answer(res, 400, 'invalidBody', 'The event body is not an event');
        if (seen.has(body.eventId))
          return answer(res, 400, 'invalidBody', `Event ${body.eventId} was received already`);
        seen.add(body.eventId);
      }
      // listener-accepts-anything: every body is welcome, whatever it is.
      answer(res, 204);
      if (body?.event) events.push({ eventType, body });
    });
  };
  const handle: ServerHandle = await listenServer(handler, { host: options.host, port: options.port });
  return {
    callback: options.callbackUrl?.replace(/\/+$/, '') ?? handle.url,
    next: (timeoutMs) => events.next(timeoutMs),
    close: () => handle.close(),
  };
}
