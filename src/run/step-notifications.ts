import type { ReceivedNotification } from '../../emulators/buyer';
import { wireEventType, wireHubQuery, hubQueryEventTypes } from '../scenario/event-types';
import { evaluateMatchers } from '../scenario/matchers';
import type {
  AwaitNotificationStep,
  ExpectNoNotificationStep,
  JsonValue,
  MatcherEntry,
  RegisterHubStep,
  UnregisterHubStep,
  Variables,
} from '../scenario/types';
import type { Exchange, Finding } from '../results';
import { judgeExpectation, saveValues } from './judge-expectation';
import { lastSequence, type RunEnvironment, type ScenarioState, type StepOutcome } from './run-context';
import { renderText, sendOperation, StepError } from './send-operation';

function listenerOf(state: ScenarioState) {
  if (!state.listener) throw new StepError('no notification listener is open for this scenario');
  return state.listener;
}

function matcherFilter(
  env: RunEnvironment,
  state: ScenarioState,
  types: readonly string[],
  where: readonly MatcherEntry[],
  afterSeq: number,
) {
  const wire = new Set(types.map((t) => wireEventType(t, env.spec.version.id)));
  return (n: ReceivedNotification) =>
    n.sequence > afterSeq &&
    (wire.size === 0 || wire.has(n.eventType)) &&
    evaluateMatchers(n.body as JsonValue | undefined, where, state.vars as Variables, {
      env: state.env,
    }).every((r) => r.ok);
}

export async function runRegisterHubStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: RegisterHubStep,
): Promise<StepOutcome> {
  const listener = listenerOf(state);
  const callback = step.callback === 'listener' ? listener.callback : renderText(step.callback, state);
  const query =
    step.query === undefined ? undefined : wireHubQuery(renderText(step.query, state), env.spec.version.id);
  const body = { callback, ...(query !== undefined ? { query } : {}) };
  const before = lastSequence(listener.listener);
  const { send, findings } = await sendOperation(
    env,
    state,
    { op: 'registerListener', params: {}, body },
    { schema: step.expect.schema, requirements: step.requirements },
  );
  findings.push(
    ...judgeExpectation(
      send,
      step.expect,
      state,
      step.requirements.length ? step.requirements : state.requirements,
    ),
  );
  const hubId = (send.json as { id?: unknown } | undefined)?.id;
  if (send.exchange.response?.status === 201 && typeof hubId === 'string') {
    const types = query ? hubQueryEventTypes(query) : [...env.spec.eventTypes];
    state.hubs.push({ id: hubId, eventTypes: types, registeredAtSeq: before });
    findings.push(
      ...saveValues(step.save, send.json, send.exchange.response.headers, state, send.exchange.id),
    );
  }
  return { findings, exchanges: [send.exchange] };
}

export async function runUnregisterHubStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: UnregisterHubStep,
): Promise<StepOutcome> {
  const id = renderText(step.id, state);
  const { send, findings } = await sendOperation(
    env,
    state,
    { op: 'unregisterListener', params: { id } },
    { schema: step.expect.schema, requirements: step.requirements },
  );
  findings.push(
    ...judgeExpectation(
      send,
      step.expect,
      state,
      step.requirements.length ? step.requirements : state.requirements,
    ),
  );
  const hub = state.hubs.find((h) => h.id === id);
  if (hub && send.exchange.response && send.exchange.response.status < 300) {
    hub.unregisteredAtSeq = lastSequence(state.listener?.listener);
    hub.unregisteredAt = env.clock.now();
  }
  return { findings, exchanges: [send.exchange] };
}

export async function runAwaitNotificationStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: AwaitNotificationStep,
): Promise<StepOutcome> {
  const { listener } = listenerOf(state);
  const filter = matcherFilter(env, state, step.types, step.where, 0);
  const started = env.clock.now();
  const got: ReceivedNotification[] = [];
  while (got.length < step.count) {
    const remaining = step.withinMs - (env.clock.now() - started);
    const n =
      remaining > 0
        ? await listener.waitFor(filter, { timeoutMs: remaining, signal: env.signal, consume: true })
        : undefined;
    if (!n) break;
    got.push(n);
  }
  const exchanges: Exchange[] = got.map((n) => n.exchange);
  if (env.signal.aborted && got.length < step.count)
    return { findings: [], exchanges, status: 'skipped', message: 'interrupted' };
  const requirements = step.requirements.length ? step.requirements : state.requirements;
  if (got.length < step.count) {
    const seen = listener
      .notifications()
      .slice(-5)
      .map(
        (n) => `${n.eventType} ${JSON.stringify((n.body as { event?: unknown } | undefined)?.event ?? null)}`,
      );
    const finding: Finding = {
      check: 'await-notification',
      code: 'notification.missing',
      severity: 'error',
      message: `expected ${step.count} ${step.types.join(' or ') || 'event'}(s) matching the filter, got ${got.length} within the window${seen.length ? `; last received: ${seen.join(' | ')}` : '; nothing received'}`,
      requirements: [...requirements, 'R109'],
    };
    return { findings: [finding], exchanges };
  }
  const findings = saveValues(step.save, got[0]?.body, undefined, state);
  return { findings, exchanges, message: `received ${got.length}` };
}

export async function runExpectNoNotificationStep(
  env: RunEnvironment,
  state: ScenarioState,
  step: ExpectNoNotificationStep,
): Promise<StepOutcome> {
  const { listener } = listenerOf(state);
  const after = lastSequence(listener);
  await env.clock.sleep(step.withinMs, env.signal);
  const filter = matcherFilter(env, state, step.types, step.where, after);
  const unexpected = listener.notifications().filter(filter);
  const findings: Finding[] = unexpected.map((n) => ({
    check: 'expect-no-notification',
    code: 'notification.unexpected',
    severity: 'error',
    message: `${n.eventType} arrived although none was expected here`,
    requirements: [...(step.requirements.length ? step.requirements : state.requirements), 'R108'],
    exchangeId: n.exchange.id,
  }));
  return { findings, exchanges: unexpected.map((n) => n.exchange) };
}
