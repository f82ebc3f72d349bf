import type { SellerContext } from '../context';
import { raiseItemCharge, timeoutCharge, withdrawCharge } from '../engine/charges';
import { finishOrder, rejectOrder, reachMilestone, sellerCancel } from '../engine/order-flow';
import { setExpectedDate } from '../engine/transitions';
import type { OrderRecord } from '../state/store';

import type { ControlAction } from '../../../src/control-actions';
export { CONTROL_ACTIONS, type ControlAction } from '../../../src/control-actions';

export interface ControlArgs {
  readonly item?: string;
  readonly name?: string;
  readonly date?: string;
  readonly reason?: string;
  /** raise-charge: how many charge items the charge holds (default 1); all must be answered at once (R97). */
  readonly items?: number;
}

export type ControlResult = { ok: true; detail?: Record<string, unknown> } | { ok: false; reason: string };

/**
 * What a scenario may ask the embedded Seller to do to an order, as the Seller's back office would.
 * Every action goes through the same engine as the timed lifecycle, so its effects stay legal.
 */
export function runControlAction(
  ctx: SellerContext,
  rec: OrderRecord,
  action: ControlAction,
  args: ControlArgs,
): ControlResult {
  const state = rec.doc.state;
  const firstInProgress = () => rec.doc.productOrderItem.find((i) => i.state === 'inProgress');
  switch (action) {
    case 'advance':
      if (!rec.next) return { ok: false, reason: `order ${rec.doc.id} (${state}) has no pending step` };
      rec.next.timer.cancel();
      rec.next.run();
      return { ok: true, detail: { state: rec.doc.state } };
    case 'complete':
    case 'fail':
      if (state !== 'inProgress')
        return { ok: false, reason: `order is ${state}; ${action} needs inProgress` };
      rec.next?.timer.cancel();
      rec.next = undefined;
      finishOrder(ctx, rec, action);
      return { ok: true, detail: { state: rec.doc.state } };
    case 'reject':
      if (state !== 'acknowledged')
        return { ok: false, reason: `order is ${state}; reject needs acknowledged` };
      rec.next?.timer.cancel();
      rec.next = undefined;
      rejectOrder(ctx, rec, args.reason ?? 'rejected by the Seller');
      return { ok: true, detail: { state: rec.doc.state } };
    case 'raise-charge': {
      const itemId = args.item ?? firstInProgress()?.id;
      if (!itemId) return { ok: false, reason: 'no item inProgress to charge' };
      const charge = raiseItemCharge(ctx, rec, itemId);
      if (typeof charge === 'string') return { ok: false, reason: charge };
      // Before any answer can arrive: the Buyer learns of the charge from the event this call just sent.
      const first = charge.doc.chargeItem[0];
      const extra = Math.min(Math.max(Math.trunc(Number(args.items ?? 1)), 1), 10) - 1;
      for (let i = 0; first && i < extra; i++)
        charge.doc.chargeItem.push({ ...first, id: String(i + 2), priceCategory: 'other' });
      return { ok: true, detail: { chargeId: charge.doc.id, chargeItems: charge.doc.chargeItem.length } };
    }
    case 'withdraw-charge':
    case 'timeout-charge': {
      const charge = [...ctx.store.charges.values()].find(
        (c) => c.orderId === rec.doc.id && c.doc.state === 'awaitingResponse',
      );
      if (!charge) return { ok: false, reason: 'no charge awaiting response on this order' };
      if (action === 'withdraw-charge') withdrawCharge(ctx, charge);
      else timeoutCharge(ctx, charge);
      return { ok: true, detail: { chargeId: charge.doc.id } };
    }
    case 'accept-task':
    case 'decline-task':
    case 'charge-task': {
      const tasks = [...ctx.store.cancels.values(), ...ctx.store.modifies.values()];
      const open = tasks.find((t) => t.orderId === rec.doc.id && t.decision);
      if (!open?.decision)
        return { ok: false, reason: 'no cancel or modify request awaits a decision on this order' };
      open.decision.decide(
        action === 'accept-task' ? 'accept' : action === 'charge-task' ? 'charge' : 'reject',
      );
      const charge = [...ctx.store.charges.values()].find(
        (c) => c.orderId === rec.doc.id && c.doc.state === 'awaitingResponse',
      );
      return {
        ok: true,
        detail: {
          taskId: (open.doc as { id: string }).id,
          taskState: (open.doc as { state: string }).state,
          ...(action === 'charge-task' && charge ? { chargeId: charge.doc.id } : {}),
        },
      };
    }
    case 'milestone':
      return reachMilestone(ctx, rec, args.name ?? 'milestoneReached', args.item)
        ? { ok: true }
        : { ok: false, reason: 'milestones need the capability and an item inProgress' };
    case 'seller-cancel':
      if (state !== 'inProgress')
        return { ok: false, reason: `order is ${state}; seller-cancel needs inProgress` };
      rec.next?.timer.cancel();
      rec.next = undefined;
      sellerCancel(ctx, rec, args.reason ?? 'cancelled by the Seller');
      return { ok: true, detail: { state: rec.doc.state } };
    case 'set-expected-date': {
      const item = args.item ? rec.doc.productOrderItem.find((i) => i.id === args.item) : firstInProgress();
      if (!item || item.state !== 'inProgress') return { ok: false, reason: 'needs an item inProgress' };
      const date =
        args.date && Number.isFinite(Date.parse(args.date)) ? new Date(args.date).toISOString() : undefined;
      if (!date) return { ok: false, reason: 'args.date must be an ISO date-time' };
      setExpectedDate(ctx, rec, item, date, args.reason);
      return { ok: true };
    }
  }
}
