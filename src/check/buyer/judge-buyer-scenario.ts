/**
 * After the steps of a Buyer scenario: every request no step judged, every event no step judged, and the
 * rules that need the whole conversation (a hub for chargeCreateEvent).
 */
import type { DeliveryAttempt } from '../../../emulators/seller/notify/dispatcher';
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import type { Finding } from '../../results';
import type { ApiSpec, ProductSchemaRegistry } from '../../spec';
import { toFinding, type SellerFacts } from './buyer-check-types';
import { groupByEvent, judgeDelivery } from './delivery-checks';
import { chargeSubscriptionViolations } from './hub-rules';
import { judgeBuyerRequest } from './request-checks';

export interface BuyerConversation {
  readonly spec: ApiSpec;
  readonly products?: ProductSchemaRegistry;
  readonly seller: SellerFacts;
  readonly requests: readonly RecordedBuyerRequest[];
  /** `seq` of the requests a step has judged already. */
  readonly claimedRequests: ReadonlySet<number>;
  readonly deliveries: readonly DeliveryAttempt[];
  /** `hubId eventId` of the events a step has judged already. */
  readonly claimedEvents: ReadonlySet<string>;
  /** Run-clock time after which the listener is not judged (the Buyer was stopped or had exited). */
  readonly listenerUntil: number;
  /** Exchange id of the first attempt of an event (the caller keeps the exchange as evidence). */
  exchangeIdOf(attempt: DeliveryAttempt): string;
  readonly disabled?: ReadonlySet<string>;
}

/** When the Buyer removed each of its hubs (run-clock ms), from its successful unregisterListener calls. */
function unregistrationTimes(requests: readonly RecordedBuyerRequest[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requests)
    if (r.operationId === 'unregisterListener' && r.status === 204 && r.params['id'])
      out.set(r.params['id'], r.at);
  return out;
}

export function judgeBuyerConversation(c: BuyerConversation): Finding[] {
  const out: Finding[] = [];
  for (const record of c.requests) {
    if (c.claimedRequests.has(record.seq)) continue;
    out.push(
      ...judgeBuyerRequest(
        {
          spec: c.spec,
          record,
          all: c.requests,
          seller: c.seller,
          ...(c.products ? { products: c.products } : {}),
        },
        c.disabled,
      ),
    );
  }
  const unregistered = unregistrationTimes(c.requests);
  for (const attempts of groupByEvent(c.deliveries)) {
    const first = attempts[0];
    if (!first || c.claimedEvents.has(`${first.hubId} ${first.eventId}`)) continue;
    if (Date.parse(first.at) > c.listenerUntil) continue;
    // An event still in flight when the Buyer removed its hub may find the listener gone: no fault.
    const gone = unregistered.get(first.hubId);
    if (first.status === undefined && gone !== undefined && Date.parse(first.at) >= gone) continue;
    out.push(...judgeDelivery({ attempts, exchangeId: c.exchangeIdOf(first) }));
  }
  const lastRequest = c.requests[c.requests.length - 1];
  for (const v of chargeSubscriptionViolations(c.requests, c.spec, c.seller.chargesOffered)) {
    const registration = c.requests.find((r) => r.operationId === 'registerListener') ?? lastRequest;
    out.push(
      registration
        ? toFinding('buyer-hub', registration, v)
        : {
            check: 'buyer-hub',
            code: v.code,
            severity: 'error',
            message: v.message,
            requirements: [...v.requirements],
          },
    );
  }
  return out;
}
