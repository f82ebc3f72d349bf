import type { ItemState, OrderState } from '../../../src/lifecycle';
import { nowIso, type SellerContext } from '../context';
import { publish } from '../engine/publish';
import type { ItemDoc, OrderDoc } from '../state/documents';
import type { OrderRecord } from '../state/store';

/**
 * Behavioural faults of the order lifecycle (FAULT_CATALOG `kind: behaviour`). The engine calls these
 * only when the profile switches the fault on; each breaks the state machine or an attribute rule on
 * purpose, so it writes states directly instead of going through moveOrder/moveItem (which refuse).
 */

/** How a stored order departs from what the Buyer sent or what the Seller must add (R17, R18). */
export function applyCreateFaults(ctx: SellerContext, doc: OrderDoc): void {
  if (ctx.fault('external-id-truncated') && typeof doc.externalId === 'string')
    doc.externalId = doc.externalId.slice(0, 32);
  if (ctx.fault('drops-coordinated-action'))
    for (const item of doc.productOrderItem) delete item['coordinatedAction'];
  if (ctx.fault('no-seller-contact'))
    doc.relatedContactInformation = doc.relatedContactInformation.filter((c) => c.role !== 'sellerContact');
}

function forceItem(ctx: SellerContext, rec: OrderRecord, item: ItemDoc, to: ItemState, reason: string): void {
  item.state = to;
  item.stateChange.push({ changeDate: nowIso(ctx), state: to, changeReason: reason });
  publish(ctx, rec, { kind: 'itemState', orderId: rec.doc.id, itemId: item.id, state: to });
}

function forceOrder(ctx: SellerContext, rec: OrderRecord, to: OrderState, reason: string): void {
  rec.doc.state = to;
  rec.doc.stateChange.push({ changeDate: nowIso(ctx), state: to, changeReason: reason });
  publish(ctx, rec, { kind: 'orderState', orderId: rec.doc.id, state: to });
}

/** `skips-in-progress`: validation and delivery in one step, acknowledged → completed. */
export function skipToCompleted(ctx: SellerContext, rec: OrderRecord): void {
  const now = nowIso(ctx);
  for (const item of rec.doc.productOrderItem) {
    item.completionDate = now;
    forceItem(ctx, rec, item, 'completed', 'delivered');
  }
  rec.doc.completionDate = now;
  forceOrder(ctx, rec, 'completed', 'delivered');
}

/** `cancel-reopens-completed-order`: a completed order goes back to inProgress so it can be cancelled. */
export function reopenCompletedOrder(ctx: SellerContext, rec: OrderRecord): void {
  if (rec.doc.state !== 'completed') return;
  for (const item of rec.doc.productOrderItem) {
    if (item.state !== 'completed') continue;
    delete item.completionDate;
    forceItem(ctx, rec, item, 'inProgress', 'reopened for cancellation');
  }
  delete rec.doc.completionDate;
  forceOrder(ctx, rec, 'inProgress', 'reopened for cancellation');
}

/** `notifies-acknowledged`: the Seller announces what the create response already said. */
export function notifyAcknowledged(ctx: SellerContext, rec: OrderRecord): void {
  publish(ctx, rec, { kind: 'orderState', orderId: rec.doc.id, state: 'acknowledged' });
  for (const item of rec.doc.productOrderItem)
    publish(ctx, rec, { kind: 'itemState', orderId: rec.doc.id, itemId: item.id, state: 'acknowledged' });
}
