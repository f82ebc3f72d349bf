import { ReporterMultiplexer, type Reporter } from '../../report';
import type { RunManifest, RunResult, ScenarioResult } from '../../results';
import type { Scenario } from '../../scenario/types';
import { harnessVersion } from '../../util/package-root';
import { runStatusOf, summarise } from '../run-scenarios';
import { computeVerdicts, type RequirementInfo } from '../verdicts';
import { runBuyerScenario } from './buyer-scenario-runner';
import type { BuyerRunEnvironment } from './buyer-run-types';

export interface BuyerRunRequest {
  readonly env: BuyerRunEnvironment;
  readonly scenarios: readonly Scenario[];
  /** Scenarios at once (1 when a person drives the Buyer: one URL, one scenario at a time). */
  readonly concurrency: number;
  readonly reporters: readonly Reporter[];
  /** The Buyer-binding requirements (role Buyer or Both). */
  readonly catalogue: readonly RequirementInfo[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly shard?: string;
}

/** Who is under test, for the manifest and the reports. */
function targetOf(env: BuyerRunEnvironment): string {
  return env.driver.kind === 'command'
    ? `command ${env.driver.command}`
    : `driven from outside, at ${env.hub.publicBase}`;
}

/**
 * Buyer-testing mode: runs the Buyer scenarios, each with its own Seller emulator and its own start of the
 * Buyer under test, and assembles the RunResult (role `buyer`, verdicts on the Buyer-binding requirements).
 * Never prints, never exits: reporters do the former, the CLI the latter.
 */
export async function runBuyerScenarios(req: BuyerRunRequest): Promise<RunResult> {
  const { env } = req;
  const startedAt = new Date().toISOString();
  const reporters = new ReporterMultiplexer([...req.reporters]);
  const errors: string[] = [];
  await reporters.onRunStart({
    total: req.scenarios.length,
    target: targetOf(env),
    apiVersion: env.spec.version.id,
    role: 'buyer',
    embeddedTarget: false,
    harnessVersion: harnessVersion(),
    capabilities: [],
  });
  const results: ScenarioResult[] = new Array<ScenarioResult>(req.scenarios.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < req.scenarios.length) {
      const i = next++;
      const scenario = req.scenarios[i]!;
      await reporters.onScenarioStart({ id: scenario.id, title: scenario.title, file: scenario.file });
      const result = await runBuyerScenario(env, scenario, {
        onStepEnd: (id, step) => reporters.onStepEnd(id, step),
      });
      results[i] = result;
      await reporters.onScenarioEnd(result);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(req.concurrency, req.scenarios.length)) }, worker),
  );
  const scenarios = results.filter((r): r is ScenarioResult => r !== undefined);
  const summary = summarise(scenarios);
  const manifest: RunManifest = {
    harnessVersion: harnessVersion(),
    role: 'buyer',
    apiVersion: env.spec.version.id,
    specSha256: {
      management: env.spec.management.source.sha256,
      notification: env.spec.notification.source.sha256,
    },
    capabilities: [],
    target: targetOf(env),
    embeddedTarget: false,
    startedAt,
    endedAt: new Date().toISOString(),
    nodeVersion: process.version,
    options: req.options,
    ...(req.shard ? { shard: req.shard } : {}),
  };
  const result: RunResult = {
    schemaVersion: 1,
    status: runStatusOf(summary, errors, env.signal.aborted),
    manifest,
    summary,
    scenarios,
    requirements: computeVerdicts(scenarios, req.catalogue),
    errors,
  };
  await reporters.onRunEnd(result);
  for (const e of reporters.errors)
    errors.push(`reporter ${e.reporter} failed in ${e.hook}: ${String(e.error)}`);
  return result;
}
