import { setMaxListeners } from 'node:events';
import type { HttpClient, IdGenerator } from '../../emulators/buyer';
import type { Capability } from '../capabilities';
import type { Clock } from '../clock';
import { ReporterMultiplexer, type Reporter } from '../report';
import type { RunResult } from '../results';
import type { Scenario } from '../scenario/types';
import type { ApiSpec } from '../spec';
import { harnessVersion } from '../util/package-root';
import type { ControlClient } from './control-client';
import { ListenerHub } from './listener-hub';
import type { RunEnvironment } from './run-context';
import { runScenario } from './scenario-runner';
import { finishRun, runInPool } from './run-assembly';
import type { RequirementInfo } from './verdicts';

export interface RunRequest {
  readonly scenarios: readonly Scenario[];
  readonly spec: ApiSpec;
  readonly targetUrl: string;
  readonly embedded: boolean;
  readonly client: HttpClient;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly capabilities: readonly Capability[];
  readonly control?: ControlClient;
  readonly concurrency: number;
  readonly reporters: readonly Reporter[];
  readonly listener: { host: string; port: number; callbackUrl?: string; auth?: { token?: string } };
  readonly ci: boolean;
  readonly prompt: RunEnvironment['prompt'];
  readonly disabledChecks: readonly string[];
  readonly secrets: readonly string[];
  readonly signal: AbortSignal;
  readonly catalogue: readonly RequirementInfo[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly runId: string;
  readonly shard?: string;
}

export { runStatusOf, summarise } from './run-assembly';

/** Runs the planned scenarios, `concurrency` at a time, and assembles the RunResult. Never throws for the target's sake. */
export async function runScenarios(req: RunRequest): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  const reporters = new ReporterMultiplexer([...req.reporters]);
  // Every request in flight and every clock wait listens for the run's abort: at --concurrency 16 that
  // is more than Node's default of 10 listeners, and it printed a MaxListenersExceededWarning.
  setMaxListeners(Math.max(10, req.concurrency * 4), req.signal);
  const errors: string[] = [];
  await reporters.onRunStart({
    total: req.scenarios.length,
    target: req.targetUrl,
    apiVersion: req.spec.version.id,
    role: 'seller',
    embeddedTarget: req.embedded,
    harnessVersion: harnessVersion(),
    capabilities: req.capabilities,
  });
  let hub: ListenerHub | undefined;
  try {
    hub = await ListenerHub.start({
      spec: req.spec,
      clock: req.clock,
      ids: req.ids,
      secrets: req.secrets,
      ...req.listener,
    });
  } catch (err) {
    errors.push(
      `the notification listener could not start on ${req.listener.host}:${req.listener.port}: ${(err as Error).message}`,
    );
  }
  const env: RunEnvironment = {
    spec: req.spec,
    client: req.client,
    targetUrl: req.targetUrl.replace(/\/+$/, ''),
    clock: req.clock,
    capabilities: new Set(req.capabilities),
    ...(req.control ? { control: req.control } : {}),
    openListener: () => {
      if (!hub) return Promise.reject(new Error('no notification listener (it failed to start)'));
      return Promise.resolve(hub.open());
    },
    ci: req.ci,
    prompt: req.prompt,
    disabledChecks: new Set(req.disabledChecks),
    runId: req.runId,
    signal: req.signal,
    minPollRealMs: 10,
    createdOrders: new Set<string>(),
  };
  const scenarios = await runInPool(req.scenarios, req.concurrency, reporters, (scenario, hooks) =>
    runScenario(env, scenario, hooks),
  );
  await hub?.close();
  return finishRun(
    scenarios,
    errors,
    {
      role: 'seller',
      spec: req.spec,
      capabilities: req.capabilities,
      target: req.targetUrl,
      embeddedTarget: req.embedded,
      startedAt,
      options: req.options,
      ...(req.shard ? { shard: req.shard } : {}),
      catalogue: req.catalogue,
      interrupted: req.signal.aborted,
    },
    reporters,
  );
}
