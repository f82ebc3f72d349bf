import type { SellerContext } from '../context';
import { reopenCompletedOrder } from '../faults/lifecycle-faults';
import type { TaskOutcome } from '../profile/profile-types';
import type { CancelDoc, ModifyDoc } from '../state/documents';
import type { OrderRecord, TaskRecord } from '../state/store';
import { raiseOrderCharge } from './charges';
import { completeCancellation, finishOrder, outcomeOf } from './order-flow';
import { publish } from './publish';
import {
  activeItems,
  MANUAL_WAIT_MS,
  moveItem,
  moveOrder,
  scheduleNext,
  setExpectedDate,
} from './transitions';
import type { TaskState } from '../../../src/lifecycle';

function moveCancel(ctx: SellerContext, rec: OrderRecord, task: TaskRecord<CancelDoc>, to: TaskState): void {
  task.doc.state = to;
  publish(ctx, rec, { kind: 'cancelState', cancelId: task.doc.id, orderId: rec.doc.id, state: to });
}

function moveModify(ctx: SellerContext, rec: OrderRecord, task: TaskRecord<ModifyDoc>, to: TaskState): void {
  task.doc.state = to;
  publish(ctx, rec, { kind: 'modifyState', modifyId: task.doc.id, orderId: rec.doc.id, state: to });
}

/**
 * Schedules the Seller's decision on a task after the profile's delay. `decide` runs once: from the timer
 * (with the profile's outcome) or earlier from the control API (with the outcome it names).
 */
function scheduleDecision<D>(
  ctx: SellerContext,
  task: TaskRecord<D>,
  decide: (outcome?: TaskOutcome) => void,
): void {
  const once = (outcome?: TaskOutcome) => {
    if (!task.decision) return;
    task.decision.timer.cancel();
    task.decision = undefined;
    decide(outcome);
  };
  const rec = ctx.store.orders.get(task.orderId);
  const wait = rec?.rule?.outcome === 'manual' ? MANUAL_WAIT_MS : ctx.profile.timings.taskDecision;
  task.decision = { timer: ctx.clock.schedule(wait, () => once()), decide: once };
}

/** Resumes delivery after a task left the order alone (declined or rejected). */
function resume(ctx: SellerContext, rec: OrderRecord, reason: string): void {
  for (const item of activeItems(rec, ['pending'])) moveItem(ctx, rec, item, 'inProgress', reason);
  moveOrder(ctx, rec, 'inProgress', reason);
  if (outcomeOf(ctx, rec) !== 'stay') {
    scheduleNext(ctx, rec, ctx.profile.timings.inProgressToDone, 'deliver', () => finishOrder(ctx, rec));
  }
}

/**
 * UC 8: a cancel request. Only an order inProgress can be cancelled (productOrderFlow); otherwise the
 * request is rejected with `cancellationDeniedReason`. Accepted: order assessingCancellation (items
 * pending), then done → pendingCancellation → cancelled; with a charge: inProgress.assessingCharge first.
 */
