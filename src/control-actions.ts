/**
 * What a scenario may ask the Seller emulator's back office to do (control steps; the emulator's
 * control API). One list, read by the scenario loader, the runner and the emulator.
 */
export const CONTROL_ACTIONS = [
  /** Run the order's next pending lifecycle step now. */
  'advance',
  /** Deliver every item in progress (order completed). */
  'complete',
  /** Fail every item in progress (order failed). */
  'fail',
  /** Reject an acknowledged order (items rejected with terminationError). */
  'reject',
  /** Raise a blocking charge on an item in progress (UC 11a: item held). */
  'raise-charge',
  /** The charge awaiting an answer passes its responseDueDate (charge timeout). */
  'timeout-charge',
  /** The Seller withdraws the charge awaiting an answer. */
  'withdraw-charge',
  /** Decide the open cancel or modify request of the order now: accepted. */
  'accept-task',
  /** Decide the open cancel or modify request of the order now: rejected. */
  'decline-task',
  /** Answer the open cancel or modify request with an order-level charge (UC 11b/11c). */
  'charge-task',
  /** An item in progress reaches a named milestone. */
  'milestone',
  /** The Seller cancels the order on its own. */
  'seller-cancel',
  /** Set (or revise) an item's expectedCompletionDate. */
  'set-expected-date',
] as const;

export type ControlAction = (typeof CONTROL_ACTIONS)[number];
