import type { RunStatus, RunSummary } from '../results';

/** What the self-check found out about one fault: `caught` only when a catch was reproduced. */
export type FaultVerdict = 'caught' | 'missed';

/** Why a scenario counts as catching a fault: the error findings it raised. */
export interface CatchEvidence {
  readonly scenario: string;
  /** Distinct finding codes of its error findings (`expect.status`, `attribute.required`, …). */
  readonly codes: readonly string[];
  /** Requirement ids those findings bear on. */
  readonly requirements: readonly string[];
  /** Some finding names a requirement the fault breaks (the scenario caught it for the stated reason). */
  readonly onPoint: boolean;
}

/** One run of the catalog, summed up. */
export interface CatalogRun {
  readonly status: RunStatus;
  readonly summary: RunSummary;
  /** Scenario ids that failed. */
  readonly failed: readonly string[];
  /** Scenario ids that errored (harness or infrastructure trouble). */
  readonly errored: readonly string[];
  /** Harness-level problems of the run. */
  readonly errors: readonly string[];
  readonly durationMs: number;
}

/**
 * The catalog against the faithful Seller, for one set of switched-off bundles. `summary` is the full
 * run's; `failed` and `errored` are what still fails when those scenarios run again alone.
 */
export interface BaselineOutcome extends CatalogRun {
  /** Optional bundles switched off (empty: the default profile). */
  readonly without: readonly string[];
  /** Failed or errored in the full run, passed alone (timing under load): they catch nothing. */
  readonly flaky: readonly string[];
  readonly passed: boolean;
}

export interface FaultOutcome {
  readonly fault: string;
  readonly requirements: readonly string[];
  readonly summary: string;
  readonly kind: 'response' | 'behaviour';
  readonly without: readonly string[];
  readonly verdict: FaultVerdict;
  /** Scenarios that failed with the fault and passed without it; those on point first. */
  readonly caughtBy: readonly string[];
  readonly evidence: readonly CatchEvidence[];
  /** Failed with the fault but did not pass without it either: not counted. */
  readonly notCounted: readonly string[];
  /** The catching scenario that failed again when run alone with the fault (what `caught` rests on). */
  readonly confirmedBy?: string;
  /** Catching scenarios that passed when run again alone (tried in `caughtBy` order, at most three). */
  readonly unconfirmed: readonly string[];
  readonly run: CatalogRun;
}

/** `selfcheck.json`. */
export interface SelfcheckResult {
  readonly schemaVersion: 1;
  readonly harnessVersion: string;
  readonly apiVersion: string;
  readonly startedAt: string;
  readonly endedAt: string;
  /** Wall time of the whole self-check, in milliseconds. */
  readonly wallMs: number;
  /** Catalog runs at once, scenarios at once within a run, clock speed-up. */
  readonly jobs: number;
  readonly concurrency: number;
  readonly timeScale: number;
  readonly scenarioCount: number;
  readonly baselines: readonly BaselineOutcome[];
  readonly faults: readonly FaultOutcome[];
  readonly caught: number;
  /** Caught faults with a catching scenario whose findings name one of the fault's requirements. */
  readonly caughtOnPoint: number;
  readonly missed: number;
  /** passed: every baseline passed and every fault was caught. */
  readonly verdict: 'passed' | 'failed';
}
