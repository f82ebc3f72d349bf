import type { Clock } from '../../../src/clock';
import type { NotificationSettings } from '../profile/profile-types';
import type { HubRecord } from '../state/store';
import type { WireEvent } from './events';
import { postJson } from './post-json';

/** One attempt to deliver one event to one hub: every attempt is kept, for tests and the control API. */
export interface DeliveryAttempt {
  readonly hubId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly url: string;
  readonly attempt: number;
  readonly at: string;
  readonly status?: number;
  readonly error?: string;
  readonly delivered: boolean;
  readonly body: WireEvent['body'];
}

interface Job {
  readonly hub: HubRecord;
  readonly event: WireEvent;
  readonly url: string;
  attempt: number;
}

export interface DispatcherStats {
  published: number;
  delivered: number;
  abandoned: number;
  attempts: number;
}

/**
 * Delivers notifications: one queue per hub (events reach a Buyer in the order they happened), retries
 * with exponential backoff on the run's clock, a record of every attempt with a bound on its size.
 */
export class NotificationDispatcher {
  private readonly queues = new Map<string, Job[]>();
  /** Hubs with a delivery in flight or waiting for a retry; aborting stops that job's retries. */
  private readonly busy = new Map<string, AbortController>();
  private readonly record: DeliveryAttempt[] = [];
  private waiting = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  readonly stats: DispatcherStats = { published: 0, delivered: 0, abandoned: 0, attempts: 0 };

  constructor(
    private readonly clock: Clock,
    private readonly settings: NotificationSettings,
    private readonly notificationBasePath: string,
  ) {}

  listenerUrl(hub: HubRecord, eventType: string, query: string): string {
    return `${hub.doc.callback.replace(/\/+$/, '')}${this.notificationBasePath}/listener/${eventType}${query}`;
  }

  enqueue(hub: HubRecord, event: WireEvent, query = ''): void {
    if (this.closed) return;
    this.stats.published++;
    const job: Job = { hub, event, url: this.listenerUrl(hub, event.eventType, query), attempt: 0 };
    const queue = this.queues.get(hub.doc.id) ?? [];
    queue.push(job);
    this.queues.set(hub.doc.id, queue);
    this.pump(hub.doc.id);
  }

  private pump(hubId: string): void {
    if (this.busy.has(hubId)) return;
    const job = this.closed ? undefined : this.queues.get(hubId)?.shift();
    if (!job) {
      this.queues.delete(hubId);
      this.checkIdle();
      return;
    }
    const controller = new AbortController();
    this.busy.set(hubId, controller);
    void this.attempt(job, controller.signal).finally(() => {
      this.busy.delete(hubId);
      this.pump(hubId);
    });
  }

  private async attempt(job: Job, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) {
        this.stats.abandoned++;
        return;
      }
      job.attempt++;
      this.stats.attempts++;
      const result = await postJson(job.url, JSON.stringify(job.event.body), this.settings.timeoutMs, {
        ...(this.settings.bearerToken ? { authorization: `Bearer ${this.settings.bearerToken}` } : {}),
      });
      const delivered = result.status !== undefined && result.status >= 200 && result.status < 300;
      this.keep({
        hubId: job.hub.doc.id,
        eventId: job.event.body.eventId,
        eventType: job.event.eventType,
        url: job.url,
        attempt: job.attempt,
        at: new Date(this.clock.now()).toISOString(),
        ...(result.status !== undefined ? { status: result.status } : {}),
        ...(result.error ? { error: result.error } : {}),
        delivered,
        body: job.event.body,
      });
      if (delivered) {
        this.stats.delivered++;
        return;
      }
      if (job.attempt >= this.settings.maxAttempts || signal.aborted) {
        this.stats.abandoned++;
        return;
      }
      this.waiting++;
      await this.clock.sleep(this.settings.backoff * 2 ** (job.attempt - 1), signal);
      this.waiting--;
    }
  }

  private keep(attempt: DeliveryAttempt): void {
    this.record.push(attempt);
    if (this.record.length > this.settings.keepDeliveries)
      this.record.splice(0, this.record.length - this.settings.keepDeliveries);
  }

  deliveries(): readonly DeliveryAttempt[] {
    return this.record;
  }

  isIdle(): boolean {
    return this.busy.size === 0 && this.queues.size === 0 && this.waiting === 0;
  }

  /** Resolves when nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  clearRecord(): void {
    this.record.length = 0;
  }

  /**
   * The hub was unregistered: its queued events are dropped and a pending retry is abandoned, so nothing
   * reaches its callback afterwards ([R108]).
   */
  forget(hubId: string): void {
    this.queues.delete(hubId);
    this.busy.get(hubId)?.abort();
  }

  close(): void {
    this.closed = true;
    this.queues.clear();
    for (const controller of this.busy.values()) controller.abort();
    this.checkIdle();
  }
}
