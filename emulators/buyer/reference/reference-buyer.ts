import { randomUUID } from 'node:crypto';
import type { ApiSpec } from '../../../src/spec';
import { expandPath, managementOperation } from '../../../src/spec';
import { createHttpClient } from '../http-client';
import type { AuthProvider, HttpClient, SendResult } from '../http-types';
import type { BuyerFault } from './buyer-faults';
import { startBuyerListener, type BuyerListener, type InboxEvent } from './buyer-listener';
import { orderBody, type Json } from './order-body';
import { createTimeline, type Timeline } from './timeline';

export type ChargePolicy = 'accept' | 'decline' | 'ignore';
/** What the Buyer does besides placing the order and following it (docs/BUYER-TESTING.md). */
export type ReferenceBuyerTask = 'order' | 'cancel' | 'modify-date' | 'update';

export interface ReferenceBuyerOptions {
  /** Base URL of the Seller's management API (what precedes `/productOrder`). */
  readonly sellerUrl: string;
  readonly spec: ApiSpec;
  /** The create request, before faults (a rendered fixture). */
  readonly order: Json;
  readonly chargePolicy: ChargePolicy;
  readonly task: ReferenceBuyerTask;
  readonly listen: { readonly host: string; readonly port: number; readonly callbackUrl?: string };
  /** Real milliseconds to reach a terminal state. */
  readonly timeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Real milliseconds without an event after which the order is retrieved anyway. */
  readonly pollEveryMs: number;
  readonly faults: readonly BuyerFault[];
  readonly auth?: AuthProvider;
  readonly buyerId?: string;
  readonly signal?: AbortSignal;
  /** Where the timeline goes, a line at a time. */
  readonly log: (line: string) => void;
}

export interface ReferenceBuyerResult {
  readonly orderId?: string;
  readonly state?: string;
  /** The order reached completed, failed, partial, cancelled or rejected. */
  readonly terminal: boolean;
  readonly reason?: string;
}

/** Real time the listener stays up after the hub is unregistered, for events already in flight. */
const DRAIN_MS = 300;

const TERMINAL = new Set(['completed', 'failed', 'partial', 'cancelled', 'rejected']);
/** Events about the order or its tasks: each is followed by a retrieval of the order (payloads hold ids only). */
const ORDER_EVENTS = new Set([
  'productOrderStateChangeEvent',
  'productOrderItemStateChangeEvent',
  'productOrderItemExpectedCompletionDateSetEvent',
  'productOrderItemExpectedCompletionDateSet',
  'productSpecificProductOrderItemMilestoneEvent',
  'cancelProductOrderStateChangeEvent',
  'modifyProductOrderItemRequestedDeliveryDateStateChangeEvent',
]);

/** A value for a line of text: strings as they are, anything else as JSON. */
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));
const asJson = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const asList = (v: unknown): Json[] => (Array.isArray(v) ? v.map(asJson) : []);

function reasonOf(send: SendResult): string {
  if (send.exchange.error) return send.exchange.error.message;
  const first = Array.isArray(send.json) ? (send.json[0] as unknown) : send.json;
  const body = asJson(first);
  return [send.exchange.response?.status, body['code'], body['reason'], body['propertyPath']]
    .filter((x) => x !== undefined)
    .map(text)
    .join(' ');
}

/** One conversation of the reference Buyer with a Seller; `run` drives it, never throws for the Seller's sake. */
class Conversation {
  private readonly client: HttpClient;
  private listener?: BuyerListener;
  private hubId?: string;
  private orderId?: string;
  private order: Json = {};
  private state?: string;
  private taskDone = false;
  private readonly charges = new Set<string>();
  private readonly eventIds = new Set<string>();
  private readonly t: Timeline;

  constructor(private readonly o: ReferenceBuyerOptions) {
    this.client = createHttpClient({
      timeoutMs: o.requestTimeoutMs,
      userAgent: 'lso-harness-reference-buyer',
      ...(o.auth ? { auth: o.auth } : {}),
    });
    this.t = createTimeline(o.log);
  }

