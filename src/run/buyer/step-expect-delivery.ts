import type { DeliveryAttempt } from '../../../emulators/seller/notify/dispatcher';
import { groupByEvent, judgeDelivery } from '../../check/buyer';
import type { Finding } from '../../results';
import { wireEventType } from '../../scenario/event-types';
import { evaluateMatchers } from '../../scenario/matchers';
import type { ExpectDeliveryStep, JsonValue, Variables } from '../../scenario/types';
import { saveValues } from '../judge-expectation';
import type { StepOutcome } from '../run-context';
import type { BuyerRunEnvironment, BuyerScenarioState } from './buyer-run-types';
import { buyerGone, deliveryEvidence, waitUntil } from './buyer-wait';

const keyOf = (a: DeliveryAttempt): string => `${a.hubId} ${a.eventId}`;

/** The hubs the Buyer has registered, for a message that says why nothing was delivered. */
function hubsText(state: BuyerScenarioState): string {
  const hubs = [...state.slot.emulator.context.store.hubs.values()];
  if (hubs.length === 0) return 'the Buyer has registered no hub, so nothing can be sent to it';
  return `hubs registered: ${hubs.map((h) => `${h.doc.callback} (${[...h.eventTypes].join(', ')})`).join('; ')}`;
}

/**
 * Waits until the Seller emulator has tried to deliver `count` matching events (oldest unclaimed first) and
 * judges the listener's answer to each first attempt: `expect.status`, 204 by default.
 */
export async function runExpectDeliveryStep(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  step: ExpectDeliveryStep,
): Promise<StepOutcome> {
  const wire = new Set(step.types.map((t) => wireEventType(t, env.spec.version.id)));
  const dispatcher = state.slot.emulator.context.dispatcher;
  const candidates = (): DeliveryAttempt[][] =>
    groupByEvent(dispatcher.deliveries()).filter((attempts) => {
      const first = attempts[0];
      return (
        first !== undefined &&
        wire.has(first.eventType) &&
        !state.claimedEvents.has(keyOf(first)) &&
        evaluateMatchers(first.body as unknown as JsonValue, step.where, state.vars as Variables, {
          env: state.env,
        }).every((m) => m.ok)
      );
    });
  const outcome = await waitUntil(
    env,
    step.withinMs,
    () => {
      const found = candidates();
      return found.length >= step.count ? found.slice(0, step.count) : undefined;
    },
    () => buyerGone(state),
  );
  const requirements = step.requirements.length ? step.requirements : state.requirements;
  if ('aborted' in outcome) return { findings: [], exchanges: [], status: 'skipped', message: 'interrupted' };
  if (!('found' in outcome)) {
    const why = 'gaveUp' in outcome ? ` (${outcome.gaveUp})` : '';
    const finding: Finding = {
      check: 'expect-delivery',
      code: 'buyer.delivery.missing',
      severity: 'error',
      message: `expected ${step.count} ${[...wire].join(' or ')} event(s) matching the filter to be delivered within the window, got ${candidates().length}${why}; ${hubsText(state)}`,
      requirements: [...requirements],
    };
    return { findings: [finding], exchanges: [] };
  }
  const findings: Finding[] = [];
  const exchanges = [];
  for (const attempts of outcome.found) {
    const first = attempts[0];
    if (!first) continue;
    state.claimedEvents.add(keyOf(first));
    const evidence = attempts.map((a) => deliveryEvidence(env, state, a));
    exchanges.push(...evidence);
    findings.push(
      ...judgeDelivery({
        attempts,
        exchangeId: evidence[0]?.id ?? '',
        expected: step.expect.status,
        // The listener's answer is what the notification API (R7) says of it, whatever the scenario covers.
        requirements: ['R7'],
        check: 'expect-delivery',
      }),
    );
  }
  const firstEvent = outcome.found[0]?.[0];
  if (firstEvent) findings.push(...saveValues(step.save, firstEvent.body, undefined, state));
  const statuses = outcome.found.map((a) => a[0]?.status ?? a[0]?.error ?? 'no answer');
  return { findings, exchanges, message: `delivered; the listener answered ${statuses.join(', ')}` };
}
