import { randomUUID } from 'node:crypto';
import type { Finding } from '../../results';
import { wireEventType } from '../../scenario/event-types';
import type { JsonValue, SendEventStep } from '../../scenario/types';
import { groupByEvent } from '../../check/buyer';
import { judgeExpectation } from '../judge-expectation';
import type { StepOutcome } from '../run-context';
import { renderOrThrow, renderText, StepError } from '../send-operation';
import type { BuyerRunEnvironment, BuyerScenarioState } from './buyer-run-types';

/** Real time the listener has to answer an event the harness sends on purpose. */
const SEND_TIMEOUT_MS = 5000;

/** The body text and content type the step sends, built for the run's API version. */
function bodyOf(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  step: SendEventStep,
  wire: string,
): { text: string; contentType: string } {
  const json = 'application/json;charset=utf-8';
  const source = step.source;
  switch (source.kind) {
    case 'raw':
      return { text: renderText(source.text, state), contentType: source.contentType ?? json };
    case 'body':
      return { text: JSON.stringify(renderOrThrow(source.value, state)), contentType: json };
    case 'replay': {
      const events = groupByEvent(state.slot.emulator.context.dispatcher.deliveries()).filter(
        (a) => a[0]?.eventType === wire,
      );
      const pick = source.which === 'first' ? events[0]?.[0] : events[events.length - 1]?.[0];
      if (!pick) throw new StepError(`no ${wire} has been delivered yet: nothing to replay`);
      return { text: JSON.stringify(pick.body), contentType: json };
    }
    case 'event': {
      const payload = renderOrThrow(source.payload, state) as Record<string, JsonValue>;
      // MEF 123 payloads carry ids only; the new state came with Mplify 123.1.
      if (env.spec.version.generation !== 'mplify-123.1') delete payload['state'];
      if (typeof payload['id'] === 'string') state.madeUpIds.add(payload['id']);
      const event = {
        eventId: randomUUID(),
        eventTime: new Date(env.clock.now()).toISOString(),
        eventType: wire,
        event: payload,
      };
      return { text: JSON.stringify(event), contentType: json };
    }
  }
}

/**
 * Posts an event of the harness's making to every hub the Buyer registered for the type (a malformed one,
 * a duplicate, a late one) and judges each answer of its listener against `expect` (default 204).
 */
export async function runSendEventStep(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  step: SendEventStep,
): Promise<StepOutcome> {
  const wire = wireEventType(step.type, env.spec.version.id);
  const { store, dispatcher } = state.slot.emulator.context;
  const hubs = [...store.hubs.values()].filter((h) => h.eventTypes.has(wire));
  const requirements = step.requirements.length ? step.requirements : state.requirements;
  if (hubs.length === 0) {
    const finding: Finding = {
      check: 'send-event',
      code: 'buyer.hub.none',
      severity: 'error',
      message: `the Buyer has no hub registered for ${wire}: there is no listener to send it to`,
      requirements: [...requirements],
    };
    return { findings: [finding], exchanges: [] };
  }
  const { text, contentType } = bodyOf(env, state, step, wire);
  const findings: Finding[] = [];
  const exchanges = [];
  for (const hub of hubs) {
    const send = await env.client.send({
      method: 'POST',
      url: dispatcher.listenerUrl(hub, wire, ''),
      headers: { 'content-type': contentType },
      body: { raw: text },
      operationId: wire,
      timeoutMs: SEND_TIMEOUT_MS,
      signal: env.signal,
      auth: false,
    });
    const exchange = { ...send.exchange, kind: 'notification' as const };
    exchanges.push(exchange);
    if (exchange.error) {
      findings.push({
        check: 'send-event',
        code: 'buyer.listener.noAnswer',
        severity: 'error',
        message: `the Buyer's listener did not answer ${wire}: ${exchange.error.message}`,
        requirements: ['R7'],
        exchangeId: exchange.id,
      });
      continue;
    }
    // The listener's answer: a wrong status is the listener's finding, not a generic expectation.
    findings.push(
      ...judgeExpectation({ ...send, exchange }, step.expect, state, ['R7']).map((f) =>
        f.code === 'expect.status' ? { ...f, check: 'send-event', code: 'buyer.listener.status' } : f,
      ),
    );
  }
  if (env.signal.aborted) return { findings, exchanges, status: 'skipped', message: 'interrupted' };
  const statuses = exchanges.map((e) => e.response?.status ?? e.error?.code ?? 'no answer');
  return { findings, exchanges, message: `sent; the listener answered ${statuses.join(', ')}` };
}
