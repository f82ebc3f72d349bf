import { randomUUID } from 'node:crypto';
import {
  ITEM_MACHINE,
  ORDER_MACHINE,
  isLegalTransition,
  type ItemState,
  type OrderState,
} from '../../../src/lifecycle';
import { nowIso, type SellerContext } from '../context';
import type { ItemDoc } from '../state/documents';
import type { OrderRecord } from '../state/store';
import { publish } from './publish';

/** A move the state tables forbid: a bug in the emulator, never a Buyer error. */
export class IllegalTransitionError extends Error {}

/** The expected completion date the Seller commits to when work starts ([R29]). */
function expectedDate(ctx: SellerContext, item: ItemDoc): string {
  const requested = item.requestedCompletionDate ? Date.parse(item.requestedCompletionDate) : NaN;
  const now = ctx.clock.now();
  const at =
    Number.isFinite(requested) && requested > now ? requested : now + ctx.profile.timings.defaultLeadTime;
  return new Date(at).toISOString();
}

export function setExpectedDate(
  ctx: SellerContext,
  rec: OrderRecord,
  item: ItemDoc,
  date: string,
  why?: string,
): void {
  if (item.expectedCompletionDate === date) return;
  const revised = item.expectedCompletionDate !== undefined;
  item.expectedCompletionDate = date;
  if (revised) {
    // [R52]: a revised expected date comes with a note saying so and why.
    const notes = (item.note ??= []);
    notes.push({
      id: `seller-note-${notes.length + 1}`,
      author: ctx.profile.sellerContact.name,
      date: nowIso(ctx),
      source: 'seller',
      text: `Expected completion date revised to ${date}: ${why ?? 'delivery plan changed'}`,
    });
  }
  publish(ctx, rec, { kind: 'itemExpectedDate', orderId: rec.doc.id, itemId: item.id });
}

export function moveItem(
  ctx: SellerContext,
  rec: OrderRecord,
  item: ItemDoc,
  to: ItemState,
  reason?: string,
): void {
  if (item.state === to) return;
  if (!isLegalTransition(ITEM_MACHINE, item.state, to)) {
    throw new IllegalTransitionError(`item ${item.id}: ${item.state} → ${to}`);
  }
  item.state = to;
  const change = { changeDate: nowIso(ctx), state: to, ...(reason ? { changeReason: reason } : {}) };
  if (ctx.fault('item-history-current-only')) item.stateChange = [change];
  else item.stateChange.push(change);
  if ((to === 'cancelled' || to === 'failed') && !ctx.fault('failed-item-keeps-expected-date'))
    delete item.expectedCompletionDate; // [R28]/[R49]
  if (to === 'completed') {
    item.completionDate = nowIso(ctx); // [R50]
    // An installed product now exists in the Seller's inventory: its id is assigned and shown ([R63]).
    if (item.action === 'add' && item.product && item.product.id === undefined)
      item.product.id = randomUUID();
  }
  publish(ctx, rec, { kind: 'itemState', orderId: rec.doc.id, itemId: item.id, state: to });
  if (to === 'inProgress' && !item.expectedCompletionDate && !ctx.fault('in-progress-without-expected-date'))
    setExpectedDate(ctx, rec, item, expectedDate(ctx, item));
  if (to === 'inProgress' && ctx.fault('completion-date-before-completed'))
    item.completionDate = item.expectedCompletionDate;
}

export function moveOrder(ctx: SellerContext, rec: OrderRecord, to: OrderState, reason?: string): void {
  const order = rec.doc;
  if (order.state === to) return;
  if (!isLegalTransition(ORDER_MACHINE, order.state, to)) {
    throw new IllegalTransitionError(`order ${order.id}: ${order.state} → ${to}`);
  }
  order.state = to;
  if (!ctx.fault('order-history-not-kept'))
    order.stateChange.push({
      changeDate: nowIso(ctx),
      state: to,
      ...(reason ? { changeReason: reason } : {}),
    });
  if (to === 'completed' && ctx.fault('completed-without-completion-date')) delete order.completionDate;
  else if (to === 'completed' || to === 'failed' || to === 'partial') order.completionDate = nowIso(ctx); // [R47]
  if (to === 'cancelled') {
    order.cancellationDate = nowIso(ctx);
    order.completionDate = order.cancellationDate;
  }
  publish(ctx, rec, { kind: 'orderState', orderId: order.id, state: to });
}

export function activeItems(rec: OrderRecord, states: readonly ItemState[]): ItemDoc[] {
  return rec.doc.productOrderItem.filter((i) => states.includes(i.state));
}

/** Orders with the `manual` outcome wait for the control API; this is "never" on any clock. */
export const MANUAL_WAIT_MS = 100 * 365 * 86_400_000;

/** Runs `step` after `ms` on the clock; the control API can run the pending step at once. */
export function scheduleNext(
  ctx: SellerContext,
  rec: OrderRecord,
  ms: number,
  label: string,
  step: () => void,
): void {
  rec.next?.timer.cancel();
  const wait = rec.rule?.outcome === 'manual' ? MANUAL_WAIT_MS : ms;
  const run = () => {
    rec.next = undefined;
    step();
  };
  rec.next = { timer: ctx.clock.schedule(wait, run), run, label };
}
