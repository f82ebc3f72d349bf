import { aggregateOrderState } from '../../../src/lifecycle';
import type { SellerContext } from '../context';
import { notifyAcknowledged, skipToCompleted } from '../faults/lifecycle-faults';
import type { Outcome } from '../profile/profile-types';
import type { OrderRecord } from '../state/store';
import { raiseItemCharge } from './charges';
import { publish } from './publish';
import { activeItems, moveItem, moveOrder, scheduleNext } from './transitions';

export function outcomeOf(ctx: SellerContext, rec: OrderRecord): Outcome {
  return rec.rule?.outcome ?? ctx.profile.defaultOutcome;
}

/**
 * Starts an order's lifecycle once the create response has been sent (so no notification can
 * precede it): acknowledged → inProgress or rejected after the profile's delay.
 */
export function startOrder(ctx: SellerContext, rec: OrderRecord): void {
  if (ctx.fault('notifies-acknowledged')) notifyAcknowledged(ctx, rec);
  scheduleNext(ctx, rec, ctx.profile.timings.acknowledgedToInProgress, 'validate', () =>
    validateOrder(ctx, rec),
  );
}

function validateOrder(ctx: SellerContext, rec: OrderRecord): void {
  const outcome = outcomeOf(ctx, rec);
  if (outcome === 'reject') return rejectOrder(ctx, rec, rec.rule?.reason ?? 'rejected by the Seller');
  if ((outcome === 'complete' || outcome === 'manual') && ctx.fault('skips-in-progress'))
    return skipToCompleted(ctx, rec);
  for (const item of rec.doc.productOrderItem) moveItem(ctx, rec, item, 'inProgress', 'validation passed');
  moveOrder(ctx, rec, 'inProgress', 'validation passed');
  const milestones = rec.rule?.milestones ?? [];
  milestones.forEach((name, i) => {
    ctx.clock.schedule(ctx.profile.timings.milestoneEvery * (i + 1), () => reachMilestone(ctx, rec, name));
  });
  if (outcome === 'charge') {
    const first = rec.doc.productOrderItem[0];
    if (first) raiseItemCharge(ctx, rec, first.id);
    return;
  }
  if (outcome === 'stay') return;
  scheduleNext(ctx, rec, ctx.profile.timings.inProgressToDone, 'deliver', () => finishOrder(ctx, rec));
}

export function rejectOrder(ctx: SellerContext, rec: OrderRecord, reason: string): void {
  rec.doc.productOrderItem.forEach((item, i) => {
    if (i === 0) {
      if (!ctx.fault('rejected-without-termination-error'))
        item.terminationError = [
          { code: 'invalidValue', propertyPath: `/productOrderItem/${i}`, value: reason },
        ];
      moveItem(ctx, rec, item, 'rejected', reason);
    } else {
      moveItem(ctx, rec, item, 'rejected.validated', 'another item of the order was rejected');
    }
  });
  moveOrder(ctx, rec, 'rejected', reason);
}

/** Delivers (or fails) every item still in progress, then settles the order from its items. */
export function finishOrder(ctx: SellerContext, rec: OrderRecord, forced?: 'complete' | 'fail'): void {
  const outcome = forced ?? outcomeOf(ctx, rec);
  if (outcome === 'seller-cancel')
    return sellerCancel(ctx, rec, rec.rule?.reason ?? 'cancelled by the Seller');
  const reason = rec.rule?.reason ?? 'delivery failed';
  activeItems(rec, ['inProgress']).forEach((item, i) => {
    const fails =
      outcome === 'fail' || (outcome === 'partial' && (i > 0 || rec.doc.productOrderItem.length === 1));
    moveItem(ctx, rec, item, fails ? 'failed' : 'completed', fails ? reason : 'delivered');
  });
  settleOrder(ctx, rec);
}

/** Moves the order to what its items imply, once nothing is open on it any more. */
export function settleOrder(ctx: SellerContext, rec: OrderRecord): void {
  const states = rec.doc.productOrderItem.map((i) => i.state);
  const target = aggregateOrderState(states);
  if (target === 'held.assessingCharge' || target === 'acknowledged') return;
  if (target === 'inProgress') {
    if (rec.doc.state !== 'inProgress') moveOrder(ctx, rec, 'inProgress', 'work resumed');
    return;
  }
  if (rec.doc.state !== 'inProgress') moveOrder(ctx, rec, 'inProgress', 'work resumed');
  moveOrder(ctx, rec, target);
}

export function sellerCancel(ctx: SellerContext, rec: OrderRecord, reason: string): void {
  rec.doc.cancellationReason = reason;
  moveOrder(ctx, rec, 'pendingCancellation', reason);
  for (const item of activeItems(rec, ['inProgress']))
    moveItem(ctx, rec, item, 'pending', 'order being cancelled');
  scheduleNext(ctx, rec, ctx.profile.timings.pendingCancellationToCancelled, 'cancel', () =>
    completeCancellation(ctx, rec),
  );
}

export function completeCancellation(ctx: SellerContext, rec: OrderRecord): void {
  for (const item of activeItems(rec, ['pending'])) moveItem(ctx, rec, item, 'cancelled', 'order cancelled');
  moveOrder(ctx, rec, 'cancelled', rec.doc.cancellationReason);
}

export function reachMilestone(ctx: SellerContext, rec: OrderRecord, name: string, itemId?: string): boolean {
  if (!ctx.profile.capabilities.milestones) return false;
  const item = itemId
    ? rec.doc.productOrderItem.find((i) => i.id === itemId)
    : activeItems(rec, ['inProgress'])[0];
  if (!item || item.state !== 'inProgress') return false;
  const now = new Date(ctx.clock.now()).toISOString();
  (item.milestone ??= []).push({ date: now, name }); // [CR9]: the history stays on the item
  publish(ctx, rec, { kind: 'milestone', orderId: rec.doc.id, itemId: item.id, milestoneName: name });
  return true;
}
