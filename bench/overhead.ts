/**
 * Harness overhead: `lso-harness run` against a bare replay of the same HTTP exchanges (replay-child.ts),
 * each with a fresh embedded Seller in its own process.
 *
 * The embedded clock's waits are not HTTP, hence two comparisons:
 * - per step: the time the harness spent in its request and control steps (build, send, check, judge,
 *   as results.json records each step) against the time the replay spent sending the same requests;
 *   polls, notification waits and sleeps are left out on both sides;
 * - whole run: the harness's run phase against the replay, on generated scenarios that wait for nothing
 *   (create, retrieve, list), so that both sides do nothing but HTTP and its handling. Wall time and CPU
 *   time: the harness's run-phase CPU is its process's CPU less a start-up-only run of the same command
 *   (`--grep` matching nothing: load, compile, start the Seller, stop), the replay's is read around its
 *   requests. On a shared machine wall times move with the other load; CPU times hardly do.
 */
import * as path from 'node:path';
import { packageRoot } from '../src/util/package-root';
import { median, runNode } from './child-run';
import { passedAll, runHarness, type HarnessRun } from './harness-run';
import type { ReplayOutcome } from './replay-child';

export interface OverheadFigure {
  readonly label: string;
  readonly concurrency: number;
  readonly requests: number;
  readonly harnessMs: number;
  readonly replayMs: number;
  readonly ratio: number;
  /** Whole-run comparisons: run-phase CPU of each side. */
  readonly harnessCpuMs?: number;
  readonly replayCpuMs?: number;
  readonly cpuRatio?: number;
  /** How many harness/replay pairs the medians are of. */
  readonly rounds: number;
  /** Set when the figure is not judged against the target, and why. */
  readonly note?: string;
}

export const PURE_HTTP_STEPS = new Set(['request', 'control']);
const NOTHING = '^(?!)$';

async function replay(resultsFile: string, concurrency: number): Promise<ReplayOutcome> {
  const run = await runNode([path.join(__dirname, 'replay-child.js'), resultsFile, String(concurrency)], {
    cwd: packageRoot(),
    timeoutMs: 300_000,
  });
  const line = run.stdout.trim().split('\n').pop();
  if (run.exitCode !== 0 || !line)
    throw new Error(`the replay failed (${run.exitCode}): ${run.stderr.slice(-500)}`);
  return JSON.parse(line) as ReplayOutcome;
}

/**
 * CPU (ms) of the same command doing everything but running scenarios: the median of `rounds` runs, as
 * noisy as the runs it is taken from (~2.5 s of start-up CPU that moves by ±0.2 s between two runs).
 */
async function startupCpuMs(paths: readonly string[], work: string, rounds: number): Promise<number> {
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const run = await runHarness(
      [...paths, '--grep', NOTHING, '--reporter', 'json'],
      path.join(work, 'startup-only'),
      120_000,
    );
    if (!run.usage || run.exitCode !== 2) throw new Error(`the start-up-only run ended with ${run.exitCode}`);
    cpu.push(run.usage.userMs + run.usage.systemMs);
  }
  return median(cpu);
}

function perStep(
  label: string,
  run: HarnessRun,
  outcome: ReplayOutcome,
  concurrency: number,
): OverheadFigure {
  const steps = outcome.steps.filter((s) => PURE_HTTP_STEPS.has(s.stepKind));
  const harnessMs = steps.reduce((n, s) => n + s.harnessMs, 0);
  const replayMs = steps.reduce((n, s) => n + s.replayMs, 0);
  return {
    label,
    concurrency,
    requests: steps.reduce((n, s) => n + s.requests, 0),
    harnessMs,
    replayMs,
    ratio: harnessMs / replayMs,
    rounds: 1,
  };
}

interface Pair {
  readonly run: HarnessRun;
  readonly outcome: ReplayOutcome;
}

/**
 * `rounds` harness runs, each followed at once by its replay. `mustPass`: a run that does not pass ends
 * the bench there (generated scenarios must all pass for the comparison to mean anything).
 */
