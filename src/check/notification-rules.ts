import type { Finding } from '../results';

/** A notification as the rules see it (a subset of the listener's record). */
export interface NotificationView {
  readonly sequence: number;
  readonly eventType: string;
  readonly body?: unknown;
  readonly valid: boolean;
  readonly violations: readonly { pointer: string; message: string; keyword?: string }[];
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
    /** When the Seller's answer to the DELETE arrived (run clock, ms since the epoch). */
    unregisteredAt?: number;
  }[];
  /** Orders created: id, item ids, and the listener's last sequence when the create response arrived. */
  readonly orders: readonly { id: string; itemIds: readonly string[]; respondedAtSeq: number }[];
  readonly v11: boolean;
  /**
   * Orders created by any scenario of the run: hubs belong to the Buyer, so a scenario may rightly hear
   * about another scenario's order. Absent: only the scenario's own orders are known.
   */
  readonly runOrders?: ReadonlySet<string>;
  /** Notifications the listener dropped to stay within its memory bound. */
  readonly dropped?: number;
}

/** Beyond this many findings of one code, a flood is summarised rather than listed. */
export const MAX_FINDINGS_PER_CODE = 20;

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
  const eventIds = new Map<string, number>();
  const lastTime = new Map<string, number>();
  if (ctx.dropped) {
    // Far beyond what any scenario causes (a lifecycle is tens of events): a flood that cannot be judged.
    out.push({
      check: 'notification-rules',
      code: 'notification.dropped',
      severity: 'error',
      message: `the Seller sent more than the listener keeps: it kept the latest ${list.length} notifications and dropped ${ctx.dropped} older ones to bound its memory; those were not judged`,
      requirements: [],
    });
  }
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
      actual: evidence(n),
    });
  for (const n of list) {
    if (!n.valid && n.violations[0]?.keyword === 'credentials') {
      // The listener requires a token (--listener-token-env) and the Seller sent none or another one.
      add(
        n,
        'notification.unauthenticated',
        `${n.eventType} event refused with 401: ${n.violations[0].message}`,
        [],
      );
      continue;
    }
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
    const eventId = (n.body as { eventId?: unknown } | undefined)?.eventId;
    if (typeof eventId === 'string') {
      const first = eventIds.get(eventId);
      if (first !== undefined) {
        add(
          n,
          'notification.duplicate',
          `${n.eventType} ${eventId} delivered again (first received as notification #${first})`,
          [],
          'warning',
        );
        continue;
      }
      eventIds.set(eventId, n.sequence);
    }
    const time = Date.parse(String((n.body as { eventTime?: unknown } | undefined)?.eventTime));
    // [R108] forbids sending to a Buyer no longer registered. An event that happened before the Seller
    // answered the DELETE was sent (or queued) while the hub existed; in flight, it may land after the 204.
    const inFlight = (h: { unregisteredAt?: number }) =>
      h.unregisteredAt !== undefined && Number.isFinite(time) && time <= h.unregisteredAt;
    const wanted = ctx.hubs.some(
      (h) =>
        h.eventTypes.includes(n.eventType) &&
        n.sequence > h.registeredAtSeq &&
        (h.unregisteredAtSeq === undefined || n.sequence <= h.unregisteredAtSeq || inFlight(h)),
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
    const subject = `${n.eventType} ${String(e['id'])}`;
    const previous = lastTime.get(subject);
    if (previous !== undefined && time < previous) {
      add(
        n,
        'notification.outOfOrder',
        `${subject}: eventTime ${new Date(time).toISOString()} is earlier than that of an event received before it (${new Date(previous).toISOString()})`,
        [],
        'warning',
      );
    }
    if (Number.isFinite(time)) lastTime.set(subject, Math.max(time, previous ?? time));
    if (!ORDER_EVENTS.includes(n.eventType)) continue;
    const order = ctx.orders.find((o) => o.id === e['id']);
    if (!order) {
      if (!ctx.runOrders?.has(String(e['id'])))
        add(
          n,
          'notification.unknownOrder',
          `${n.eventType} is about order '${String(e['id'])}', which no scenario of this run created`,
          ['R108'],
          'warning',
        );
      continue;
    }
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
  return capPerCode(out, MAX_FINDINGS_PER_CODE);
}

const clip = (v: unknown): unknown => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v);

/**
 * What the event was, small enough to sit in every finding (the listener's exchange is not part of a
 * step, so the finding carries its own evidence): ids, time and state, or why it was refused.
 */
function evidence(n: NotificationView): Record<string, unknown> {
  if (!n.valid && n.body === undefined)
    return { eventType: n.eventType, refused: n.violations[0]?.message ?? 'unreadable' };
  const body = (n.body ?? {}) as Record<string, unknown>;
  const e = event(n);
  const out: Record<string, unknown> = { eventType: n.eventType };
  for (const [k, v] of [
    ['eventId', body['eventId']],
    ['eventTime', body['eventTime']],
    ['id', e['id']],
    ['orderItemId', e['orderItemId']],
    ['state', e['state']],
  ] as const)
    if (v !== undefined) out[k] = clip(v);
  return out;
}

/** Lists the first `max` findings of each code and sums up the rest in one, so a flood stays readable. */
export function capPerCode(findings: readonly Finding[], max: number): Finding[] {
  const count = new Map<string, number>();
  for (const f of findings) count.set(f.code, (count.get(f.code) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const n = (seen.get(f.code) ?? 0) + 1;
    seen.set(f.code, n);
    if (n <= max) out.push(f);
    else if (n === max + 1) {
      const { exchangeId: _omitted, ...rest } = f;
      out.push({
        ...rest,
        message: `… and ${(count.get(f.code) ?? 0) - max} more ${f.code} findings like the above (only the first ${max} are listed)`,
      });
    }
  }
  return out;
}