  private fault(name: BuyerFault): boolean {
    return this.o.faults.includes(name);
  }

  private send(operationId: string, params: Record<string, string>, body?: unknown): Promise<SendResult> {
    const op = managementOperation(this.o.spec, operationId);
    const query = this.o.buyerId ? `?buyerId=${encodeURIComponent(this.o.buyerId)}` : '';
    return this.client.send({
      method: op.method.toUpperCase(),
      url: `${this.o.sellerUrl.replace(/\/+$/, '')}${expandPath(op.path, params)}${query}`,
      operationId,
      ...(body !== undefined ? { body } : {}),
      ...(this.o.signal ? { signal: this.o.signal } : {}),
    });
  }

  async run(): Promise<ReferenceBuyerResult> {
    try {
      this.listener = await startBuyerListener({
        spec: this.o.spec,
        host: this.o.listen.host,
        port: this.o.listen.port,
        faults: this.o.faults,
        ...(this.o.listen.callbackUrl ? { callbackUrl: this.o.listen.callbackUrl } : {}),
      });
      this.t.line('listening', `for events at ${this.listener.callback}`);
      await this.registerHub();
      const placed = await this.placeOrder();
      if (!placed) return { terminal: false, reason: 'the order was not accepted' };
      await this.follow();
      const terminal = this.state !== undefined && TERMINAL.has(this.state);
      const reason = terminal
        ? undefined
        : this.o.signal?.aborted
          ? 'stopped'
          : 'timed out before a terminal state';
      this.t.line(
        terminal ? 'done' : 'gave up',
        `order ${this.orderId ?? '?'} is ${this.state ?? 'unknown'}${reason ? ` (${reason})` : ''}`,
      );
      return {
        ...(this.orderId ? { orderId: this.orderId } : {}),
        ...(this.state ? { state: this.state } : {}),
        terminal,
        ...(reason ? { reason } : {}),
      };
    } finally {
      await this.cleanUp();
    }
  }

  private async registerHub(): Promise<void> {
    if (this.fault('no-hub') || !this.listener) return this.t.line('hub', 'none registered: polling only');
    const query = this.fault('hub-without-charge-events')
      ? 'eventType=productOrderStateChangeEvent,productOrderItemStateChangeEvent'
      : undefined;
    const r = await this.send(
      'registerListener',
      {},
      { callback: this.listener.callback, ...(query ? { query } : {}) },
    );
    const id = asJson(r.json)['id'];
    if (r.exchange.response?.status === 201 && typeof id === 'string') {
      this.hubId = id;
      this.t.line('hub registered', `id ${id}${query ? ` for ${query}` : ' for every event type'}`);
    } else this.t.line('hub refused', `${reasonOf(r)}: following the order by polling`);
  }

  private async placeOrder(): Promise<boolean> {
    const r = await this.send('createProductOrder', {}, orderBody(this.o.order, this.o.faults));
    const order = asJson(r.json);
    if (r.exchange.response?.status !== 201 || typeof order['id'] !== 'string') {
      this.t.line('order refused', reasonOf(r));
      return false;
    }
    this.orderId = order['id'];
    this.order = order;
    this.state = typeof order['state'] === 'string' ? order['state'] : undefined;
    this.t.line('order placed', `id ${this.orderId}, ${this.state ?? '?'}`);
    return true;
  }

  private remember(order: Json): void {
    this.order = order;
    const state = order['state'];
    if (typeof state === 'string' && state !== this.state) {
      this.state = state;
      const items = asList(order['productOrderItem']).map((i) => `${String(i['id'])}: ${String(i['state'])}`);
      const errors = asList(order['productOrderItem']).flatMap((i) => asList(i['terminationError']));
      this.t.line(
        'order state',
        `${state} (items ${items.join(', ')})${errors.length ? `; terminationError ${errors.map((e) => String(e['value'] ?? e['code'])).join('; ')}` : ''}`,
      );
    }
  }

