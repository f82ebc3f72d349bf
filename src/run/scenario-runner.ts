import { randomUUID } from 'node:crypto';
import { judgeNotifications } from '../check/notification-rules';
import { judgeObservations, ObservationLog } from '../check/observations';
import type { Finding, ScenarioResult, Status, StepResult } from '../results';
import type { Scenario, Step } from '../scenario/types';
import { lastSequence, type RunEnvironment, type ScenarioState, type StepOutcome } from './run-context';
import { CLEANUP_TIMEOUT_AFTER_INTERRUPT_MS, interruptedOutcome } from './interrupted-step';
import { runGuarded, runSteps, scenarioSkeleton, type ScenarioHooks } from './step-results';

export { isHarnessFinding } from './step-results';
import { assignScenarioVars, runControlStep, runPromptStep, runSetStep, runSleepStep } from './step-misc';
import {
  runAwaitNotificationStep,
  runExpectNoNotificationStep,
  runRegisterHubStep,
  runUnregisterHubStep,
} from './step-notifications';
import { runPollStep, runRequestStep } from './step-request';

function runStep(env: RunEnvironment, state: ScenarioState, step: Step): Promise<StepOutcome> {
  switch (step.kind) {
    case 'request':
      return runRequestStep(env, state, step);
    case 'poll':
      return runPollStep(env, state, step);
    case 'await-notification':
      return runAwaitNotificationStep(env, state, step);
    case 'expect-no-notification':
      return runExpectNoNotificationStep(env, state, step);
    case 'register-hub':
      return runRegisterHubStep(env, state, step);
    case 'unregister-hub':
      return runUnregisterHubStep(env, state, step);
    case 'control':
      return runControlStep(env, state, step);
    case 'prompt':
      return runPromptStep(env, state, step);
    case 'sleep':
      return runSleepStep(env, state, step);
    case 'set':
      return runSetStep(env, state, step);
    case 'expect-buyer-request':
    case 'expect-delivery':
    case 'send-event':
      // Buyer-side steps run in buyer-testing mode (src/run/buyer); a Seller run never plans them.
      return Promise.resolve({
        findings: [],
        exchanges: [],
        status: 'errored',
        message: `${step.kind} is a Buyer-side step: it runs with --role buyer`,
      });
  }
}

export function stepName(step: Step): string {
  if (step.name) return step.name;
  switch (step.kind) {
    case 'request':
    case 'poll':
      return `${step.kind === 'poll' ? 'poll ' : ''}${step.op}`;
    case 'await-notification':
      return `await ${step.types.join(' | ') || 'any event'}`;
    case 'control':
      return `control ${step.action}`;
    default:
      return step.kind;
  }
}

function applicability(env: RunEnvironment, scenario: Scenario): string | undefined {
  if (scenario.api && !scenario.api.includes(env.spec.version.id)) return `not for ${env.spec.version.id}`;
  const missing = scenario.capabilities.filter((c) => !env.capabilities.has(c));
  if (missing.length > 0) return `the target does not declare ${missing.join(', ')}`;
  const present = scenario.unsupported.filter((c) => env.capabilities.has(c));
  if (present.length > 0) return `checks a Seller without ${present.join(', ')}; the target declares it`;
  if (!env.control && scenario.steps.some((s) => s.kind === 'control'))
    return 'drives the Seller emulator (control steps); the target is not the emulator';
  // A prompt asks a person to act in a real Seller's back office; the emulator's is its control API.
  if (env.control && scenario.steps.some((s) => s.kind === 'prompt'))
    return "asks a person to act in the Seller's back office (prompt steps); the embedded Seller emulator has none (control steps play that part)";
  return undefined;
}

/**
 * Runs one scenario's steps in order against the target, then the whole-scenario judgements (state
 * transitions seen over time, notification rules). Never throws: harness trouble becomes `errored`.
 */
