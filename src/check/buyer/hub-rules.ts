/** UC 15 on the Buyer side: a hub the Seller can call, for the events it needs, removed by its own id. */
import { parseHubQuery } from '../../../emulators/seller/notify/hub-query';
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import type { ApiSpec } from '../../spec';
import { asObject, type Violation } from './buyer-check-types';

export function registerViolations(body: unknown, spec: ApiSpec): Violation[] {
  const input = asObject(body);
  if (!input) return [];
  const out: Violation[] = [];
  const callback = input['callback'];
  let url: URL | undefined;
  try {
    url = typeof callback === 'string' ? new URL(callback) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    out.push({
      code: 'buyer.hub.callback',
      message: `callback must be the absolute http(s) URL of the Buyer's listener, got ${JSON.stringify(callback)} (R7)`,
      requirements: ['R7'],
      pointer: '/callback',
    });
  const query = input['query'];
  if (typeof query === 'string') {
    const parsed = parseHubQuery(query, spec.eventTypes);
    if (!parsed.ok)
      out.push({
        code: 'buyer.hub.query',
        message: `query ${JSON.stringify(query)}: ${parsed.reason} (R7)`,
        requirements: ['R7'],
        pointer: '/query',
      });
  }
  return out;
}

/** Hub ids the Seller issued to this Buyer in the scenario. */
export function issuedHubIds(all: readonly RecordedBuyerRequest[]): Set<string> {
  const ids = new Set<string>();
  for (const r of all) {
    const id = asObject(r.responseJson)?.['id'];
    if (r.operationId === 'registerListener' && r.status === 201 && typeof id === 'string') ids.add(id);
  }
  return ids;
}

export function unregisterViolations(
  record: RecordedBuyerRequest,
  all: readonly RecordedBuyerRequest[],
): Violation[] {
  const id = record.params['id'] ?? '';
  const issued = issuedHubIds(all.filter((r) => r.seq < record.seq));
  return issued.has(id)
    ? []
    : [
        {
          code: 'buyer.hub.unknownId',
          message: `unregisterListener names hub '${id}', which the Seller never returned to this Buyer (R106)`,
          requirements: ['R106'],
        },
      ];
}

/** The event types a successful registration subscribed to (absent or empty query: all of them). */
export function subscribedTypes(record: RecordedBuyerRequest, spec: ApiSpec): string[] {
  const query = asObject(record.json)?.['query'];
  if (typeof query !== 'string') return [...spec.eventTypes];
  const parsed = parseHubQuery(query, spec.eventTypes);
  return parsed.ok ? parsed.eventTypes : [];
}

/**
 * [R89]/[R105]: with a Seller offering charges, the Buyer registers for chargeCreateEvent (in the
 * scenario: at least one successful registration covering it).
 */
export function chargeSubscriptionViolations(
  all: readonly RecordedBuyerRequest[],
  spec: ApiSpec,
  chargesOffered: boolean,
): Violation[] {
  if (!chargesOffered) return [];
  const registrations = all.filter((r) => r.operationId === 'registerListener' && r.status === 201);
  if (registrations.some((r) => subscribedTypes(r, spec).includes('chargeCreateEvent'))) return [];
  return [
    {
      code: 'buyer.hub.noChargeCreateEvent',
      message:
        registrations.length === 0
          ? 'the Buyer registered no hub, so it cannot learn of charges: it must register for chargeCreateEvent when the Seller offers charges (R89, R105)'
          : `the Buyer's hub registration(s) leave out chargeCreateEvent (${registrations.map((r) => JSON.stringify(asObject(r.json)?.['query'] ?? '')).join(', ')}) although the Seller offers charges (R89, R105)`,
      requirements: ['R89', 'R105'],
    },
  ];
}
