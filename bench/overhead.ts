/**
 * Harness overhead: `lso-harness run` against a bare replay of the same HTTP exchanges (replay-child.ts),
 * each with a fresh embedded Seller in its own process.
 *
 * Two comparisons, because the embedded clock's waits are not HTTP:
 * - per step: the time the harness spent in its request and control steps (build, send, check, judge,
 *   as results.json records each step) against the time the replay spent sending the same requests;
 *   polls, notification waits and sleeps are left out on both sides;
 * - whole run: the harness's run phase against the replay's wall time, on generated scenarios that
 *   wait for nothing (create, retrieve, list), so that both sides do nothing but HTTP and its handling.
 */
import * as path from 'node:path';
import { packageRoot } from '../src/util/package-root';
import { runNode } from './child-run';
import { passedAll, runHarness, type HarnessRun } from './harness-run';
import type { ReplayOutcome } from './replay-child';

export interface OverheadFigure {
  readonly label: string;
  readonly concurrency: number;
  readonly requests: number;
  readonly harnessMs: number;
  readonly replayMs: number;
  readonly ratio: number;
  /** Whole-run comparisons only: the harness's run phase also holds its clock waits, if any. */
  readonly note?: string;
}

export const PURE_HTTP_STEPS = new Set(['request', 'control']);

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

/** Request and control steps of a recorded run against the same requests replayed. */
export async function perStepOverhead(
  label: string,
  run: HarnessRun,
  concurrency: number,
): Promise<OverheadFigure> {
  const outcome = await replay(path.join(run.reportDir, 'results.json'), concurrency);
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
  };
}

/** The harness's run phase against the replay's wall time, same requests, same concurrency. */
export async function wholeRunOverhead(
  label: string,
  run: HarnessRun,
  concurrency: number,
): Promise<OverheadFigure> {
  const outcome = await replay(path.join(run.reportDir, 'results.json'), concurrency);
  const harnessMs = run.runPhaseMs ?? NaN;
  return {
    label,
    concurrency,
    requests: outcome.requests,
    harnessMs,
    replayMs: outcome.wallMs,
    ratio: harnessMs / outcome.wallMs,
  };
}

/** The catalog, one scenario at a time (so that step times are not other scenarios' too). */
export async function catalogOverhead(
  work: string,
): Promise<{ perStep: OverheadFigure; wholeRun: OverheadFigure; passed: boolean }> {
  const run = await runHarness(
    ['--reporter', 'json', '--concurrency', '1'],
    path.join(work, 'overhead-catalog'),
    300_000,
  );
  const perStep = await perStepOverhead('catalog, request and control steps', run, 1);
  const wholeRun = await wholeRunOverhead('catalog, whole run phase', run, 1);
  return {
    perStep,
    wholeRun: {
      ...wholeRun,
      note: 'the harness side includes every poll pause, notification wait and sleep of the catalog (Seller time at 36,000x); the replay waits for nothing',
    },
    passed: passedAll(run),
  };
}
