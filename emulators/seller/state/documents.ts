import type { ChargeItemState, ChargeState, ItemState, OrderState, TaskState } from '../../../src/lifecycle';

/**
 * The resources as the emulator keeps them: exactly the JSON it serves (the Buyer's attributes echoed
 * unchanged, R17, plus what the Seller adds). Only the fields the emulator itself manages are typed;
 * everything the Buyer sent rides along in the index signature.
 */
export interface StateChangeDoc<S extends string> {
  changeDate: string;
  changeReason?: string;
  state: S;
}

export interface NoteDoc {
  id: string;
  author: string;
  date: string;
  source: 'buyer' | 'seller';
  text: string;
}

export interface RefDoc {
  id: string;
  href?: string;
}

export interface ContactDoc {
  name: string;
  emailAddress: string;
  number: string;
  role: string;
  [key: string]: unknown;
}

export interface ItemDoc {
  id: string;
  action: 'add' | 'modify' | 'delete';
  state: ItemState;
  stateChange: StateChangeDoc<ItemState>[];
  requestedCompletionDate?: string;
  expectedCompletionDate?: string;
  completionDate?: string;
  expediteIndicator?: boolean;
  expediteAcceptedIndicator?: boolean;
  charge?: RefDoc[];
  milestone?: { date: string; name: string; note?: string }[];
  terminationError?: { code: string; propertyPath?: string; value?: string }[];
  note?: NoteDoc[];
  product?: { id?: string; productConfiguration?: Record<string, unknown>; [key: string]: unknown };
  relatedContactInformation?: ContactDoc[];
  [key: string]: unknown;
}

export interface OrderDoc {
  id: string;
  href: string;
  orderDate: string;
  state: OrderState;
  stateChange: StateChangeDoc<OrderState>[];
  productOrderItem: ItemDoc[];
  relatedContactInformation: ContactDoc[];
  externalId?: string;
  projectId?: string;
  note?: NoteDoc[];
  completionDate?: string;
  cancellationDate?: string;
  cancellationReason?: string;
  cancellationCharge?: RefDoc[];
  [key: string]: unknown;
}

export interface CancelDoc {
  id: string;
  href: string;
  state: TaskState;
  productOrder: { productOrderId: string; productOrderHref?: string };
  relatedContactInformation: ContactDoc[];
  cancellationReason?: string;
  cancellationReasonType?: 'technical' | 'commercial';
  cancellationDeniedReason?: string;
  charge?: RefDoc;
  [key: string]: unknown;
}

export interface ModifyDoc {
  id: string;
  href: string;
  state: TaskState;
  creationDate: string;
  productOrderItem: { productOrderId: string; productOrderItemId: string; productOrderHref?: string };
  expediteIndicator?: boolean;
  requestedCompletionDate?: string;
  [key: string]: unknown;
}

export interface ChargeItemDoc {
  id: string;
  activityType: 'new' | 'change';
  blocking: boolean;
  price: { dutyFreeAmount: { unit: string; value: number } };
  priceCategory: string;
  priceType: 'recurring' | 'nonRecurring' | 'usageBased';
  state: ChargeItemState;
  acceptanceIndicator?: 'accepted' | 'rejected';
  recurringChargePeriod?: { amount: number; units: string };
  unitOfMeasure?: string;
  note?: NoteDoc[];
}

export interface ChargeDoc {
  id: string;
  href: string;
  state: ChargeState;
  creationDate: string;
  responseDueDate: string;
  chargeItem: ChargeItemDoc[];
  productOrder?: { productOrderId: string; productOrderHref?: string };
  productOrderItem?: { productOrderId: string; productOrderItemId: string; productOrderHref?: string };
  cancelProductOrder?: RefDoc;
  modifyProductOrderItemRequestedDeliveryDate?: RefDoc;
}

export interface HubDoc {
  id: string;
  callback: string;
  query?: string;
}