  private async retrieveOrder(): Promise<void> {
    if (!this.orderId || this.fault('no-fetch-after-event')) return;
    const r = await this.send('retrieveProductOrder', { id: this.orderId });
    if (r.exchange.response?.status === 200) this.remember(asJson(r.json));
    else this.t.line('retrieve failed', reasonOf(r));
  }

  private async follow(): Promise<void> {
    const deadline = Date.now() + this.o.timeoutMs;
    while (!TERMINAL.has(this.state ?? '') && Date.now() < deadline && !this.o.signal?.aborted) {
      const event = await this.nextEvent(Math.min(this.o.pollEveryMs, deadline - Date.now()));
      if (this.o.signal?.aborted) break;
      if (event) await this.onEvent(event);
      else await this.retrieveOrder();
      if (!this.taskDone && this.state === 'inProgress' && this.o.task !== 'order') await this.doTask();
    }
  }

  private nextEvent(timeoutMs: number): Promise<InboxEvent | undefined> {
    if (!this.listener || timeoutMs <= 0) return Promise.resolve(undefined);
    const listener = this.listener;
    const signal = this.o.signal;
    if (!signal) return listener.next(timeoutMs);
    return new Promise((resolve) => {
      const onAbort = (): void => resolve(undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      void listener.next(timeoutMs).then((e) => {
        signal.removeEventListener('abort', onAbort);
        resolve(e);
      });
    });
  }

  private async onEvent(e: InboxEvent): Promise<void> {
    const payload = asJson(e.body.event);
    const id = typeof e.body.eventId === 'string' ? e.body.eventId : '';
    const duplicate = id !== '' && this.eventIds.has(id);
    this.eventIds.add(id);
    this.t.line(
      'event',
      `${e.eventType} ${text(payload['id'])}${payload['state'] ? ` ${text(payload['state'])}` : ''}${duplicate ? ' (duplicate, already handled)' : ''}`,
    );
    if (duplicate) return;
    if (e.eventType === 'chargeCreateEvent' && typeof payload['id'] === 'string')
      return this.answerCharge(payload['id']);
    if (!ORDER_EVENTS.has(e.eventType)) return;
    if (this.fault('no-fetch-after-event')) {
      // The mistake: the payload's state is taken for the order's, and nothing is retrieved.
      if (e.eventType === 'productOrderStateChangeEvent' && typeof payload['state'] === 'string')
        this.remember({ ...this.order, state: payload['state'] });
      return;
    }
    await this.retrieveOrder();
  }

  private async answerCharge(chargeId: string): Promise<void> {
    if (this.charges.has(chargeId)) return;
    this.charges.add(chargeId);
    if (this.o.chargePolicy === 'ignore')
      return this.t.line('charge', `${chargeId} left unanswered (policy ignore)`);
    let r = await this.send('retrieveCharge', { id: chargeId });
    if (r.exchange.response?.status !== 200)
      return this.t.line('charge', `${chargeId} cannot be retrieved: ${reasonOf(r)}; not answered`);
    let charge = asJson(r.json);
    this.t.line(
      'charge',
      `${chargeId}: ${asList(charge['chargeItem']).length} item(s), answer due ${String(charge['responseDueDate'])}`,
    );
    if (this.fault('late-charge-answer')) {
      while (charge['state'] === 'awaitingResponse' && !this.o.signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        r = await this.send('retrieveCharge', { id: chargeId });
        charge = asJson(r.json);
      }
    }
    const indicator = this.o.chargePolicy === 'accept' ? 'accepted' : 'rejected';
    let answers = asList(charge['chargeItem']).map((ci) => ({
      id: String(ci['id']),
      acceptanceIndicator: indicator,
    }));
    if (this.fault('partial-charge-answer')) answers = answers.slice(0, 1);
    const patched = await this.send('patchCharge', { id: chargeId }, { chargeItem: answers });
    this.t.line(
      'charge answered',
      `${indicator} for ${answers.length} item(s): ${patched.exchange.response?.status === 200 ? String(asJson(patched.json)['state']) : reasonOf(patched)}`,
    );
    await this.retrieveOrder();
  }

  private async doTask(): Promise<void> {
    this.taskDone = true;
    if (!this.orderId) return;
    if (this.o.task === 'cancel') {
      const contact = asList(this.order['relatedContactInformation']).find(
        (c) => c['role'] === 'productOrderContact',
      );
      const body = {
        productOrder: { productOrderId: this.orderId },
        cancellationReasonType: 'commercial',
        cancellationReason: 'no longer needed',
        ...(this.fault('cancel-without-contact')
          ? { relatedContactInformation: [] }
          : { relatedContactInformation: [{ ...(contact ?? {}), role: 'cancelProductOrderContact' }] }),
      };
      const r = await this.send('createCancelProductOrder', {}, body);
      this.t.line(
        'cancel requested',
        r.exchange.response?.status === 201 ? `id ${String(asJson(r.json)['id'])}` : reasonOf(r),
      );
      return;
    }
    if (this.o.task === 'update') return this.addNote();
    const item = asList(this.order['productOrderItem'])[0] ?? {};
    const current = Date.parse(text(item['requestedCompletionDate']));
    const later = new Date((Number.isFinite(current) ? current : Date.now()) + 14 * 86_400_000).toISOString();
    const body = {
      productOrderItem: { productOrderId: this.orderId, productOrderItemId: String(item['id']) },
      ...(this.fault('modify-without-date') ? {} : { requestedCompletionDate: later }),
    };
    const r = await this.send('createModifyProductOrderItemRequestedDeliveryDate', {}, body);
    this.t.line(
      'new date requested',
      r.exchange.response?.status === 201 ? `${later}, id ${String(asJson(r.json)['id'])}` : reasonOf(r),
    );
  }

  /** UC 2: a note appended to the order's notes (the list as the Seller last showed it, kept whole). */
  private async addNote(): Promise<void> {
    if (!this.orderId) return;
    const notes = asList(this.order['note']);
    const note = {
      id: `buyer-note-${notes.length + 1}`,
      author: 'Buyer Order Desk',
      date: new Date().toISOString(),
      source: this.fault('note-source-seller') ? 'seller' : 'buyer',
      text: 'Site access through the loading bay, weekdays 08:00-16:00.',
    };
    const r = await this.send('patchProductOrder', { id: this.orderId }, { note: [...notes, note] });
    this.t.line(
      'note added',
      r.exchange.response?.status === 200 ? `${notes.length + 1} note(s) on the order` : reasonOf(r),
    );
    if (r.exchange.response?.status === 200) this.remember(asJson(r.json));
  }

  private async cleanUp(): Promise<void> {
    try {
      if (this.hubId) {
        const id = this.fault('foreign-hub-id') ? randomUUID() : this.hubId;
        const r = await this.client.send({
          method: 'DELETE',
          url: `${this.o.sellerUrl.replace(/\/+$/, '')}/hub/${encodeURIComponent(id)}${this.o.buyerId ? `?buyerId=${encodeURIComponent(this.o.buyerId)}` : ''}`,
          operationId: 'unregisterListener',
          timeoutMs: Math.min(this.o.requestTimeoutMs, 2000),
        });
        this.t.line(
          'hub unregistered',
          r.exchange.response?.status === 204 ? `id ${id}` : `id ${id}: ${reasonOf(r)}`,
        );
        // Events already on their way when the hub went are still answered: a short drain before closing.
        await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
      }
    } finally {
      await this.listener?.close();
      this.client.close();
    }
  }
}

/**
 * The reference Buyer: registers a hub, places the order, follows it to a terminal state (retrieving it
 * after each event, answering charges by policy, cancelling or asking for a new date when its task says),
 * then unregisters. It prints a timeline through `log`.
 */
export function runReferenceBuyer(options: ReferenceBuyerOptions): Promise<ReferenceBuyerResult> {
  return new Conversation(options).run();
}
