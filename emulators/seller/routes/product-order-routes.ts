import { randomUUID } from 'node:crypto';
import { nowIso } from '../context';
import { startOrder } from '../engine/order-flow';
import { checkCreateOrder, checkItemContacts, checkOrderContacts } from '../http/buyer-rules';
import { error422, httpErrors, type ErrorBody } from '../http/errors';
import { readJsonObject } from '../http/read-body';
import { sendJson } from '../http/respond';
import { validateBody } from '../http/validate-request';
import type { ContactDoc, ItemDoc, NoteDoc, OrderDoc } from '../state/documents';
import type { OrderRecord } from '../state/store';
import { matchRule } from '../engine/rules';
import { applyCreateFaults } from '../faults/lifecycle-faults';
import { notifyBeforeAnswering } from '../faults/notify-faults';
import { applyFilters, sendPage, type FieldReader } from './list-support';
import { afterResponse, findOwned, ownedBy, type OperationHandler } from './operation';

const TERMINAL = ['completed', 'failed', 'partial', 'cancelled', 'rejected'];
/** The attributes of ProductOrder_Update: a PATCH must carry at least one ([R53]). */
const UPDATABLE = ['externalId', 'note', 'productOrderItem', 'projectId', 'relatedContactInformation'];

export const createProductOrder: OperationHandler = (ctx, { op, owner, req, res }) => {
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  const errors = checkCreateOrder(body, {
    requireBuyerContacts: ctx.profile.requireBuyerContacts,
    ...(ctx.profile.validateProductConfiguration ? { products: ctx.products } : {}),
  });
  if (errors.length > 0) throw httpErrors.unprocessable(errors);
  const now = nowIso(ctx);
  const id = randomUUID();
  const sellerContact: ContactDoc = { ...ctx.profile.sellerContact, role: 'sellerContact' };
  const items = (body['productOrderItem'] as Record<string, unknown>[]).map((item): ItemDoc => ({
    ...(item as unknown as ItemDoc),
    state: 'acknowledged',
    stateChange: [{ changeDate: now, state: 'acknowledged' }],
  }));
  const doc: OrderDoc = {
    ...(body as Partial<OrderDoc>),
    id,
    href: `${ctx.managementBaseUrl()}/productOrder/${id}`,
    orderDate: now,
    state: 'acknowledged',
    stateChange: [{ changeDate: now, state: 'acknowledged' }],
    productOrderItem: items,
    relatedContactInformation: [...(body['relatedContactInformation'] as ContactDoc[]), sellerContact],
  };
  applyCreateFaults(ctx, doc);
  const record: OrderRecord = {
    ...owner,
    doc,
    rule: matchRule(ctx.profile, body),
    createdAt: ctx.clock.now(),
    related: [],
  };
  ctx.store.addOrder(record);
  if (ctx.fault('notifies-before-create-response')) return notifyBeforeAnswering(ctx, res, record);
  sendJson(res, 201, doc);
  afterResponse(res, () => startOrder(ctx, record));
};

export const retrieveProductOrder: OperationHandler = (ctx, { params, owner, res }) => {
  sendJson(res, 200, findOwned(ctx.store.orders, params['id'] ?? '', owner, 'product order').doc);
};

const items = (r: OrderRecord) => r.doc.productOrderItem;
const ORDER_FIELDS: Record<string, FieldReader<OrderRecord>> = {
  state: (r) => [r.doc.state],
  externalId: (r) => [r.doc.externalId],
  projectId: (r) => [r.doc.projectId],
  orderDate: (r) => [r.doc.orderDate],
  completionDate: (r) => [r.doc.completionDate],
  cancellationDate: (r) => [r.doc.cancellationDate],
  itemRequestedCompletionDate: (r) => items(r).map((i) => i.requestedCompletionDate),
  itemExpectedCompletionDate: (r) => items(r).map((i) => i.expectedCompletionDate),
};

/** [R60]: the list item carries these attributes when set. */
function findView(r: OrderRecord) {
  const d = r.doc;
  const pick = { id: d.id, orderDate: d.orderDate, state: d.state } as Record<string, unknown>;
  for (const k of ['cancellationDate', 'completionDate', 'externalId', 'projectId'] as const)
    if (d[k] !== undefined) pick[k] = d[k];
  return pick;
}

