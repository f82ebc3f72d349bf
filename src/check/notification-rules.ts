import type { Finding } from '../results';

/** A notification as the rules see it (a subset of the listener's record). */
export interface NotificationView {
  readonly sequence: number;
  readonly eventType: string;
  readonly body?: unknown;
  readonly valid: boolean;
  readonly violations: readonly { pointer: string; message: string }[];
  readonly exchangeId: string;
}

/** What the scenario did that the rules depend on. */
export interface NotificationContext {
  /** Hubs registered by the scenario: event types asked for, and the listener sequence at (un)registration. */
  readonly hubs: readonly {
    id: string;
    eventTypes: readonly string[];
    registeredAtSeq: number;
    unregisteredAtSeq?: number;
  }[];
  /** Orders created: id, item ids, and the listener's last sequence when the create response arrived. */
  readonly orders: readonly { id: string; itemIds: readonly string[]; respondedAtSeq: number }[];
  readonly v11: boolean;
}

const ORDER_EVENTS = [
  'productOrderStateChangeEvent',
  'productOrderItemStateChangeEvent',
  'productOrderItemExpectedCompletionDateSetEvent',
  'productOrderItemExpectedCompletionDateSet',
  'productSpecificProductOrderItemMilestoneEvent',
];
const ITEM_EVENTS = ORDER_EVENTS.slice(1);

function event(n: NotificationView): Record<string, unknown> {
  const body = n.body as Record<string, unknown> | undefined;
  const e = body?.['event'];
  return e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
}

/**
 * The notification rules of §6.16 and [R108]–[R115]: a valid body with the required attributes; only
 * types a hub asked for, and none after it was deleted; nothing for reaching `acknowledged`; nothing about
 * an order before its create response; item events name an item of the order.
 */
export function judgeNotifications(list: readonly NotificationView[], ctx: NotificationContext): Finding[] {
  const out: Finding[] = [];
  const add = (
    n: NotificationView,
    code: string,
    message: string,
    requirements: string[],
    severity: Finding['severity'] = 'error',
  ) =>
    out.push({
      check: 'notification-rules',
      code,
      severity,
      message,
      requirements,
      exchangeId: n.exchangeId,
    });
  for (const n of list) {
    if (!n.valid) {
      const first = n.violations[0];
      add(
        n,
        'notification.invalid',
        `${n.eventType} event does not match its schema: ${first ? `${first.pointer || '/'} ${first.message}` : 'unreadable'}`,
        ['R110', 'R111', 'R112', 'R113', 'R114', 'R115'],
      );
      continue;
    }
    const wanted = ctx.hubs.some(
      (h) =>
        h.eventTypes.includes(n.eventType) &&
        n.sequence > h.registeredAtSeq &&
        (h.unregisteredAtSeq === undefined || n.sequence <= h.unregisteredAtSeq),
    );
    if (!wanted) {
      const deleted = ctx.hubs.some(
        (h) =>
          h.eventTypes.includes(n.eventType) &&
          h.unregisteredAtSeq !== undefined &&
          n.sequence > h.unregisteredAtSeq,
      );
      add(
        n,
        deleted ? 'notification.afterUnregister' : 'notification.notRegistered',
        deleted
          ? `${n.eventType} arrived after its hub was deleted`
          : `${n.eventType} arrived but no hub asked for it`,
        ['R108'],
      );
    }
    const e = event(n);
    if (
      ctx.v11 &&
      (n.eventType === 'productOrderStateChangeEvent' ||
        n.eventType === 'productOrderItemStateChangeEvent') &&
      e['state'] === 'acknowledged'
    ) {
      add(
        n,
        'notification.acknowledged',
        'a notification was sent for reaching acknowledged; the create response stands for it',
        ['R109'],
      );
    }
    if (!ORDER_EVENTS.includes(n.eventType)) continue;
    const order = ctx.orders.find((o) => o.id === e['id']);
    if (!order) continue;
    if (n.sequence <= order.respondedAtSeq) {
      add(
        n,
        'notification.beforeCreateResponse',
        `${n.eventType} for order ${order.id} arrived before its create response`,
        ['R109'],
      );
    }
    if (ITEM_EVENTS.includes(n.eventType) && !order.itemIds.includes(String(e['orderItemId']))) {
      add(
        n,
        'notification.unknownItem',
        `${n.eventType} names item '${String(e['orderItemId'])}', which order ${order.id} does not have`,
        ['R113', 'R114', 'R115'],
      );
    }
  }
  return out;
}
