import type { StateMachine } from './state-machine';

/**
 * The MEF state machines (Mplify 123.1 §7; PlantUML sources in the SDK: productOrderFlow, productOrderItemFlow,
 * useCase5ModifyStates, useCase8CancelStates, useCase11ChargeState, useCase11ChargeItemState).
 */

export type OrderState =
  | 'acknowledged'
  | 'inProgress'
  | 'held.assessingCharge'
  | 'pending.assessingModification'
  | 'assessingCancellation'
  | 'pendingCancellation'
  | 'completed'
  | 'failed'
  | 'partial'
  | 'cancelled'
  | 'rejected';

export const ORDER_MACHINE: StateMachine<OrderState> = {
  name: 'ProductOrder',
  states: [
    'acknowledged',
    'inProgress',
    'held.assessingCharge',
    'pending.assessingModification',
    'assessingCancellation',
    'pendingCancellation',
    'completed',
    'failed',
    'partial',
    'cancelled',
    'rejected',
  ],
  initial: 'acknowledged',
  terminal: ['completed', 'failed', 'partial', 'cancelled', 'rejected'],
  transitions: [
    { from: 'acknowledged', to: 'inProgress', trigger: 'validation passed' },
    { from: 'acknowledged', to: 'rejected', trigger: 'validation failed (terminationError on items)' },
    { from: 'inProgress', to: 'completed', trigger: 'all items completed' },
    { from: 'inProgress', to: 'failed', trigger: 'all items failed' },
    { from: 'inProgress', to: 'partial', trigger: 'some items failed, some completed' },
    { from: 'inProgress', to: 'held.assessingCharge', trigger: 'Seller raised an item charge (UC 11a)' },
    { from: 'held.assessingCharge', to: 'inProgress', trigger: 'charge answered or timed out' },
    {
      from: 'inProgress',
      to: 'pending.assessingModification',
      trigger: 'modify delivery date requested (UC 5)',
    },
    {
      from: 'pending.assessingModification',
      to: 'inProgress',
      trigger: 'modification done, declined or rejected',
    },
    { from: 'inProgress', to: 'assessingCancellation', trigger: 'cancellation requested (UC 8)' },
    { from: 'assessingCancellation', to: 'inProgress', trigger: 'cancellation rejected or declined' },
    { from: 'assessingCancellation', to: 'pendingCancellation', trigger: 'cancellation accepted' },
    { from: 'inProgress', to: 'pendingCancellation', trigger: 'Seller-initiated cancellation' },
    { from: 'pendingCancellation', to: 'cancelled', trigger: 'cancellation carried out' },
  ],
};

export type ItemState =
  | 'acknowledged'
  | 'inProgress'
  | 'held'
  | 'pending'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'rejected'
  | 'rejected.validated'
  | 'rejected.unassessed';

export const ITEM_MACHINE: StateMachine<ItemState> = {
  name: 'ProductOrderItem',
  states: [
    'acknowledged',
    'inProgress',
    'held',
    'pending',
    'completed',
    'failed',
    'cancelled',
    'rejected',
    'rejected.validated',
    'rejected.unassessed',
  ],
  initial: 'acknowledged',
  terminal: ['completed', 'failed', 'cancelled', 'rejected', 'rejected.validated', 'rejected.unassessed'],
  transitions: [
    { from: 'acknowledged', to: 'inProgress', trigger: 'validation passed' },
    { from: 'acknowledged', to: 'rejected', trigger: 'validation failed' },
    {
      from: 'acknowledged',
      to: 'rejected.validated',
      trigger: 'item valid, other items of the order invalid',
    },
    {
      from: 'acknowledged',
      to: 'rejected.unassessed',
      trigger: 'not assessed, other items of the order invalid',
    },
    { from: 'inProgress', to: 'completed', trigger: 'delivered' },
    { from: 'inProgress', to: 'failed', trigger: 'delivery failed' },
    { from: 'inProgress', to: 'held', trigger: 'Seller raised a charge (UC 11a)' },
    { from: 'inProgress', to: 'pending', trigger: 'modify or cancel requested' },
    { from: 'held', to: 'inProgress', trigger: 'blocking charges accepted' },
    { from: 'held', to: 'failed', trigger: 'blocking charge declined or timed out' },
    { from: 'pending', to: 'inProgress', trigger: 'modify done/declined, or cancel rejected' },
    { from: 'pending', to: 'cancelled', trigger: 'order moved to cancelling' },
    { from: 'pending', to: 'failed', trigger: 'blocking charge declined' },
  ],
};

/** CancelProductOrder and ModifyProductOrderItemRequestedDeliveryDate share one machine. */
export type TaskState = 'acknowledged' | 'inProgress.assessingCharge' | 'done' | 'done.declined' | 'rejected';

export const TASK_MACHINE: StateMachine<TaskState> = {
  name: 'ChargeableTask',
  states: ['acknowledged', 'inProgress.assessingCharge', 'done', 'done.declined', 'rejected'],
  initial: 'acknowledged',
  terminal: ['done', 'done.declined', 'rejected'],
  transitions: [
    { from: 'acknowledged', to: 'rejected', trigger: 'business validation failed' },
    { from: 'acknowledged', to: 'done', trigger: 'accepted, no charge' },
    { from: 'acknowledged', to: 'inProgress.assessingCharge', trigger: 'a charge applies (UC 11b/11c)' },
    { from: 'inProgress.assessingCharge', to: 'done', trigger: 'blocking charges accepted' },
    {
      from: 'inProgress.assessingCharge',
      to: 'done.declined',
      trigger: 'blocking charge declined or timed out',
    },
  ],
};

export type ChargeState = 'awaitingResponse' | 'completed' | 'timeout' | 'withdrawnBySeller';

export const CHARGE_MACHINE: StateMachine<ChargeState> = {
  name: 'Charge',
  states: ['awaitingResponse', 'completed', 'timeout', 'withdrawnBySeller'],
  initial: 'awaitingResponse',
  terminal: ['completed', 'timeout', 'withdrawnBySeller'],
  transitions: [
    { from: 'awaitingResponse', to: 'completed', trigger: 'Buyer answered every charge item' },
    { from: 'awaitingResponse', to: 'timeout', trigger: 'no answer by responseDueDate' },
    { from: 'awaitingResponse', to: 'withdrawnBySeller', trigger: 'Seller withdrew the charge' },
  ],
};

export type ChargeItemState =
  'awaitingResponse' | 'acceptedByBuyer' | 'declinedByBuyer' | 'withdrawnBySeller';

export const CHARGE_ITEM_MACHINE: StateMachine<ChargeItemState> = {
  name: 'ChargeItem',
  states: ['awaitingResponse', 'acceptedByBuyer', 'declinedByBuyer', 'withdrawnBySeller'],
  initial: 'awaitingResponse',
  terminal: ['acceptedByBuyer', 'declinedByBuyer', 'withdrawnBySeller'],
  transitions: [
    { from: 'awaitingResponse', to: 'acceptedByBuyer', trigger: 'Buyer accepted' },
    {
      from: 'awaitingResponse',
      to: 'declinedByBuyer',
      trigger: 'Buyer declined, or no answer by responseDueDate',
    },
    { from: 'awaitingResponse', to: 'withdrawnBySeller', trigger: 'Seller withdrew the charge' },
  ],
};

export const MACHINES = {
  order: ORDER_MACHINE,
  item: ITEM_MACHINE,
  task: TASK_MACHINE,
  charge: CHARGE_MACHINE,
  chargeItem: CHARGE_ITEM_MACHINE,
} as const;

export type MachineName = keyof typeof MACHINES;
