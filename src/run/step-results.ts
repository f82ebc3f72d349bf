import type { Finding, ScenarioResult, Status, StepResult } from '../results';
import type { Scenario, Step } from '../scenario/types';
import type { StepOutcome } from './run-context';
import { StepError } from './send-operation';

/**
 * Turning step outcomes into results, shared by the Seller-side and the Buyer-side scenario runners:
 * statuses, optional steps, skipped steps, when the rest of a scenario stops, the result skeleton.
 */

/** Harness trouble (a matcher that cannot run, a crashed check) errors the step instead of failing it. */
export function isHarnessFinding(f: Finding): boolean {
  // A refused connection means nothing answers there: the run cannot judge the target at all.
  return f.code.startsWith('harness.') || f.code === 'transport.connectionRefused';
}

/** errored for harness trouble, failed for an error finding (unless the step is optional), else passed. */
export function statusOfFindings(findings: readonly Finding[], optional = false): Status {
  if (findings.some(isHarnessFinding)) return 'errored';
  return findings.some((f) => f.severity === 'error') && !optional ? 'failed' : 'passed';
}

/** Optional steps report their failures as warnings. */
function soften(findings: Finding[], optional: boolean): Finding[] {
  return optional
    ? findings.map((f) =>
        f.severity === 'error' && !isHarnessFinding(f) ? { ...f, severity: 'warning' } : f,
      )
    : findings;
}

/** Runs a step; a StepError or any other throw becomes an errored outcome, never an exception. */
export async function runGuarded(run: () => Promise<StepOutcome>): Promise<StepOutcome> {
  try {
    return await run();
  } catch (err) {
    const message =
      err instanceof StepError ? err.message : `harness error: ${(err as Error).stack ?? String(err)}`;
    return { findings: [], exchanges: [], status: 'errored', message };
  }
}

export function stepResult(
  step: Step,
  name: string,
  outcome: StepOutcome,
  startedAt: string,
  durationMs: number,
): StepResult {
  return {
    index: step.index,
    name,
    kind: step.kind,
    status: outcome.status ?? statusOfFindings(outcome.findings, step.optional),
    startedAt,
    durationMs,
    findings: soften(outcome.findings, step.optional),
    exchanges: outcome.exchanges,
    ...(outcome.message ? { message: outcome.message } : {}),
  };
}

export function skippedStepResult(step: Step, name: string, startedAt: string, why: string): StepResult {
  return {
    index: step.index,
    name,
    kind: step.kind,
    status: 'skipped',
    startedAt,
    durationMs: 0,
    findings: [],
    exchanges: [],
    message: why,
  };
}

/** Why the steps after this one do not run, if they do not. */
export function stopReason(result: StepResult, step: Step, signal: AbortSignal): string | undefined {
  const n = step.index + 1;
  if (result.status === 'errored') return `not run: step ${n} errored`;
  if (result.status === 'failed' && !step.continueOnFailure) return `not run: step ${n} failed`;
  if (result.status === 'notApplicable') return 'not run: an earlier step was not applicable';
  // A step that could not run (a prompt under CI or with nobody to answer) skips the rest: what follows
  // depends on it.
  if (result.status === 'skipped') return `not run: step ${n} was skipped`;
  if (signal.aborted) return 'not run: the run was interrupted';
  return undefined;
}

/** What the step loop needs of a runner: how to name a step, run it (never throwing), and report it. */
export interface StepLoop {
  readonly version: string;
  readonly now: () => number;
  readonly signal: AbortSignal;
  name(step: Step): string;
  run(step: Step): Promise<StepOutcome>;
  onStepEnd?(result: StepResult): void | Promise<void>;
}

/** Reported after each step, by both runners (console progress, for one). */
export interface ScenarioHooks {
  onStepEnd?(scenarioId: string, step: StepResult): void | Promise<void>;
}

/**
 * A scenario's steps in order, shared by both runners: steps for another API version left out, and once
 * one stops the scenario (see stopReason) the rest recorded as skipped with the reason. `results` is
 * filled as the steps end, so a caller's clean-up sees what ran even if a hook throws.
 */
export async function runSteps(
  steps: readonly Step[],
  loop: StepLoop,
  results: StepResult[],
): Promise<{ stopped?: string }> {
  let stopped: string | undefined;
  for (const step of steps) {
    if (step.api && !(step.api as readonly string[]).includes(loop.version)) continue;
    const startedAt = new Date(loop.now()).toISOString();
    const t0 = Date.now();
    let result: StepResult;
    if (stopped) {
      result = skippedStepResult(step, loop.name(step), startedAt, stopped);
    } else {
      const outcome = await loop.run(step);
      result = stepResult(step, loop.name(step), outcome, startedAt, Date.now() - t0);
      stopped = stopReason(result, step, loop.signal);
    }
    results.push(result);
    await loop.onStepEnd?.(result);
  }
  return stopped === undefined ? {} : { stopped };
}

/**
 * The requirements a scenario gives evidence for on this API version: its own, plus those its steps add
 * (docs: a step's `requirements` are added to the scenario's), except steps the version leaves out.
 */
function requirementsOf(scenario: Scenario, version: string): string[] {
  const steps = scenario.steps.filter((s) => !s.api || (s.api as readonly string[]).includes(version));
  return [...new Set([...scenario.requirements, ...steps.flatMap((s) => s.requirements)])];
}

export function scenarioSkeleton(
  scenario: Scenario,
  status: Status,
  message: string | undefined,
  startedAt: string,
  version: string,
): ScenarioResult {
  return {
    id: scenario.id,
    title: scenario.title,
    file: scenario.file,
    status,
    requirements: requirementsOf(scenario, version),
    tags: scenario.tags,
    capabilities: scenario.capabilities,
    startedAt,
    durationMs: 0,
    steps: [],
    findings: [],
    ...(message ? { message } : {}),
  };
}
