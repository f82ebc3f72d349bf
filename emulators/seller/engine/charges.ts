import { randomUUID } from 'node:crypto';
import { nowIso, type SellerContext } from '../context';
import type { ChargeDoc, ChargeItemDoc } from '../state/documents';
import type { ChargeRecord, OrderRecord } from '../state/store';
// order-flow and charges call each other; both are only used at call time, so the cycle is safe.
import { finishOrder } from './order-flow';
import { publish } from './publish';
import { moveItem, moveOrder, scheduleNext } from './transitions';

export type ChargeAnswer = { id: string; acceptanceIndicator: 'accepted' | 'rejected' };

function openCharges(ctx: SellerContext, orderId: string): ChargeRecord[] {
  return [...ctx.store.charges.values()].filter(
    (c) => c.orderId === orderId && c.doc.state === 'awaitingResponse',
  );
}

function chargeItem(ctx: SellerContext, category?: ChargeItemDoc['priceCategory']): ChargeItemDoc {
  const t = ctx.profile.charge;
  return {
    id: '1',
    activityType: 'new',
    blocking: t.blocking,
    price: { dutyFreeAmount: { unit: t.currency, value: t.amount } },
    priceCategory: category ?? t.priceCategory,
    priceType: t.priceType,
    state: 'awaitingResponse',
    ...(t.priceType === 'recurring' ? { recurringChargePeriod: { amount: 1, units: 'months' } } : {}),
    ...(t.priceType === 'usageBased' ? { unitOfMeasure: 'GB' } : {}),
  };
}

function createCharge(
  ctx: SellerContext,
  rec: OrderRecord,
  shape: Partial<ChargeDoc>,
  purpose: ChargeRecord['purpose'],
  category?: string,
): ChargeRecord {
  const id = randomUUID();
  const doc: ChargeDoc = {
    id,
    href: `${ctx.managementBaseUrl()}/charge/${id}`,
    state: 'awaitingResponse',
    creationDate: nowIso(ctx),
    responseDueDate: new Date(ctx.clock.now() + ctx.profile.timings.chargeResponseWindow).toISOString(),
    chargeItem: [chargeItem(ctx, category)],
    ...shape,
  };
  const charge: ChargeRecord = {
    doc,
    orderId: rec.doc.id,
    purpose,
    ...(rec.buyerId ? { buyerId: rec.buyerId } : {}),
  };
  charge.timeout = ctx.clock.schedule(ctx.profile.timings.chargeResponseWindow, () =>
    timeoutCharge(ctx, charge),
  );
  ctx.store.charges.set(id, charge);
  rec.related.push(id);
  return charge;
}

/**
 * UC 11a: a charge on one item. Allowed only for an item inProgress or pending ([R87]) and when no other
 * charge awaits an answer on the order or the item ([R83]–[R85]). Returns a refusal reason, or the charge.
 */
export function raiseItemCharge(ctx: SellerContext, rec: OrderRecord, itemId: string): ChargeRecord | string {
  const item = rec.doc.productOrderItem.find((i) => i.id === itemId);
  if (!item) return `order ${rec.doc.id} has no item ${itemId}`;
  if (item.state !== 'inProgress') return `item ${itemId} is ${item.state}; a charge needs it inProgress`;
  // The order must be able to enter held.assessingCharge: not while a cancel or modify is assessed.
  if (rec.doc.state !== 'inProgress')
    return `order ${rec.doc.id} is ${rec.doc.state}; an item charge needs it inProgress`;
  if (openCharges(ctx, rec.doc.id).length > 0)
    return `order ${rec.doc.id} already has a charge awaiting response`;
  const ref = { productOrderId: rec.doc.id, productOrderItemId: item.id, productOrderHref: rec.doc.href };
  const charge = createCharge(ctx, rec, { productOrderItem: ref }, { kind: 'item', itemId });
  if (!ctx.fault('item-charge-not-referenced'))
    (item.charge ??= []).push({ id: charge.doc.id, href: charge.doc.href }); // [R27]
  moveItem(ctx, rec, item, 'held', 'charge raised, awaiting Buyer response');
  moveOrder(ctx, rec, 'held.assessingCharge', 'charge raised');
  publish(ctx, rec, { kind: 'chargeCreate', chargeId: charge.doc.id, orderId: rec.doc.id }); // [R88]
  charge.onResolved = (accepted) => resumeAfterItemCharge(ctx, rec, itemId, accepted);
  return charge;
}

