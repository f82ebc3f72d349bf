import { randomUUID } from 'node:crypto';
import type { Generation } from '../../../src/spec';

/** What happened, independent of how a given API version spells it on the wire. */
export type DomainEvent =
  | { kind: 'orderState'; orderId: string; state: string }
  | { kind: 'itemState'; orderId: string; itemId: string; state: string }
  | { kind: 'itemExpectedDate'; orderId: string; itemId: string }
  | { kind: 'milestone'; orderId: string; itemId: string; milestoneName: string }
  | { kind: 'cancelState'; cancelId: string; orderId: string; state: string }
  | { kind: 'modifyState'; modifyId: string; orderId: string; state: string }
  | { kind: 'chargeCreate'; chargeId: string; orderId: string }
  | { kind: 'chargeState'; chargeId: string; orderId: string; state: string }
  | { kind: 'chargeTimeout'; chargeId: string; orderId: string };

export interface WireEvent {
  readonly eventType: string;
  readonly body: {
    eventId: string;
    eventTime: string;
    eventType: string;
    event: Record<string, unknown>;
  };
}

export interface EventContext {
  readonly generation: Generation;
  readonly managementBaseUrl: string;
  readonly buyerId?: string;
  readonly sellerId?: string;
  readonly now: string;
}

/**
 * Builds the notification for a domain event. Mplify 123.1 (v11/v6) payloads carry the new `state`;
 * MEF 123 (v10/v5) payloads carry ids only, plus `buyerId`/`sellerId`, and one event type is spelt
 * `productOrderItemExpectedCompletionDateSet`.
 */
export function toWireEvent(event: DomainEvent, ctx: EventContext): WireEvent {
  const v11 = ctx.generation === 'mplify-123.1';
  const href = (path: string) => `${ctx.managementBaseUrl}${path}`;
  let eventType: string;
  let payload: Record<string, unknown>;
  switch (event.kind) {
    case 'orderState':
      eventType = 'productOrderStateChangeEvent';
      payload = {
        id: event.orderId,
        href: href(`/productOrder/${event.orderId}`),
        ...(v11 ? { state: event.state } : {}),
      };
      break;
    case 'itemState':
      eventType = 'productOrderItemStateChangeEvent';
      payload = {
        id: event.orderId,
        href: href(`/productOrder/${event.orderId}`),
        orderItemId: event.itemId,
        ...(v11 ? { state: event.state } : {}),
      };
      break;
    case 'itemExpectedDate':
      eventType = v11
        ? 'productOrderItemExpectedCompletionDateSetEvent'
        : 'productOrderItemExpectedCompletionDateSet';
      payload = {
        id: event.orderId,
        href: href(`/productOrder/${event.orderId}`),
        orderItemId: event.itemId,
      };
      break;
    case 'milestone':
      eventType = 'productSpecificProductOrderItemMilestoneEvent';
      payload = {
        id: event.orderId,
        href: href(`/productOrder/${event.orderId}`),
        orderItemId: event.itemId,
        milestoneName: event.milestoneName,
      };
      break;
    case 'cancelState':
      eventType = 'cancelProductOrderStateChangeEvent';
      payload = {
        id: event.cancelId,
        href: href(`/cancelProductOrder/${event.cancelId}`),
        ...(v11 ? { state: event.state } : {}),
      };
      break;
    case 'modifyState':
      eventType = 'modifyProductOrderItemRequestedDeliveryDateStateChangeEvent';
      payload = {
        id: event.modifyId,
        href: href(`/modifyProductOrderItemRequestedDeliveryDate/${event.modifyId}`),
        ...(v11 ? { state: event.state } : {}),
      };
      break;
    case 'chargeCreate':
      eventType = 'chargeCreateEvent';
      payload = { id: event.chargeId, href: href(`/charge/${event.chargeId}`) };
      break;
    case 'chargeState':
      eventType = 'chargeStateChangeEvent';
      payload = {
        id: event.chargeId,
        href: href(`/charge/${event.chargeId}`),
        ...(v11 ? { state: event.state } : {}),
      };
      break;
    case 'chargeTimeout':
      eventType = 'chargeTimeoutEvent';
      payload = { id: event.chargeId, href: href(`/charge/${event.chargeId}`) };
      break;
  }
  if (!v11) {
    if (ctx.buyerId) payload['buyerId'] = ctx.buyerId;
    if (ctx.sellerId) payload['sellerId'] = ctx.sellerId;
  }
  return { eventType, body: { eventId: randomUUID(), eventTime: ctx.now, eventType, event: payload } };
}