export function startCancel(ctx: SellerContext, rec: OrderRecord, task: TaskRecord<CancelDoc>): void {
  const planned: TaskOutcome = rec.rule?.cancel ?? 'accept';
  if (ctx.fault('cancel-reopens-completed-order')) reopenCompletedOrder(ctx, rec);
  if (rec.doc.state !== 'inProgress') {
    const reason = `order is ${rec.doc.state}; only an order inProgress can be cancelled`;
    scheduleDecision(ctx, task, () => {
      task.doc.cancellationDeniedReason = reason;
      moveCancel(ctx, rec, task, 'rejected');
    });
    return;
  }
  rec.next?.timer.cancel();
  rec.next = undefined;
  moveOrder(ctx, rec, 'assessingCancellation', 'cancellation requested');
  for (const item of activeItems(rec, ['inProgress']))
    moveItem(ctx, rec, item, 'pending', 'cancellation requested');
  const accept = () => {
    moveCancel(ctx, rec, task, 'done');
    rec.doc.cancellationReason = task.doc.cancellationReason ?? 'cancelled at the Buyer\u2019s request';
    moveOrder(ctx, rec, 'pendingCancellation', 'cancellation accepted');
    scheduleNext(ctx, rec, ctx.profile.timings.pendingCancellationToCancelled, 'cancel', () =>
      completeCancellation(ctx, rec),
    );
  };
  scheduleDecision(ctx, task, (chosen) => {
    const outcome = chosen ?? planned;
    if (outcome === 'reject') {
      task.doc.cancellationDeniedReason = 'work too far advanced to cancel';
      moveCancel(ctx, rec, task, 'rejected');
      return resume(ctx, rec, 'cancellation rejected');
    }
    if (outcome === 'accept') return accept();
    moveCancel(ctx, rec, task, 'inProgress.assessingCharge');
    const charge = raiseOrderCharge(ctx, rec, { kind: 'cancel', taskId: task.doc.id }, (accepted) => {
      if (accepted) return accept();
      task.doc.cancellationDeniedReason = 'cancellation charge declined';
      moveCancel(ctx, rec, task, 'done.declined');
      resume(ctx, rec, 'cancellation charge declined');
    });
    task.doc.charge = { id: charge.doc.id, href: charge.doc.href };
  });
}

/**
 * UC 5: modify an item's requested delivery date (5b) or expedite it (5a). The item must be inProgress;
 * otherwise the request is rejected. Accepted: item pending / order pending.assessingModification, then
 * done (dates updated, [R52] note) or done.declined (dates kept).
 */
export function startModify(ctx: SellerContext, rec: OrderRecord, task: TaskRecord<ModifyDoc>): void {
  const planned: TaskOutcome = rec.rule?.modify ?? 'accept';
  const item = rec.doc.productOrderItem.find((i) => i.id === task.doc.productOrderItem.productOrderItemId);
  if (!item || item.state !== 'inProgress' || rec.doc.state !== 'inProgress') {
    scheduleDecision(ctx, task, () => moveModify(ctx, rec, task, 'rejected'));
    return;
  }
  rec.next?.timer.cancel();
  rec.next = undefined;
  moveItem(ctx, rec, item, 'pending', 'delivery date change requested');
  moveOrder(ctx, rec, 'pending.assessingModification', 'delivery date change requested');
  const done = () => {
    if (task.doc.requestedCompletionDate) {
      item.requestedCompletionDate = task.doc.requestedCompletionDate;
    }
    if (task.doc.expediteIndicator !== undefined) {
      item.expediteIndicator = task.doc.expediteIndicator;
      // [R26]: true only once any expedite charge has completed (this path runs after it).
      item.expediteAcceptedIndicator = task.doc.expediteIndicator;
    }
    moveModify(ctx, rec, task, 'done');
    moveItem(ctx, rec, item, 'inProgress', 'delivery date changed');
    if (task.doc.requestedCompletionDate) {
      setExpectedDate(
        ctx,
        rec,
        item,
        task.doc.requestedCompletionDate,
        `Buyer asked for ${task.doc.requestedCompletionDate}`,
      );
    }
    moveOrder(ctx, rec, 'inProgress', 'delivery date changed');
    if (outcomeOf(ctx, rec) !== 'stay') {
      scheduleNext(ctx, rec, ctx.profile.timings.inProgressToDone, 'deliver', () => finishOrder(ctx, rec));
    }
  };
  scheduleDecision(ctx, task, (chosen) => {
    const outcome = chosen ?? planned;
    if (outcome === 'reject') {
      moveModify(ctx, rec, task, 'rejected');
      return resume(ctx, rec, 'delivery date change rejected');
    }
    if (outcome === 'accept') return done();
    moveModify(ctx, rec, task, 'inProgress.assessingCharge');
    raiseOrderCharge(ctx, rec, { kind: 'modify', taskId: task.doc.id, itemId: item.id }, (accepted) => {
      if (accepted) return done();
      moveModify(ctx, rec, task, 'done.declined');
      resume(ctx, rec, 'delivery date change declined');
    });
  });
}