export async function runScenario(
  env: RunEnvironment,
  scenario: Scenario,
  hooks: ScenarioHooks = {},
): Promise<ScenarioResult> {
  const startedAt = new Date(env.clock.now()).toISOString();
  const realStart = Date.now();
  const notApplicable = applicability(env, scenario);
  if (notApplicable)
    return scenarioSkeleton(scenario, 'notApplicable', notApplicable, startedAt, env.spec.version.id);
  if (env.signal.aborted)
    return scenarioSkeleton(
      scenario,
      'skipped',
      'interrupted before it started',
      startedAt,
      env.spec.version.id,
    );
  const state: ScenarioState = {
    vars: {},
    env: { now: () => env.clock.now(), uuid: () => randomUUID(), runId: env.runId, scenarioId: scenario.id },
    observations: new ObservationLog(),
    hubs: [],
    orders: [],
    requirements: scenario.requirements,
  };
  const needsListener = scenario.steps.some((s) =>
    ['register-hub', 'await-notification', 'expect-no-notification'].includes(s.kind),
  );
  const steps: StepResult[] = [];
  let stopped: string | undefined;
  try {
    if (needsListener) state.listener = await env.openListener();
    await assignScenarioVars(env, state, scenario);
    ({ stopped } = await runSteps(
      scenario.steps,
      {
        version: env.spec.version.id,
        now: () => env.clock.now(),
        signal: env.signal,
        name: stepName,
        run: async (step) =>
          interruptedOutcome(step, await runGuarded(() => runStep(env, state, step)), env.signal),
        onStepEnd: (result) => hooks.onStepEnd?.(scenario.id, result),
      },
      steps,
    ));
  } finally {
    await removeLeftoverHubs(env, state);
    state.listener?.close();
  }
  const findings = [
    ...judgeObservations(state.observations),
    ...judgeNotifications(
      (state.listener?.listener.notifications() ?? []).map((n) => ({
        sequence: n.sequence,
        eventType: n.eventType,
        body: n.body,
        valid: n.valid,
        violations: n.violations,
        exchangeId: n.exchange.id,
      })),
      {
        hubs: state.hubs,
        orders: state.orders,
        v11: env.spec.version.generation === 'mplify-123.1',
        runOrders: env.createdOrders,
        dropped: state.listener?.listener.dropped() ?? 0,
      },
    ),
  ];
  return {
    ...scenarioSkeleton(scenario, scenarioStatus(steps, findings), stopped, startedAt, env.spec.version.id),
    durationMs: Date.now() - realStart,
    steps,
    findings,
  };
}

/** Hubs the scenario registered and left behind are removed, so no Seller keeps calling a closed listener. */
async function removeLeftoverHubs(env: RunEnvironment, state: ScenarioState): Promise<void> {
  for (const hub of state.hubs.filter((h) => h.unregisteredAtSeq === undefined)) {
    await env.client.send({
      method: 'DELETE',
      url: `${env.targetUrl}/hub/${encodeURIComponent(hub.id)}`,
      operationId: 'unregisterListener',
      // Still worth trying after Ctrl-C (the Seller would call a closed listener), but not for long.
      ...(env.signal.aborted ? { timeoutMs: CLEANUP_TIMEOUT_AFTER_INTERRUPT_MS } : {}),
    });
    hub.unregisteredAtSeq = lastSequence(state.listener?.listener);
    hub.unregisteredAt = env.clock.now();
  }
}

export function scenarioStatus(steps: readonly StepResult[], findings: readonly Finding[]): Status {
  if (steps.some((s) => s.status === 'errored')) return 'errored';
  if (steps.some((s) => s.status === 'failed') || findings.some((f) => f.severity === 'error'))
    return 'failed';
  if (steps.some((s) => s.status === 'notApplicable')) return 'notApplicable';
  // A skipped step stops the scenario (see runScenario), so the scenario as a whole did not run.
  if (steps.some((s) => s.status === 'skipped')) return 'skipped';
  return 'passed';
}
