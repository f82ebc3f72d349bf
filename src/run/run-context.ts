import type { HttpClient, NotificationListener } from '../../emulators/buyer';
import type { Capability } from '../capabilities';
import type { Clock } from '../clock';
import type { Exchange, Finding, Status } from '../results';
import type { Variables } from '../scenario/types';
import type { TemplateEnv } from '../scenario/template';
import type { ApiSpec } from '../spec';
import type { ObservationLog } from '../check/observations';
import type { ControlClient } from './control-client';

/** What every scenario of a run shares: the target, the transport, the clock. */
export interface RunEnvironment {
  readonly spec: ApiSpec;
  readonly client: HttpClient;
  /** Base URL of the Seller's management API (no trailing slash). */
  readonly targetUrl: string;
  readonly clock: Clock;
  readonly capabilities: ReadonlySet<Capability>;
  /** Present when the target is the embedded (or a control-enabled) Seller emulator. */
  readonly control?: ControlClient;
  /** A fresh listener for one scenario (its own callback path, so hubs of concurrent scenarios never mix). */
  readonly openListener: () => Promise<ScenarioListener>;
  readonly ci: boolean;
  /** Asks a person (prompt steps); resolves false on timeout or when there is no terminal. */
  readonly prompt: (message: string, timeoutMs?: number) => Promise<boolean>;
  readonly disabledChecks: ReadonlySet<string>;
  readonly runId: string;
  /** Aborts in-flight steps on interruption. */
  readonly signal: AbortSignal;
  /** Shortest real pause between polls, whatever the clock scale. */
  readonly minPollRealMs: number;
  /** Ids of the orders every scenario of the run created (hubs are per Buyer: events may cross scenarios). */
  readonly createdOrders: Set<string>;
}

export interface ScenarioListener {
  readonly listener: NotificationListener;
  readonly callback: string;
  close(): void;
}

export interface HubTrace {
  id: string;
  eventTypes: string[];
  registeredAtSeq: number;
  unregisteredAtSeq?: number;
  /** Run-clock time at which the Seller's answer to the DELETE arrived. */
  unregisteredAt?: number;
}

/** The state of one scenario while it runs. */
export interface ScenarioState {
  vars: Record<string, Variables[string]>;
  readonly env: TemplateEnv;
  readonly observations: ObservationLog;
  readonly hubs: HubTrace[];
  readonly orders: { id: string; itemIds: string[]; respondedAtSeq: number }[];
  listener?: ScenarioListener;
  readonly requirements: readonly string[];
}

/** What a step produced; the scenario runner turns it into a StepResult. */
export interface StepOutcome {
  readonly findings: Finding[];
  readonly exchanges: Exchange[];
  /** Forces a status (errored: harness trouble; skipped: not run; notApplicable). */
  readonly status?: Extract<Status, 'errored' | 'skipped' | 'notApplicable'>;
  readonly message?: string;
}

export function lastSequence(listener: NotificationListener | undefined): number {
  const all = listener?.notifications() ?? [];
  return all.length > 0 ? (all[all.length - 1]?.sequence ?? 0) : 0;
}
