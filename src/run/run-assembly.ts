import type { ReporterMultiplexer } from '../report';
import type { RunResult, RunStatus, RunSummary, ScenarioResult, StepResult } from '../results';
import type { Scenario } from '../scenario/types';
import type { ApiSpec } from '../spec';
import { harnessVersion } from '../util/package-root';
import { computeVerdicts, type RequirementInfo } from './verdicts';

/**
 * What both kinds of run (a Seller under test, a Buyer under test) share: scheduling scenarios over a
 * bounded pool with the reporter hooks, and assembling the RunResult with its manifest and verdicts.
 */

export function summarise(scenarios: readonly ScenarioResult[]): RunSummary {
  const count = (s: ScenarioResult['status']) => scenarios.filter((x) => x.status === s).length;
  return {
    total: scenarios.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    notApplicable: count('notApplicable'),
  };
}

/** The one place that decides the run's verdict from its scenarios (STYLE.md §6). */
export function runStatusOf(summary: RunSummary, errors: readonly string[], interrupted: boolean): RunStatus {
  if (interrupted) return 'interrupted';
  if (summary.errored > 0 || errors.length > 0) return summary.failed > 0 ? 'failed' : 'errored';
  return summary.failed > 0 ? 'failed' : 'passed';
}

type RunOne = (
  scenario: Scenario,
  hooks: { onStepEnd(scenarioId: string, step: StepResult): Promise<void> },
) => Promise<ScenarioResult>;

/** Runs the scenarios `concurrency` at a time, in plan order, telling the reporters as they go. */
export async function runInPool(
  scenarios: readonly Scenario[],
  concurrency: number,
  reporters: ReporterMultiplexer,
  runOne: RunOne,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array<ScenarioResult>(scenarios.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < scenarios.length) {
      const i = next++;
      const scenario = scenarios[i]!;
      await reporters.onScenarioStart({ id: scenario.id, title: scenario.title, file: scenario.file });
      const result = await runOne(scenario, { onStepEnd: (id, step) => reporters.onStepEnd(id, step) });
      results[i] = result;
      await reporters.onScenarioEnd(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, scenarios.length)) }, worker));
  return results.filter((r): r is ScenarioResult => r !== undefined);
}

export interface RunFacts {
  readonly role: 'seller' | 'buyer';
  readonly spec: ApiSpec;
  readonly capabilities: readonly string[];
  readonly target: string;
  readonly embeddedTarget: boolean;
  readonly startedAt: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly shard?: string;
  readonly catalogue: readonly RequirementInfo[];
  readonly interrupted: boolean;
}

/**
 * Builds the RunResult, hands it to the reporters, and adds any reporter failure to `errors` (the same
 * array the result holds, so the CLI sees it when it chooses the exit code).
 */
export async function finishRun(
  scenarios: readonly ScenarioResult[],
  errors: string[],
  facts: RunFacts,
  reporters: ReporterMultiplexer,
): Promise<RunResult> {
  const summary = summarise(scenarios);
  const result: RunResult = {
    schemaVersion: 1,
    status: runStatusOf(summary, errors, facts.interrupted),
    manifest: {
      harnessVersion: harnessVersion(),
      role: facts.role,
      apiVersion: facts.spec.version.id,
      specSha256: {
        management: facts.spec.management.source.sha256,
        notification: facts.spec.notification.source.sha256,
      },
      capabilities: facts.capabilities,
      target: facts.target,
      embeddedTarget: facts.embeddedTarget,
      startedAt: facts.startedAt,
      endedAt: new Date().toISOString(),
      nodeVersion: process.version,
      options: facts.options,
      ...(facts.shard ? { shard: facts.shard } : {}),
    },
    summary,
    scenarios,
    requirements: computeVerdicts(scenarios, facts.catalogue),
    errors,
  };
  await reporters.onRunEnd(result);
  for (const e of reporters.errors)
    errors.push(`reporter ${e.reporter} failed in ${e.hook}: ${String(e.error)}`);
  return result;
}