export const listProductOrder: OperationHandler = (ctx, { query, owner, res }) => {
  // A Buyer lists by externalId most of all: those candidates come from the store's index, not from a
  // pass over every stored order (the generic filters still run on what is left).
  const externalId = typeof query['externalId'] === 'string' ? query['externalId'] : undefined;
  const candidates =
    externalId === undefined ? ctx.store.orders.values() : ctx.store.ordersWithExternalId(externalId);
  const visible: OrderRecord[] = [];
  for (const r of candidates) if (ownedBy(owner, r)) visible.push(r);
  sendPage(ctx, res, applyFilters(visible.reverse(), query, ORDER_FIELDS), query, findView);
};

/**
 * UC 2: JSON merge of the updatable attributes ([R53]–[R59]). Notes are append-only and the Buyer's
 * own (source=buyer); contacts replace the Buyer's contacts only ([R57]); Seller contacts stay.
 */
export const patchProductOrder: OperationHandler = (ctx, { op, params, owner, req, res }) => {
  const record = findOwned(ctx.store.orders, params['id'] ?? '', owner, 'product order');
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  if (!UPDATABLE.some((k) => body[k] !== undefined))
    throw httpErrors.one422(
      'missingProperty',
      `nothing to update: send one of ${UPDATABLE.join(', ')} (R53)`,
      '/',
    );
  if (TERMINAL.includes(record.doc.state))
    throw httpErrors.conflict(`order is ${record.doc.state} and can no longer be updated`);
  const doc = record.doc;
  const errors = checkNotes(doc.note, body['note'], '/note');
  // Replaced contact lists must still carry the roles the create required (R11, R12).
  const contactRules = ctx.profile.requireBuyerContacts;
  if (contactRules && body['relatedContactInformation'] !== undefined)
    errors.push(...checkOrderContacts(body['relatedContactInformation'], ''));
  const patchItems = (body['productOrderItem'] ?? []) as Record<string, unknown>[];
  patchItems.forEach((p, i) => {
    const item = doc.productOrderItem.find((it) => it.id === p['id']);
    if (!item)
      errors.push(error422('referenceNotFound', `no item '${String(p['id'])}'`, `/productOrderItem/${i}/id`));
    else errors.push(...checkNotes(item.note, p['note'], `/productOrderItem/${i}/note`));
    if (contactRules && p['relatedContactInformation'] !== undefined)
      errors.push(...checkItemContacts(p['relatedContactInformation'], `/productOrderItem/${i}`));
  });
  if (errors.length > 0) throw httpErrors.unprocessable(errors);
  if (typeof body['externalId'] === 'string') ctx.store.setExternalId(record, body['externalId']);
  if (typeof body['projectId'] === 'string') doc.projectId = body['projectId'];
  if (Array.isArray(body['note'])) doc.note = body['note'] as NoteDoc[];
  if (Array.isArray(body['relatedContactInformation'])) {
    const sellers = doc.relatedContactInformation.filter((c) => c.role.startsWith('seller'));
    doc.relatedContactInformation = [...(body['relatedContactInformation'] as ContactDoc[]), ...sellers];
  }
  for (const p of patchItems) {
    const item = doc.productOrderItem.find((it) => it.id === p['id']) as ItemDoc;
    for (const key of ['endCustomerName', 'relatedBuyerPON', 'relatedContactInformation', 'note']) {
      if (p[key] !== undefined) item[key] = p[key];
    }
  }
  sendJson(res, 200, doc);
};

/** The new note list must keep every existing note unchanged, in order, and add only buyer notes. */
function checkNotes(existing: readonly NoteDoc[] | undefined, next: unknown, at: string): ErrorBody[] {
  if (next === undefined) return [];
  const list = next as NoteDoc[];
  const old = existing ?? [];
  const errors: ErrorBody[] = [];
  const changed = old.findIndex((n, i) => JSON.stringify(list[i]) !== JSON.stringify(n));
  if (changed >= 0) {
    errors.push(
      error422('invalidValue', 'existing notes cannot be changed or removed (R22, R59)', `${at}/${changed}`),
    );
  }
  list.slice(old.length).forEach((n, j) => {
    if (n.source !== 'buyer') {
      errors.push(
        error422(
          'invalidValue',
          'a note added by the Buyer has source=buyer (R58)',
          `${at}/${old.length + j}/source`,
        ),
      );
    }
  });
  return errors;
}
