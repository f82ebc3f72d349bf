/** The Buyer's cancel (UC 8) and delivery-date change (UC 5) requests, beyond the schema. */
import { checkSellerSet, SELLER_SET } from '../../../emulators/seller/http/buyer-rules';
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import { asObject, asObjects, type Violation } from './buyer-check-types';

/** Order ids the Seller gave this Buyer in the scenario (201 answers to its create requests). */
export function ordersOf(all: readonly RecordedBuyerRequest[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of all) {
    if (r.operationId !== 'createProductOrder' || r.status !== 201) continue;
    const order = asObject(r.responseJson);
    const id = order?.['id'];
    if (typeof id === 'string')
      out.set(
        id,
        asObjects(order?.['productOrderItem']).map((i) => String(i['id'])),
      );
  }
  return out;
}

const sellerOnly = (body: Record<string, unknown>, keys: readonly string[]): Violation[] =>
  checkSellerSet(body, keys).map((e) => ({
    code: 'buyer.sellerOnlyAttribute',
    message: e.reason,
    requirements: ['R8'],
    ...(e.propertyPath !== undefined ? { pointer: e.propertyPath } : {}),
  }));

/** [R75] its own order; [R76] productOrder and a cancelProductOrderContact; [R8] no Seller attributes. */
export function cancelViolations(body: unknown, all: readonly RecordedBuyerRequest[]): Violation[] {
  const cancel = asObject(body);
  if (!cancel) return [];
  const out = sellerOnly(cancel, SELLER_SET.cancel);
  const orderId = asObject(cancel['productOrder'])?.['productOrderId'];
  if (typeof orderId !== 'string')
    out.push({
      code: 'buyer.cancel.noOrder',
      message: 'a cancel request names the productOrder it cancels (R76)',
      requirements: ['R76'],
      pointer: '/productOrder',
    });
  else if (!ordersOf(all).has(orderId))
    out.push({
      code: 'buyer.cancel.foreignOrder',
      message: `order '${orderId}' is not one this Buyer submitted (R75)`,
      requirements: ['R75'],
      pointer: '/productOrder/productOrderId',
    });
  const roles = asObjects(cancel['relatedContactInformation']).map((c) => c['role']);
  if (!roles.includes('cancelProductOrderContact'))
    out.push({
      code: 'buyer.cancel.noContact',
      message: 'a cancel request carries a contact with role cancelProductOrderContact (R76)',
      requirements: ['R76'],
      pointer: '/relatedContactInformation',
    });
  return out;
}

/** [R65]/[R68]: the item and the expedite indicator or the new date; [R8] no Seller attributes. */
export function modifyViolations(body: unknown, all: readonly RecordedBuyerRequest[]): Violation[] {
  const modify = asObject(body);
  if (!modify) return [];
  const out = sellerOnly(modify, SELLER_SET.modify);
  const ref = asObject(modify['productOrderItem']);
  const orderId = ref?.['productOrderId'];
  const itemId = ref?.['productOrderItemId'];
  const items = typeof orderId === 'string' ? ordersOf(all).get(orderId) : undefined;
  if (!items || typeof itemId !== 'string' || !items.includes(itemId))
    out.push({
      code: 'buyer.modify.unknownItem',
      message: `productOrderItem must name an item of one of this Buyer's orders (R65, R68)`,
      requirements: ['R65', 'R68'],
      pointer: '/productOrderItem',
    });
  if (modify['requestedCompletionDate'] === undefined && modify['expediteIndicator'] === undefined)
    out.push({
      code: 'buyer.modify.nothingAsked',
      message: 'a change request gives the new requestedCompletionDate (R68) or the expediteIndicator (R65)',
      requirements: ['R65', 'R68'],
      pointer: '/requestedCompletionDate',
    });
  return out;
}
