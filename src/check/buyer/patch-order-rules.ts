/** UC 2 on the Buyer side: an order PATCH that updates something, keeps notes append-only, and touches only Buyer data. */
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import { asObject, asObjects, type Json, type Violation } from './buyer-check-types';

const ORDER_UPDATABLE = ['externalId', 'note', 'productOrderItem', 'projectId', 'relatedContactInformation'];
const ITEM_UPDATABLE = ['endCustomerName', 'relatedBuyerPON', 'relatedContactInformation', 'note'];

/** The order's notes as the Seller last showed them to this Buyer before `record` (undefined: never shown). */
function notesSeen(
  record: RecordedBuyerRequest,
  all: readonly RecordedBuyerRequest[],
  itemId?: string,
): Json[] | undefined {
  const id = record.params['id'];
  const views = all.filter(
    (r) =>
      r.seq < record.seq &&
      r.status >= 200 &&
      r.status < 300 &&
      ['createProductOrder', 'retrieveProductOrder', 'patchProductOrder'].includes(r.operationId ?? '') &&
      asObject(r.responseJson)?.['id'] === id,
  );
  const order = asObject(views[views.length - 1]?.responseJson);
  if (!order) return undefined;
  if (itemId === undefined) return asObjects(order['note']);
  return asObjects(asObjects(order['productOrderItem']).find((i) => i['id'] === itemId)?.['note']);
}

function noteRules(next: unknown, seen: Json[] | undefined, at: string): Violation[] {
  if (!Array.isArray(next)) return [];
  const list = asObjects(next);
  const out: Violation[] = [];
  const existing = seen ?? [];
  const changed = existing.findIndex((n, i) => JSON.stringify(list[i]) !== JSON.stringify(n));
  if (changed >= 0)
    out.push({
      code: 'buyer.patch.notesRewritten',
      message: `the note list must keep the existing notes unchanged and in order, adding at the end (R22, R59); note ${changed} differs`,
      requirements: ['R22', 'R59'],
      pointer: `${at}/${changed}`,
    });
  list.slice(existing.length).forEach((n, j) => {
    if (n['source'] !== 'buyer')
      out.push({
        code: 'buyer.patch.noteSource',
        message: `a note the Buyer adds has source buyer, not ${JSON.stringify(n['source'])} (R58)`,
        requirements: ['R58'],
        pointer: `${at}/${existing.length + j}/source`,
      });
  });
  return out;
}

function sellerContacts(contacts: unknown, at: string): Violation[] {
  return asObjects(contacts)
    .map((c, i) => ({ role: c['role'], i }))
    .filter(({ role }) => typeof role === 'string' && role.startsWith('seller'))
    .map(({ role, i }) => ({
      code: 'buyer.patch.sellerContact',
      message: `the Buyer changes only its own contacts, not ${String(role)} (R57)`,
      requirements: ['R57'],
      pointer: `${at}/relatedContactInformation/${i}`,
    }));
}

export function patchOrderViolations(
  record: RecordedBuyerRequest,
  all: readonly RecordedBuyerRequest[],
): Violation[] {
  const body = asObject(record.json);
  if (!body) return [];
  if (!ORDER_UPDATABLE.some((k) => body[k] !== undefined))
    return [
      {
        code: 'buyer.patch.nothing',
        message: `an order PATCH sets at least one of ${ORDER_UPDATABLE.join(', ')} (R53)`,
        requirements: ['R53'],
      },
    ];
  const out = [
    ...noteRules(body['note'], notesSeen(record, all), '/note'),
    ...sellerContacts(body['relatedContactInformation'], ''),
  ];
  asObjects(body['productOrderItem']).forEach((item, i) => {
    const at = `/productOrderItem/${i}`;
    if (typeof item['id'] !== 'string')
      out.push({
        code: 'buyer.patch.itemId',
        message: 'an item in an order PATCH is named by its id (R55)',
        requirements: ['R55'],
        pointer: `${at}/id`,
      });
    else if (!ITEM_UPDATABLE.some((k) => item[k] !== undefined))
      out.push({
        code: 'buyer.patch.itemNothing',
        message: `item '${item['id']}' is in the PATCH but updates none of ${ITEM_UPDATABLE.join(', ')} (R54, R56)`,
        requirements: ['R54', 'R56'],
        pointer: at,
      });
    const id = typeof item['id'] === 'string' ? item['id'] : undefined;
    out.push(
      ...noteRules(item['note'], id ? notesSeen(record, all, id) : undefined, `${at}/note`),
      ...sellerContacts(item['relatedContactInformation'], at),
    );
  });
  return out;
}
