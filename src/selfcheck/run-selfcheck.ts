import { DEFAULT_PROFILE, type SellerProfile } from '../../emulators/seller';
import type { FaultDefinition } from '../../emulators/seller/faults/fault-catalog';
import type { Capability } from '../capabilities';
import type { RunResult } from '../results';
import { runAgainstEmbeddedSeller } from '../run/run-embedded';
import type { Scenario } from '../scenario/types';
import { ProductSchemaRegistry, type ApiSpec } from '../spec';
import { harnessVersion } from '../util/package-root';
import { judgeFault, summariseRun } from './judge-fault';
import type { BaselineOutcome, FaultOutcome, SelfcheckResult } from './selfcheck-types';

export interface SelfcheckRequest {
  readonly scenarios: readonly Scenario[];
  readonly spec: ApiSpec;
  readonly faults: readonly FaultDefinition[];
  /** Catalog runs at once (each with its own Seller). */
  readonly jobs: number;
  /** Scenarios at once within one run. */
  readonly concurrency: number;
  readonly timeScale: number;
  readonly signal?: AbortSignal;
  /** Called as each run ends (baselines: `fault` undefined). */
  readonly onRunEnd?: (event: {
    fault?: FaultOutcome;
    baseline?: BaselineOutcome;
    done: number;
    total: number;
  }) => void;
}

/** The default profile with `faults` on and the `without` bundles off. */
export function faultProfile(faults: readonly string[], without: readonly Capability[]): SellerProfile {
  const capabilities = { ...DEFAULT_PROFILE.capabilities };
  for (const c of without) capabilities[c] = false;
  const name = faults.length > 0 ? `selfcheck:${faults.join('+')}` : `selfcheck:baseline`;
  return {
    ...DEFAULT_PROFILE,
    name: without.length ? `${name}-without-${without.join('+')}` : name,
    capabilities,
    faults,
  };
}

const keyOf = (without: readonly string[]) => [...without].sort().join(',');

/** Runs `tasks` with at most `limit` in flight; results in task order. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return out;
}

/**
 * The conformance self-check: the catalog against the faithful Seller (one baseline per set of
 * switched-off bundles the faults need), then against the Seller with each fault on, `jobs` runs at once.
 * A fault is caught by the scenarios that fail with it and pass in its baseline.
 */
export async function runSelfcheck(req: SelfcheckRequest): Promise<SelfcheckResult> {
  const started = Date.now();
  const products = new ProductSchemaRegistry();
  const setups = new Map<string, readonly Capability[]>([['', []]]);
  for (const f of req.faults) setups.set(keyOf(f.without ?? []), f.without ?? []);
  const total = setups.size + req.faults.length;
  let done = 0;
  const run = async (profile: SellerProfile): Promise<{ result: RunResult; ms: number }> => {
    const t0 = Date.now();
    // One signal per run (the runner listens on it per step); the caller's aborts them all.
    const own = new AbortController();
    const abort = () => own.abort();
    req.signal?.addEventListener('abort', abort, { once: true });
    if (req.signal?.aborted) own.abort();
    try {
      const result = await runAgainstEmbeddedSeller({
        scenarios: req.scenarios,
        spec: req.spec,
        profile,
        products,
        timeScale: req.timeScale,
        concurrency: req.concurrency,
        signal: own.signal,
        options: { selfcheck: profile.name },
      });
      return { result, ms: Date.now() - t0 };
    } finally {
      req.signal?.removeEventListener('abort', abort);
    }
  };
  const baselineRuns = new Map<string, Promise<RunResult>>();
  const baselines: BaselineOutcome[] = [];
  const baselineTasks = [...setups].map(([key, without]) => async () => {
    const promise = run(faultProfile([], without));
    baselineRuns.set(
      key,
      promise.then((r) => r.result),
    );
    const { result, ms } = await promise;
    const outcome: BaselineOutcome = {
      ...summariseRun(result, ms),
      without,
      passed: result.status === 'passed',
    };
    baselines.push(outcome);
    req.onRunEnd?.({ baseline: outcome, done: ++done, total });
  });
  const faultTasks = req.faults.map((fault) => async (): Promise<FaultOutcome> => {
    const without = fault.without ?? [];
    const { result, ms } = await run(faultProfile([fault.name], without));
    const baseline = await baselineRuns.get(keyOf(without));
    if (!baseline) throw new Error(`no baseline for ${keyOf(without)}`);
    const outcome = judgeFault(fault, result, baseline, ms);
    req.onRunEnd?.({ fault: outcome, done: ++done, total });
    return outcome;
  });
  // Baselines are queued first, so a fault's baseline has started before the fault's own run ends.
  const outcomes = await pool<FaultOutcome | undefined>(
    [...baselineTasks.map((t) => async () => (await t(), undefined)), ...faultTasks],
    req.jobs,
  );
  const faults = outcomes.filter((o): o is FaultOutcome => o !== undefined);
  const caught = faults.filter((f) => f.verdict === 'caught').length;
  const ended = Date.now();
  return {
    schemaVersion: 1,
    harnessVersion: harnessVersion(),
    apiVersion: req.spec.version.id,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    wallMs: ended - started,
    jobs: req.jobs,
    concurrency: req.concurrency,
    timeScale: req.timeScale,
    scenarioCount: req.scenarios.length,
    baselines: [...baselines].sort((a, b) => a.without.length - b.without.length),
    faults,
    caught,
    caughtOnPoint: faults.filter((f) => f.evidence.some((e) => e.onPoint)).length,
    missed: faults.length - caught,
    verdict: baselines.every((b) => b.passed) && caught === faults.length ? 'passed' : 'failed',
  };
}
