import type { Express } from 'express';
import type { Clock } from '../../src/clock';
import type { Exchange } from '../../src/results';
import type { ApiSpec, SchemaViolation } from '../../src/spec';
import type { IdGenerator } from './ids';

/** One event the Seller posted to the listener, valid or not, with what the listener answered. */
export interface ReceivedNotification {
  /** 1, 2, 3… in arrival order over the listener's life (not reset by `clear`). */
  readonly sequence: number;
  /** The operationId of the path it was posted to (= the event type of that endpoint). */
  readonly eventType: string;
  /** kind `notification`, operationId = eventType; request = what the Seller sent, response = our answer. */
  readonly exchange: Exchange;
  /** The parsed JSON body, when it parsed (also when it failed the schema). */
  readonly body?: unknown;
  readonly valid: boolean;
  /**
   * Schema violations, or one transport-level problem at pointer '' with keyword `contentType`,
   * `json`, `encoding`, `bodyTooLarge`, `credentials` or `aborted` (the Seller hung up mid-body: no
   * answer was sent and `exchange.error` says so).
   */
  readonly violations: readonly SchemaViolation[];
  /** Clock time at which the whole body had arrived. */
  readonly receivedAt: string;
  readonly query: { readonly buyerId?: string; readonly sellerId?: string };
}

export type NotificationFilter = (notification: ReceivedNotification) => boolean;

export interface WaitForOptions {
  /** Clock milliseconds (virtual under a scaled or manual clock). Absent: until `signal` or `close`. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Take the match, so a later waitFor with the same filter needs another event. */
  readonly consume?: boolean;
}

export interface NotificationListenerOptions {
  readonly spec: ApiSpec;
  readonly clock?: Clock;
  /** When `token` is set, every event must carry `Authorization: Bearer <token>`. */
  readonly auth?: { readonly token?: string };
  /** Masked in recorded exchanges (the token is added automatically). */
  readonly secrets?: readonly string[];
  readonly ids?: IdGenerator;
  /** Notifications kept; the oldest are dropped beyond it. Default 10 000. */
  readonly maxNotifications?: number;
  /** Bytes of event bodies kept (raw and parsed, estimated); the oldest are dropped beyond it. Default 32 MB. */
  readonly maxStoredBytes?: number;
  /** Largest event body accepted, in bytes. Default 1 MB (beyond: 413). */
  readonly maxBodyBytes?: number;
  /** What the Seller must use as `callback` when it cannot reach the bound address (NAT, container). */
  readonly callbackUrl?: string;
}

export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

export interface ListeningHandle {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  /** Stops the server (open connections too) and resolves pending waiters with undefined. */
  close(): Promise<void>;
}

export interface NotificationListener {
  readonly app: Express;
  listen(options?: ListenOptions): Promise<ListeningHandle>;
  /** The `callback` for hub registration: the Seller appends the base path and `/listener/{eventType}`. */
  callbackBase(): string;
  /** Full URL of one event endpoint (callbackBase + base path + listener path). */
  eventUrl(eventType: string): string;
  notifications(): readonly ReceivedNotification[];
  /** Requests to paths that are not listener endpoints (a v10 path on v11, a doubled slash…): evidence. */
  unrouted(): readonly Exchange[];
  /** Notifications dropped by the memory bound so far. */
  dropped(): number;
  waitFor(filter: NotificationFilter, options?: WaitForOptions): Promise<ReceivedNotification | undefined>;
  /** Forgets recorded notifications; waiters keep waiting for future ones. */
  clear(): void;
}