/** UC 11b/11c: an order-level charge for a modify or cancel request ([R86]). */
export function raiseOrderCharge(
  ctx: SellerContext,
  rec: OrderRecord,
  purpose: { kind: 'cancel'; taskId: string } | { kind: 'modify'; taskId: string; itemId: string },
  onResolved: (accepted: boolean) => void,
): ChargeRecord {
  // [R93]: a cancel charge names the order and the cancel request; [R92]: a modify charge names the item
  // whose date is to change and the modify request.
  const shape: Partial<ChargeDoc> =
    purpose.kind === 'cancel'
      ? {
          productOrder: { productOrderId: rec.doc.id, productOrderHref: rec.doc.href },
          cancelProductOrder: { id: purpose.taskId },
        }
      : {
          productOrderItem: {
            productOrderId: rec.doc.id,
            productOrderItemId: purpose.itemId,
            productOrderHref: rec.doc.href,
          },
          modifyProductOrderItemRequestedDeliveryDate: { id: purpose.taskId },
        };
  const charge = createCharge(
    ctx,
    rec,
    shape,
    purpose,
    purpose.kind === 'cancel' ? 'cancellation' : 'expedite',
  );
  // Modify charges are always blocking (§7.3).
  if (purpose.kind === 'modify') charge.doc.chargeItem.forEach((ci) => (ci.blocking = true));
  if (purpose.kind === 'cancel')
    (rec.doc.cancellationCharge ??= []).push({ id: charge.doc.id, href: charge.doc.href });
  charge.onResolved = onResolved;
  publish(ctx, rec, { kind: 'chargeCreate', chargeId: charge.doc.id, orderId: rec.doc.id });
  return charge;
}

function resumeAfterItemCharge(
  ctx: SellerContext,
  rec: OrderRecord,
  itemId: string,
  accepted: boolean,
): void {
  const item = rec.doc.productOrderItem.find((i) => i.id === itemId);
  if (!item || item.state !== 'held') return;
  moveItem(
    ctx,
    rec,
    item,
    accepted ? 'inProgress' : 'failed',
    accepted ? 'charge accepted' : 'blocking charge declined',
  );
  moveOrder(ctx, rec, 'inProgress', accepted ? 'charge accepted' : 'charge declined');
  const remaining = rec.doc.productOrderItem.some((i) => i.state === 'inProgress');
  if (!remaining) {
    moveOrder(ctx, rec, 'failed', 'blocking charge declined');
    return;
  }
  scheduleNext(ctx, rec, ctx.profile.timings.inProgressToDone, 'deliver', () =>
    finishOrder(ctx, rec, 'complete'),
  );
}

function settle(
  ctx: SellerContext,
  charge: ChargeRecord,
  state: 'completed' | 'timeout' | 'withdrawnBySeller',
): void {
  charge.timeout?.cancel();
  charge.doc.state = state;
  const rec = ctx.store.orders.get(charge.orderId);
  if (!rec) return;
  publish(ctx, rec, { kind: 'chargeState', chargeId: charge.doc.id, orderId: rec.doc.id, state });
  if (state === 'timeout')
    publish(ctx, rec, { kind: 'chargeTimeout', chargeId: charge.doc.id, orderId: rec.doc.id });
  // A withdrawn charge no longer stands in the way: the work goes on as if it had been accepted.
  const accepted = charge.doc.chargeItem.every(
    (ci) => !ci.blocking || ci.state === 'acceptedByBuyer' || ci.state === 'withdrawnBySeller',
  );
  charge.onResolved?.(accepted);
}

/** UC 12: the Buyer's answer, already checked to cover every charge item ([R96]/[R97]). */
export function answerCharge(
  ctx: SellerContext,
  charge: ChargeRecord,
  answers: readonly ChargeAnswer[],
): void {
  for (const answer of answers) {
    const item = charge.doc.chargeItem.find((ci) => ci.id === answer.id);
    if (!item) continue;
    item.acceptanceIndicator = answer.acceptanceIndicator;
    item.state = answer.acceptanceIndicator === 'accepted' ? 'acceptedByBuyer' : 'declinedByBuyer';
  }
  settle(ctx, charge, 'completed');
}

/** [R98]: no answer by responseDueDate: every item declined, the charge times out. */
export function timeoutCharge(ctx: SellerContext, charge: ChargeRecord): void {
  if (charge.doc.state !== 'awaitingResponse') return;
  if (!ctx.fault('charge-timeout-items-not-declined'))
    for (const item of charge.doc.chargeItem) item.state = 'declinedByBuyer';
  settle(ctx, charge, 'timeout');
}

/** The Seller withdraws a charge still awaiting an answer ([R99]: never once an item was accepted). */
export function withdrawCharge(ctx: SellerContext, charge: ChargeRecord): void {
  if (charge.doc.state !== 'awaitingResponse') return;
  for (const item of charge.doc.chargeItem) item.state = 'withdrawnBySeller';
  settle(ctx, charge, 'withdrawnBySeller');
}
