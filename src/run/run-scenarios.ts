import { setMaxListeners } from 'node:events';
import type { HttpClient, IdGenerator } from '../../emulators/buyer';
import type { Capability } from '../capabilities';
import type { Clock } from '../clock';
import { ReporterMultiplexer, type Reporter } from '../report';
import type { RunManifest, RunResult, RunStatus, RunSummary, ScenarioResult } from '../results';
import type { Scenario } from '../scenario/types';
import type { ApiSpec } from '../spec';
import { harnessVersion } from '../util/package-root';
import type { ControlClient } from './control-client';
import { ListenerHub } from './listener-hub';
import type { RunEnvironment } from './run-context';
import { runScenario } from './scenario-runner';
import { computeVerdicts, type RequirementInfo } from './verdicts';

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
  const results: ScenarioResult[] = new Array<ScenarioResult>(req.scenarios.length);
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
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < req.scenarios.length) {
      const i = nextIndex++;
      const scenario = req.scenarios[i]!;
      await reporters.onScenarioStart({ id: scenario.id, title: scenario.title, file: scenario.file });
      const result = await runScenario(env, scenario, {
        onStepEnd: (id, step) => reporters.onStepEnd(id, step),
      });
      results[i] = result;
      await reporters.onScenarioEnd(result);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(req.concurrency, req.scenarios.length)) }, worker),
  );
  await hub?.close();
  const scenarios = results.filter((r): r is ScenarioResult => r !== undefined);
  const summary = summarise(scenarios);
  const manifest: RunManifest = {
    harnessVersion: harnessVersion(),
    role: 'seller',
    apiVersion: req.spec.version.id,
    specSha256: {
      management: req.spec.management.source.sha256,
      notification: req.spec.notification.source.sha256,
    },
    capabilities: req.capabilities,
    target: req.targetUrl,
    embeddedTarget: req.embedded,
    startedAt,
    endedAt: new Date().toISOString(),
    nodeVersion: process.version,
    options: req.options,
    ...(req.shard ? { shard: req.shard } : {}),
  };
  const result: RunResult = {
    schemaVersion: 1,
    status: runStatusOf(summary, errors, req.signal.aborted),
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
