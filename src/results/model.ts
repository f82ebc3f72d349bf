/**
 * The result model: step → scenario → run, plus per-requirement verdicts. Pure data: the runner builds
 * it, one module judges it (verdicts), reporters only read it. Everything here is JSON-serialisable and
 * is what `results.json` holds.
 */

/** Who sent a message: the harness as Buyer, the target (or emulated) Seller, or the harness itself. */
export type ExchangeKind = 'request' | 'notification';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names lower-case; secrets already redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body text as sent (possibly truncated, see `bodyTruncated`). */
  readonly body?: string;
  readonly bodyTruncated?: boolean;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly bodyTruncated?: boolean;
}

export type TransportErrorCode =
  | 'timeout'
  | 'connectionRefused'
  | 'connectionReset'
  | 'bodyTooLarge'
  | 'tooManyRedirects'
  /** The answer is not valid HTTP/1.1 (garbage, an oversized header, broken chunking). */
  | 'protocol'
  /** The TLS handshake failed: an untrusted or mismatched certificate, a client certificate refused. */
  | 'tls'
  | 'network'
  | 'aborted';

/** One HTTP message pair: Buyer → Seller (`request`) or Seller → Buyer listener (`notification`). */
export interface Exchange {
  readonly id: string;
  readonly kind: ExchangeKind;
  /** operationId on the API that received it (`createProductOrder`, `productOrderStateChangeEvent`). */
  readonly operationId?: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly request: RecordedRequest;
  readonly response?: RecordedResponse;
  readonly error?: { readonly code: TransportErrorCode; readonly message: string };
}

export type Severity = 'error' | 'warning' | 'info';

/** One observation of a check. `error` findings fail the step; warnings and info are reported only. */
export interface Finding {
  /** The check that produced it (`response-schema`, `state-transition`, `expect-status`, …). */
  readonly check: string;
  /** Stable code tests and reports key on (`schema.required`, `status.unexpected`, …). */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Requirement ids this finding bears on (`R17`, `CR4`…). */
  readonly requirements: readonly string[];
  readonly exchangeId?: string;
  /** JSON Pointer into the body concerned, when there is one. */
  readonly pointer?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

/**
 * passed: every check held; failed: the target did not conform; errored: the harness or the
 * infrastructure failed (not the target's fault, or not provably); skipped: not run (filter, prompt under
 * CI, interrupted); notApplicable: the target declared it lacks a capability the scenario needs.
 */
export type Status = 'passed' | 'failed' | 'errored' | 'skipped' | 'notApplicable';

export interface StepResult {
  readonly index: number;
  /** What the step does, for people: `createProductOrder`, `await productOrderStateChangeEvent`, … */
  readonly name: string;
  readonly kind: string;
  readonly status: Status;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly findings: readonly Finding[];
  readonly exchanges: readonly Exchange[];
  /** Why it errored or was skipped. */
  readonly message?: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly status: Status;
  readonly requirements: readonly string[];
  readonly tags: readonly string[];
  readonly capabilities: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
  readonly steps: readonly StepResult[];
  /** Whole-scenario findings from checks that run after the steps (state history, notification rules). */
  readonly findings: readonly Finding[];
  readonly message?: string;
}

export type Verdict = 'conformant' | 'nonConformant' | 'partial' | 'notTested' | 'notApplicable';

export interface RequirementResult {
  readonly id: string;
  readonly verdict: Verdict;
  /** One line in our own words. */
  readonly summary?: string;
  readonly role?: string;
  readonly scenarios: readonly string[];
  /** Ids of failing scenarios, for the report's evidence links. */
  readonly failedScenarios: readonly string[];
}

export interface RunManifest {
  readonly harnessVersion: string;
  /** `seller`: a Seller is under test (the harness plays the Buyer); `buyer`: the reverse. */
  readonly role: 'seller' | 'buyer';
  readonly apiVersion: string;
  readonly specSha256: { readonly management: string; readonly notification: string };
  readonly capabilities: readonly string[];
  readonly target: string;
  readonly embeddedTarget: boolean;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly nodeVersion: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly shard?: string;
}

export interface RunSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly notApplicable: number;
}

export type RunStatus = 'passed' | 'failed' | 'errored' | 'interrupted';

export interface RunResult {
  readonly schemaVersion: 1;
  readonly status: RunStatus;
  readonly manifest: RunManifest;
  readonly summary: RunSummary;
  readonly scenarios: readonly ScenarioResult[];
  readonly requirements: readonly RequirementResult[];
  /** Harness-level problems (listener could not bind, target unreachable at start, …). */
  readonly errors: readonly string[];
}
