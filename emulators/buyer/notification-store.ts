import type { Clock, TimerHandle } from '../../src/clock';
import type { NotificationFilter, ReceivedNotification, WaitForOptions } from './listener-types';

interface Waiter {
  readonly filter: NotificationFilter;
  readonly consume: boolean;
  settle(notification: ReceivedNotification | undefined): void;
}

/** A filter written by a scenario author may throw on an odd body: that is a non-match, not a crash. */
function matches(filter: NotificationFilter, notification: ReceivedNotification): boolean {
  try {
    return filter(notification);
  } catch {
    return false;
  }
}

/**
 * Received notifications, bounded (a Seller flooding the listener must not exhaust memory), and the
 * scenario steps awaiting them. A notification taken by a consuming waitFor is never handed out again,
 * so two identical events satisfy two awaits; non-consuming waits only look.
 */
export class NotificationStore {
  private items: ReceivedNotification[] = [];
  /** Estimated bytes held by each item (same order as `items`). */
  private sizes: number[] = [];
  private bytes = 0;
  private readonly consumed = new Set<number>();
  private waiters: Waiter[] = [];
  private droppedCount = 0;

  /** `maxBytes` bounds the bodies kept as well as their number: a few huge events weigh like a flood. */
  constructor(
    private readonly clock: Clock,
    private readonly max: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    if (!(max >= 1)) throw new Error(`maxNotifications must be at least 1, got ${max}`);
  }

  all(): readonly ReceivedNotification[] {
    return [...this.items];
  }

  dropped(): number {
    return this.droppedCount;
  }

  /** `bytes`: what the notification holds in memory (its body as recorded and as parsed), estimated. */
  add(notification: ReceivedNotification, bytes = 0): void {
    this.items.push(notification);
    this.sizes.push(bytes);
    this.bytes += bytes;
    // The newest is always kept, whatever its size: a waiter may be about to take it.
    while (this.items.length > this.max || (this.bytes > this.maxBytes && this.items.length > 1)) {
      const oldest = this.items.shift()!;
      this.bytes -= this.sizes.shift() ?? 0;
      this.consumed.delete(oldest.sequence);
      this.droppedCount += 1;
    }
    for (const waiter of [...this.waiters]) {
      if (this.consumed.has(notification.sequence)) break;
      if (!matches(waiter.filter, notification)) continue;
      if (waiter.consume) this.consumed.add(notification.sequence);
      waiter.settle(notification);
    }
  }

  waitFor(
    filter: NotificationFilter,
    options: WaitForOptions = {},
  ): Promise<ReceivedNotification | undefined> {
    const consume = options.consume ?? false;
    const past = this.items.find((n) => !this.consumed.has(n.sequence) && matches(filter, n));
    if (past) {
      if (consume) this.consumed.add(past.sequence);
      return Promise.resolve(past);
    }
    const { signal, timeoutMs } = options;
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const onAbort = (): void => waiter.settle(undefined);
      const waiter: Waiter = {
        filter,
        consume,
        settle: (notification) => {
          timer?.cancel();
          signal?.removeEventListener('abort', onAbort);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(notification);
        },
      };
      this.waiters.push(waiter);
      if (timeoutMs !== undefined) timer = this.clock.schedule(timeoutMs, () => waiter.settle(undefined));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  clear(): void {
    this.items = [];
    this.sizes = [];
    this.bytes = 0;
    this.consumed.clear();
  }

  /** Resolves every pending waiter with undefined (the listener is shutting down). */
  releaseWaiters(): void {
    for (const waiter of [...this.waiters]) waiter.settle(undefined);
  }
}
