import type { ItemState, OrderState } from './machines';

/**
 * Order/item coupling (Mplify 123.1 §7, Table 9 and the flows): which item states may coexist with an
 * order state, and which item states the order state needs at least one of. The Seller emulator derives
 * the order state from its items with the same table the checks use to judge a target.
 */
export interface OrderItemCoupling {
  readonly allowed: readonly ItemState[];
  /** At least one item must be in one of these (absent: no such condition). */
  readonly someItemIn?: readonly ItemState[];
}

export const ORDER_ITEM_COUPLING: Readonly<Record<OrderState, OrderItemCoupling>> = {
  acknowledged: { allowed: ['acknowledged'] },
  rejected: {
    allowed: ['rejected', 'rejected.validated', 'rejected.unassessed'],
    someItemIn: ['rejected'],
  },
  inProgress: { allowed: ['inProgress', 'completed', 'failed'], someItemIn: ['inProgress'] },
  'held.assessingCharge': { allowed: ['held', 'inProgress', 'completed', 'failed'], someItemIn: ['held'] },
  'pending.assessingModification': {
    allowed: ['pending', 'inProgress', 'held', 'completed', 'failed'],
    someItemIn: ['pending'],
  },
  assessingCancellation: {
    allowed: ['pending', 'inProgress', 'held', 'completed', 'failed'],
    someItemIn: ['pending'],
  },
  pendingCancellation: { allowed: ['pending', 'cancelled', 'completed', 'failed'] },
  cancelled: { allowed: ['cancelled', 'completed', 'failed'], someItemIn: ['cancelled'] },
  completed: { allowed: ['completed'] },
  failed: { allowed: ['failed', 'cancelled'], someItemIn: ['failed'] },
  partial: { allowed: ['completed', 'failed', 'cancelled'], someItemIn: ['completed'] },
};

export interface CouplingViolation {
  readonly orderState: OrderState;
  readonly message: string;
}

/** Judges one snapshot of an order: its state against its items' states. */
export function checkCoupling(orderState: OrderState, itemStates: readonly ItemState[]): CouplingViolation[] {
  const rule = ORDER_ITEM_COUPLING[orderState];
  const out: CouplingViolation[] = [];
  const stray = [...new Set(itemStates.filter((s) => !rule.allowed.includes(s)))];
  if (stray.length > 0) {
    out.push({
      orderState,
      message: `order '${orderState}' has items in ${stray.map((s) => `'${s}'`).join(', ')}; allowed: ${rule.allowed.join(', ')}`,
    });
  }
  if (rule.someItemIn && itemStates.length > 0 && !itemStates.some((s) => rule.someItemIn?.includes(s))) {
    out.push({
      orderState,
      message: `order '${orderState}' needs at least one item in ${rule.someItemIn.join(' or ')}`,
    });
  }
  return out;
}

/**
 * The order state that a set of item states implies once no Buyer task or charge is open
 * (the aggregation rule of §7: all completed ⇒ completed, all failed ⇒ failed, mixed ⇒ partial).
 */
export function aggregateOrderState(itemStates: readonly ItemState[]): OrderState {
  if (itemStates.length === 0) return 'acknowledged';
  if (itemStates.every((s) => s === 'acknowledged')) return 'acknowledged';
  if (itemStates.some((s) => s === 'rejected' || s === 'rejected.validated' || s === 'rejected.unassessed'))
    return 'rejected';
  if (itemStates.some((s) => s === 'held')) return 'held.assessingCharge';
  if (itemStates.some((s) => s === 'inProgress' || s === 'pending' || s === 'acknowledged'))
    return 'inProgress';
  if (itemStates.every((s) => s === 'completed')) return 'completed';
  if (itemStates.every((s) => s === 'cancelled')) return 'cancelled';
  if (itemStates.every((s) => s === 'failed' || s === 'cancelled')) return 'failed';
  return 'partial';
}
