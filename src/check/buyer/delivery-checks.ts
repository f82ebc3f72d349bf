/**
 * The Buyer's listener as the Seller sees it: each event posted to it must be answered, and a well-formed
 * one with 204 (the notification API documents no other success status).
 */
import type { DeliveryAttempt } from '../../../emulators/seller/notify/dispatcher';
import type { Finding } from '../../results';

export interface DeliveryJudgement {
  /** The attempts of one event (same eventId), in order. */
  readonly attempts: readonly DeliveryAttempt[];
  /** Exchange id of the first attempt, for evidence. */
  readonly exchangeId: string;
  /** Statuses the listener may answer (default 204). */
  readonly expected?: readonly number[];
  readonly requirements?: readonly string[];
  readonly check?: string;
}

export function judgeDelivery(j: DeliveryJudgement): Finding[] {
  const first = j.attempts[0];
  if (!first) return [];
  const expected = j.expected ?? [204];
  const requirements = [...(j.requirements ?? ['R7'])];
  const base = { check: j.check ?? 'buyer-listener', requirements, exchangeId: j.exchangeId };
  const tries = j.attempts.length > 1 ? ` (${j.attempts.length} attempts)` : '';
  if (first.status === undefined)
    return [
      {
        ...base,
        code: 'buyer.listener.noAnswer',
        severity: 'error',
        message: `the Buyer's listener did not answer ${first.eventType} ${first.eventId}: ${first.error ?? 'no answer'}${tries}`,
      },
    ];
  if (expected.includes(first.status)) return [];
  const success = first.status >= 200 && first.status < 300;
  return [
    {
      ...base,
      code: success && expected.includes(204) ? 'buyer.listener.not204' : 'buyer.listener.status',
      severity: success && expected.every((s) => s >= 200 && s < 300) ? 'warning' : 'error',
      message: `the Buyer's listener answered ${first.eventType} ${first.eventId} with ${first.status}, expected ${expected.join(' or ')}${tries}`,
      expected,
      actual: first.status,
    },
  ];
}

/** Attempts grouped by event (eventId), in the order the events were first attempted. */
export function groupByEvent(attempts: readonly DeliveryAttempt[]): DeliveryAttempt[][] {
  const groups = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) {
    const key = `${a.hubId} ${a.eventId}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  return [...groups.values()];
}
