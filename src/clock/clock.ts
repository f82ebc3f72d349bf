/**
 * The run's clock. Lifecycles of days must run in milliseconds, so everything that waits or stamps a
 * date (the Seller emulator's transitions, `sleep`, `within` windows) asks a Clock, never `Date.now()`.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, on this clock. */
  now(): number;
  /** Runs `fn` once `ms` of this clock's time has passed. */
  schedule(ms: number, fn: () => void): TimerHandle;
  /** Resolves once `ms` of this clock's time has passed (or at once when `signal` aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Real milliseconds that `ms` of this clock's time take (for network timeouts of real sockets). */
  toRealMs(ms: number): number;
  readonly kind: 'real' | 'scaled' | 'manual';
}

export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function sleepOn(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const handle = clock.schedule(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    const onAbort = (): void => {
      handle.cancel();
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The longest delay setTimeout honours. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Time that runs `scale` times faster than the wall clock, starting at the wall clock's now.
 * scale 1 is real time; scale 3600 runs an hour per real second.
 */
export class ScaledClock implements Clock {
  readonly kind: 'real' | 'scaled';
  private readonly realStart = Date.now();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly scale = 1) {
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new Error(`clock scale must be a positive number, got ${scale}`);
    this.kind = scale === 1 ? 'real' : 'scaled';
  }

  now(): number {
    return this.realStart + (Date.now() - this.realStart) * this.scale;
  }

  schedule(ms: number, fn: () => void): TimerHandle {
    let timer: NodeJS.Timeout;
    // setTimeout fires at once (TimeoutOverflowWarning) past 2^31-1 ms, about 24.8 days: longer waits
    // (a 30-day charge window, a "never" wait on a real clock) are chained in steps that fit.
    const arm = (realMs: number): void => {
      timer = setTimeout(
        () => {
          this.timers.delete(timer);
          if (realMs > MAX_TIMEOUT_MS) arm(realMs - MAX_TIMEOUT_MS);
          else fn();
        },
        Math.min(realMs, MAX_TIMEOUT_MS),
      );
      timer.unref?.();
      this.timers.add(timer);
    };
    arm(Math.max(0, this.toRealMs(ms)));
    return { cancel: () => (clearTimeout(timer), this.timers.delete(timer)) };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  toRealMs(ms: number): number {
    return ms / this.scale;
  }

  /** Cancels every pending timer (on shutdown). */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

interface ManualTimer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** A clock that moves only when told (`advance`): deterministic tests of long lifecycles. */
export class ManualClock implements Clock {
  readonly kind = 'manual' as const;
  private current: number;
  private seq = 0;
  private pending: ManualTimer[] = [];

  constructor(start: number | string = '2026-01-05T09:00:00.000Z') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.current;
  }

  schedule(ms: number, fn: () => void): TimerHandle {
    const timer: ManualTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.pending.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  toRealMs(): number {
    return 0;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order (timers may add timers). */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      this.pending = this.pending.filter((t) => !t.cancelled);
      const due = this.pending.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }

  /** Advances to the next pending timer, if any; returns whether one fired. */
  advanceToNext(): boolean {
    const next = this.pending.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
    if (!next) return false;
    this.advance(next.at - this.current);
    return true;
  }

  pendingCount(): number {
    return this.pending.filter((t) => !t.cancelled).length;
  }
}
