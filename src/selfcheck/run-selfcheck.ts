import { DEFAULT_PROFILE, type SellerProfile } from '../../emulators/seller';
import type { FaultDefinition } from '../../emulators/seller/faults/fault-catalog';
import type { Capability } from '../capabilities';
import type { Scenario } from '../scenario/types';
import type { ApiSpec } from '../spec';
import { harnessVersion } from '../util/package-root';
import { catalogRunner, pool, type CatalogRunner } from './catalog-runner';
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
  /** Called as each baseline or fault is settled. */
  readonly onRunEnd?: (event: {
    fault?: FaultOutcome;
    baseline?: BaselineOutcome;
    done: number;
    total: number;
  }) => void;
}

/** A catch is confirmed by running a catching scenario again, alone; at most this many are tried. */
const CONFIRM_ATTEMPTS = 3;

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

/** Notification requirements (R104–R115): a fault breaking them makes scenarios wait out their windows. */
const waitsOutWindows = (f: FaultDefinition) => f.requirements.some((r) => /^R1(0[4-9]|1[0-5])$/.test(r));

/** The longest runs first, so that they do not form the tail of the self-check; otherwise catalogue order. */
function startOrder(faults: readonly FaultDefinition[]): FaultDefinition[] {
  return [...faults].sort((a, b) => Number(waitsOutWindows(b)) - Number(waitsOutWindows(a)));
}

interface Baseline {
  readonly outcome: BaselineOutcome;
  /** Scenarios that passed in the full run: only these can catch a fault. */
  readonly passed: ReadonlySet<string>;
}

/**
 * The catalog against the faithful Seller. A scenario that fails or errors is run again alone: passing
 * then, it is `flaky` (timing under load) and the baseline still passes, but it catches nothing.
 */
async function runBaseline(runCatalog: CatalogRunner, without: readonly Capability[]): Promise<Baseline> {
  const profile = faultProfile([], without);
  const { result, ms } = await runCatalog(profile);
  const bad = result.scenarios
    .filter((s) => s.status === 'failed' || s.status === 'errored')
    .map((s) => s.id);
  const again = bad.length > 0 ? (await runCatalog(profile, bad)).result : undefined;
  const statusAgain = (id: string) => again?.scenarios.find((s) => s.id === id)?.status;
  const flaky = bad.filter((id) => statusAgain(id) === 'passed');
  const first = summariseRun(result, ms);
  const failed = bad.filter((id) => statusAgain(id) === 'failed');
  const errored = bad.filter((id) => !flaky.includes(id) && !failed.includes(id));
  const outcome: BaselineOutcome = {
    ...first,
    failed,
    errored,
    flaky,
    without,
    passed:
      failed.length === 0 &&
      errored.length === 0 &&
      first.errors.length === 0 &&
      result.status !== 'interrupted',
  };
  return {
    outcome,
    passed: new Set(result.scenarios.filter((s) => s.status === 'passed').map((s) => s.id)),
  };
}

/** Runs the fault's catching scenarios again, one at a time and alone, until one fails again. */
async function confirmCatch(
  runCatalog: CatalogRunner,
  profile: SellerProfile,
  outcome: FaultOutcome,
): Promise<FaultOutcome> {
  const unconfirmed: string[] = [];
  for (const id of outcome.caughtBy.slice(0, CONFIRM_ATTEMPTS)) {
    const { result } = await runCatalog(profile, [id]);
    if (result.scenarios[0]?.status === 'failed') return { ...outcome, confirmedBy: id, unconfirmed };
    unconfirmed.push(id);
  }
  return { ...outcome, verdict: 'missed', unconfirmed };
}

/**
 * The conformance self-check: the catalog against the faithful Seller (one baseline per set of
 * switched-off bundles the faults need), then against the Seller with each fault on, `jobs` runs at once.
 * A fault is caught by the scenarios that fail with it and pass in its baseline, confirmed by one of them
 * failing again when run alone.
 */
export async function runSelfcheck(req: SelfcheckRequest): Promise<SelfcheckResult> {
  const started = Date.now();
  const runCatalog = catalogRunner(req);
  const setups = new Map<string, readonly Capability[]>([['', []]]);
  for (const f of req.faults) setups.set(keyOf(f.without ?? []), f.without ?? []);
  const total = setups.size + req.faults.length;
  let done = 0;
  const baselines = new Map<string, Promise<Baseline>>();
  const baselineTasks = [...setups].map(([key, without]) => async (): Promise<undefined> => {
    const promise = runBaseline(runCatalog, without);
    baselines.set(key, promise);
    const { outcome } = await promise;
    req.onRunEnd?.({ baseline: outcome, done: ++done, total });
    return undefined;
  });
  const faultTasks = startOrder(req.faults).map((fault) => async (): Promise<FaultOutcome> => {
    const without = fault.without ?? [];
    const profile = faultProfile([fault.name], without);
    const { result, ms } = await runCatalog(profile);
    const baseline = await baselines.get(keyOf(without));
    if (!baseline) throw new Error(`no baseline for ${keyOf(without)}`);
    const judged = judgeFault(fault, result, baseline.passed, ms);
    const outcome = judged.verdict === 'caught' ? await confirmCatch(runCatalog, profile, judged) : judged;
    req.onRunEnd?.({ fault: outcome, done: ++done, total });
    return outcome;
  });
  // Baselines are queued first, so a fault's baseline has started before the fault's own run ends.
  const outcomes = await pool<FaultOutcome | undefined>([...baselineTasks, ...faultTasks], req.jobs);
  const byName = new Map(outcomes.flatMap((o) => (o ? [[o.fault, o] as const] : [])));
  const faults = req.faults.flatMap((f) => byName.get(f.name) ?? []);
  const settled = await Promise.all([...baselines.values()]);
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
    baselines: settled.map((b) => b.outcome),
    faults,
    caught,
    caughtOnPoint: faults.filter((f) => f.verdict === 'caught' && f.evidence.some((e) => e.onPoint)).length,
    missed: faults.length - caught,
    verdict: settled.every((b) => b.outcome.passed) && caught === faults.length ? 'passed' : 'failed',
  };
}
