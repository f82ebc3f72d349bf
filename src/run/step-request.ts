import { buildRequestBody } from '../scenario/request-body';
import type { JsonValue, PollStep, RequestStep } from '../scenario/types';
import { evaluateMatchers } from '../scenario/matchers';
import type { Exchange, Finding } from '../results';
import { judgeExpectation, saveValues } from './judge-expectation';
import type { RunEnvironment, ScenarioState, StepOutcome } from './run-context';
import { renderText, sendOperation, StepError } from './send-operation';

function stepRequirements(step: { requirements: readonly string[] }, state: ScenarioState): string[] {
  return step.requirements.length > 0 ? [...step.requirements] : [...state.requirements];
}

/** `raw` is sent verbatim, but its strings are templates like every other value of a request step. */
function renderRaw(
  raw: NonNullable<RequestStep['raw']>,
  state: ScenarioState,
): NonNullable<RequestStep['raw']> {
  const out: { body?: string; contentType?: string; query?: string } = {};
  for (const key of ['body', 'contentType', 'query'] as const) {
    const value = raw[key];
    if (value !== undefined) out[key] = renderText(value, state);
  }
  return out;
}

export async function runRequestStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: RequestStep,
): Promise<StepOutcome> {
  let body: JsonValue | undefined;
  if (step.body) {
    const built = buildRequestBody(step.body, state.vars, state.env);
    if (!built.ok) throw new StepError(built.errors.map((e) => e.message).join('; '));
    body = built.value;
  }
  const requirements = stepRequirements(step, state);
  const { send, findings } = await sendOperation(
    env,
    state,
    {
      op: step.op,
      params: step.params,
      headers: step.headers,
      ...(body !== undefined ? { body } : {}),
      ...(step.raw ? { raw: renderRaw(step.raw, state) } : {}),
      auth: step.auth,
    },
    { schema: step.expect.schema, requirements: step.requirements },
  );
  findings.push(...judgeExpectation(send, step.expect, state, requirements));
  if (
    send.exchange.response &&
    !send.exchange.error &&
    !findings.some((f) => f.severity === 'error' && f.check === 'expect')
  ) {
    findings.push(
      ...saveValues(step.save, send.json, send.exchange.response.headers, state, send.exchange.id),
    );
  }
  return { findings, exchanges: [...send.preceding, send.exchange] };
}

/** Keeps the first and the last few exchanges of a long poll: enough evidence, bounded reports. */
function keepEvidence(all: Exchange[], last = 4): Exchange[] {
  return all.length <= last + 1 ? all : [all[0]!, ...all.slice(-last)];
}

export async function runPollStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: PollStep,
): Promise<StepOutcome> {
  const started = env.clock.now();
  const exchanges: Exchange[] = [];
  const requirements = stepRequirements(step, state);
  let attempts = 0;
  for (;;) {
    attempts++;
    const { send, findings } = await sendOperation(
      env,
      state,
      { op: step.op, params: step.params, headers: step.headers },
      { schema: step.expect.schema, requirements: step.requirements },
    );
    exchanges.push(...send.preceding, send.exchange);
    const hard = findings.filter((f) => f.severity === 'error');
    // Every response must have the expected status; body, header and count matchers describe the end state.
    const statusOnly = { ...step.expect, body: [], headers: [], count: undefined, errorCode: undefined };
    const expectation = judgeExpectation(send, statusOnly, state, requirements);
    if (hard.length > 0 || expectation.length > 0 || !send.exchange.response) {
      return { findings: [...findings, ...expectation], exchanges: keepEvidence(exchanges) };
    }
    const results = evaluateMatchers(send.json as JsonValue | undefined, step.until, state.vars, {
      env: state.env,
    });
    if (results.every((r) => r.ok)) {
      const final = judgeExpectation(send, step.expect, state, requirements);
      const saved =
        final.length === 0
          ? saveValues(step.save, send.json, send.exchange.response.headers, state, send.exchange.id)
          : [];
      return {
        findings: [...findings, ...final, ...saved],
        exchanges: keepEvidence(exchanges),
        message: `condition met after ${attempts} request(s)`,
      };
    }
    const errored = results.find((r) => r.errored);
    if (errored) throw new StepError(errored.message);
    if (env.signal.aborted)
      return { findings, exchanges: keepEvidence(exchanges), status: 'skipped', message: 'interrupted' };
    if (env.clock.now() - started >= step.withinMs) {
      const unmet = results.filter((r) => !r.ok);
      const finding: Finding = {
        check: 'poll',
        code: 'poll.timeout',
        severity: 'error',
        message: `not reached within the window after ${attempts} request(s): ${unmet.map((r) => r.message).join('; ')}`,
        requirements,
        exchangeId: send.exchange.id,
      };
      return { findings: [...findings, finding], exchanges: keepEvidence(exchanges) };
    }
    const pause = Math.max(
      step.everyMs,
      env.minPollRealMs * (env.clock.toRealMs(1) > 0 ? 1 / env.clock.toRealMs(1) : 1),
    );
    await env.clock.sleep(Math.min(pause, step.withinMs), env.signal);
  }
}
