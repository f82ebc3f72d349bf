import type { ControlStep, PromptStep, Scenario, SetStep, SleepStep } from '../scenario/types';
import { saveValues } from './judge-expectation';
import type { RunEnvironment, ScenarioState, StepOutcome } from './run-context';
import { renderOrThrow, renderText, StepError } from './send-operation';

export async function runControlStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: ControlStep,
): Promise<StepOutcome> {
  if (!env.control)
    return {
      findings: [],
      exchanges: [],
      status: 'notApplicable',
      message: 'needs the embedded Seller emulator',
    };
  const action = step.action;
  if (!step.order) throw new StepError(`control ${step.action} needs 'order'`);
  const order = renderText(step.order, state);
  const args = renderOrThrow(step.args, state) as Record<string, unknown>;
  if (step.item) args['item'] = renderText(step.item, state);
  const reply = await env.control.orderAction(order, action, args);
  if (!reply.ok)
    throw new StepError(
      `control ${step.action} on ${order} refused: ${JSON.stringify(reply.body['error'] ?? reply.exchange.error?.message ?? 'no answer')}`,
    );
  const findings = saveValues(step.save, reply.body, undefined, state, reply.exchange.id);
  return { findings, exchanges: [reply.exchange] };
}

export async function runPromptStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: PromptStep,
): Promise<StepOutcome> {
  const message = renderText(step.message, state);
  if (env.ci)
    return {
      findings: [],
      exchanges: [],
      status: 'skipped',
      message: `needs a person (CI=true): ${message}`,
    };
  const confirmed = await env.prompt(message, step.timeoutMs);
  return confirmed
    ? { findings: [], exchanges: [], message: 'confirmed' }
    : { findings: [], exchanges: [], status: 'skipped', message: 'nobody confirmed in time' };
}

export async function runSleepStep(
  env: RunEnvironment,
  _state: ScenarioState,
  step: SleepStep,
): Promise<StepOutcome> {
  await env.clock.sleep(step.durationMs, env.signal);
  return { findings: [], exchanges: [] };
}

export function runSetStep(_env: RunEnvironment, state: ScenarioState, step: SetStep): Promise<StepOutcome> {
  for (const assignment of step.values) state.vars[assignment.var] = renderOrThrow(assignment.value, state);
  return Promise.resolve({ findings: [], exchanges: [] });
}

/** The scenario's `vars`, rendered and assigned in order before its first step. */
export function assignScenarioVars(
  env: RunEnvironment,
  state: ScenarioState,
  scenario: Scenario,
): Promise<StepOutcome> {
  return runSetStep(env, state, {
    kind: 'set',
    index: -1,
    values: scenario.vars,
    requirements: [],
    optional: false,
    continueOnFailure: false,
    location: scenario.location,
  });
}