async function replayPairs(
  args: readonly string[],
  reportDir: (round: number) => string,
  concurrency: number,
  rounds: number,
  mustPass?: string,
): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < rounds; i++) {
    const run = await runHarness([...args, '--concurrency', String(concurrency)], reportDir(i), 300_000);
    if (mustPass && !passedAll(run)) throw new Error(mustPass);
    pairs.push({ run, outcome: await replay(path.join(run.reportDir, 'results.json'), concurrency) });
  }
  return pairs;
}

/** The median pair by per-step ratio, with its per-step figure. */
function medianSteps(
  label: string,
  pairs: readonly Pair[],
): { pair: Pair; figure: OverheadFigure } | undefined {
  const rows = pairs.map((pair) => ({ pair, figure: perStep(label, pair.run, pair.outcome, 1) }));
  const mid = rows.sort((x, y) => x.figure.ratio - y.figure.ratio)[Math.floor(rows.length / 2)];
  return mid && { pair: mid.pair, figure: { ...mid.figure, rounds: pairs.length } };
}

/**
 * The catalog, one scenario at a time (so that step times are not other scenarios' too), `rounds`
 * harness/replay pairs back to back: the per-step figure is the median pair's, the whole-run one too.
 */
export async function catalogOverhead(
  work: string,
  rounds = 3,
): Promise<{ figures: OverheadFigure[]; passed: boolean }> {
  const pairs = await replayPairs(
    ['--reporter', 'json'],
    (i) => path.join(work, `overhead-catalog-${i}`),
    1,
    rounds,
  );
  const mid = medianSteps('catalog, request and control steps', pairs);
  if (!mid) throw new Error('no catalog overhead round ran');
  const harnessMs = median(pairs.map((p) => p.run.runPhaseMs ?? NaN));
  const replayMs = median(pairs.map((p) => p.outcome.wallMs));
  const whole: OverheadFigure = {
    label: 'catalog, whole run phase',
    concurrency: 1,
    requests: mid.pair.outcome.requests,
    harnessMs,
    replayMs,
    ratio: harnessMs / replayMs,
    rounds,
    note: 'not judged: the harness side includes every poll pause, notification wait and sleep of the catalog (Seller time at 36,000×); the replay waits for nothing',
  };
  return { figures: [mid.figure, whole], passed: pairs.every((p) => passedAll(p.run)) };
}

/**
 * Generated scenarios that wait for nothing, `rounds` harness/replay pairs back to back (medians), at
 * the given concurrency: the whole run phase by wall and by CPU, and the request steps.
 */
export async function generatedOverhead(
  dir: string,
  count: number,
  concurrency: number,
  rounds: number,
  work: string,
): Promise<OverheadFigure[]> {
  const startup = await startupCpuMs([dir], work, rounds);
  const pairs = await replayPairs(
    [dir, '--reporter', 'json'],
    (i) => path.join(work, `overhead-${count}-${concurrency}-${i}`),
    concurrency,
    rounds,
    `the ${count}-scenario run at concurrency ${concurrency} did not pass`,
  );
  const harnessMs = median(pairs.map((p) => p.run.runPhaseMs ?? NaN));
  const replayMs = median(pairs.map((p) => p.outcome.wallMs));
  const harnessCpuMs = median(
    pairs.map((p) => (p.run.usage ? p.run.usage.userMs + p.run.usage.systemMs : NaN) - startup),
  );
  const replayCpuMs = median(pairs.map((p) => p.outcome.cpuMs));
  const label = `${count.toLocaleString('en')} generated scenarios`;
  const figures: OverheadFigure[] = [
    {
      label: `${label}, whole run phase`,
      concurrency,
      requests: pairs[0]?.outcome.requests ?? 0,
      harnessMs,
      replayMs,
      ratio: harnessMs / replayMs,
      harnessCpuMs,
      replayCpuMs,
      cpuRatio: harnessCpuMs / replayCpuMs,
      rounds,
    },
  ];
  const steps = concurrency === 1 ? medianSteps(`${label}, request steps`, pairs) : undefined;
  if (steps) figures.push(steps.figure);
  return figures;
}
