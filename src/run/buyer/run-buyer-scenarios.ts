import { ReporterMultiplexer, type Reporter } from '../../report';
import type { RunResult } from '../../results';
import type { Scenario } from '../../scenario/types';
import { harnessVersion } from '../../util/package-root';
import { finishRun, runInPool } from '../run-assembly';
import type { RequirementInfo } from '../verdicts';
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
  const scenarios = await runInPool(req.scenarios, req.concurrency, reporters, (scenario, hooks) =>
    runBuyerScenario(env, scenario, hooks),
  );
  return finishRun(
    scenarios,
    errors,
    {
      role: 'buyer',
      spec: env.spec,
      capabilities: [],
      target: targetOf(env),
      embeddedTarget: false,
      startedAt,
      options: req.options,
      ...(req.shard ? { shard: req.shard } : {}),
      catalogue: req.catalogue,
      interrupted: env.signal.aborted,
    },
    reporters,
  );
}
