import { randomUUID } from 'node:crypto';
import { nowIso } from '../context';
import { startCancel, startModify } from '../engine/tasks';
import { checkSellerSet, SELLER_SET } from '../http/buyer-rules';
import { error422, httpErrors } from '../http/errors';
import { readJsonObject } from '../http/read-body';
import { sendJson } from '../http/respond';
import { validateBody } from '../http/validate-request';
import type { CancelDoc, ContactDoc, ModifyDoc } from '../state/documents';
import type { TaskRecord } from '../state/store';
import { applyFilters, sendPage, type FieldReader } from './list-support';
import { afterResponse, findOwned, ownedBy, type OperationHandler } from './operation';

/** UC 8 ([R75]–[R78]): the order must exist for this Buyer; the Seller adds its own contact. */
export const createCancelProductOrder: OperationHandler = (ctx, { op, owner, req, res }) => {
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  const ref = body['productOrder'] as { productOrderId: string };
  const order = ctx.store.orders.get(ref.productOrderId);
  const errors = checkSellerSet(body, SELLER_SET.cancel);
  if (!order || !ownedBy(owner, order)) {
    errors.push(
      error422(
        'referenceNotFound',
        `no product order '${ref.productOrderId}' (R75)`,
        '/productOrder/productOrderId',
      ),
    );
  }
  const contacts = body['relatedContactInformation'] as ContactDoc[];
  if (ctx.profile.requireBuyerContacts && !contacts.some((c) => c.role === 'cancelProductOrderContact')) {
    errors.push(
      error422(
        'missingProperty',
        'a contact with role cancelProductOrderContact is required (R76)',
        '/relatedContactInformation',
      ),
    );
  }
  if (errors.length > 0 || !order) throw httpErrors.unprocessable(errors);
  const id = randomUUID();
  const sellerContact: ContactDoc = { ...ctx.profile.sellerContact, role: 'cancelProductOrderSellerContact' };
  const doc: CancelDoc = {
    ...(body as Partial<CancelDoc>),
    id,
    href: `${ctx.managementBaseUrl()}/cancelProductOrder/${id}`,
    state: 'acknowledged',
    productOrder: { ...ref },
    relatedContactInformation: [...contacts, sellerContact],
  };
  const task: TaskRecord<CancelDoc> = { ...owner, doc, orderId: order.doc.id, createdAt: ctx.clock.now() };
  ctx.store.cancels.set(id, task);
  order.related.push(id);
  sendJson(res, 201, doc);
  afterResponse(res, () => startCancel(ctx, order, task));
};

export const retrieveCancelProductOrder: OperationHandler = (ctx, { params, owner, res }) => {
  sendJson(res, 200, findOwned(ctx.store.cancels, params['id'] ?? '', owner, 'cancel product order').doc);
};

const CANCEL_FIELDS: Record<string, FieldReader<TaskRecord<CancelDoc>>> = {
  productOrderId: (t) => [t.orderId],
  state: (t) => [t.doc.state],
  cancellationReasonType: (t) => [t.doc.cancellationReasonType],
};

export const listCancelProductOrder: OperationHandler = (ctx, { query, owner, res }) => {
  const visible = [...ctx.store.cancels.values()].filter((t) => ownedBy(owner, t)).reverse();
  sendPage(ctx, res, applyFilters(visible, query, CANCEL_FIELDS), query, (t) => {
    const d = t.doc;
    // CancelProductOrder_Find requires cancellationReasonType; the Buyer may not have sent one.
    return {
      id: d.id,
      productOrder: d.productOrder,
      state: d.state,
      cancellationReasonType: d.cancellationReasonType ?? 'commercial',
    };
  });
};

/** UC 5a/5b ([R65]–[R70]): the order and item must exist; the Seller adds id, state, creationDate. */
export const createModifyProductOrderItemRequestedDeliveryDate: OperationHandler = (
  ctx,
  { op, owner, req, res },
) => {
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  const sellerSet = checkSellerSet(body, SELLER_SET.modify);
  if (sellerSet.length > 0) throw httpErrors.unprocessable(sellerSet);
  const ref = body['productOrderItem'] as { productOrderId: string; productOrderItemId: string };
  const order = ctx.store.orders.get(ref.productOrderId);
  if (!order || !ownedBy(owner, order)) {
    throw httpErrors.one422(
      'referenceNotFound',
      `no product order '${ref.productOrderId}'`,
      '/productOrderItem/productOrderId',
    );
  }
  if (!order.doc.productOrderItem.some((i) => i.id === ref.productOrderItemId)) {
    throw httpErrors.one422(
      'referenceNotFound',
      `order has no item '${ref.productOrderItemId}'`,
      '/productOrderItem/productOrderItemId',
    );
  }
  if (body['requestedCompletionDate'] === undefined && body['expediteIndicator'] === undefined) {
    throw httpErrors.one422(
      'missingProperty',
      'requestedCompletionDate or expediteIndicator is required (R65, R68)',
      '/requestedCompletionDate',
    );
  }
  const id = randomUUID();
  const doc: ModifyDoc = {
    ...(body as Partial<ModifyDoc>),
    id,
    href: `${ctx.managementBaseUrl()}/modifyProductOrderItemRequestedDeliveryDate/${id}`,
    state: 'acknowledged',
    creationDate: nowIso(ctx),
    productOrderItem: { ...ref },
  };
  const task: TaskRecord<ModifyDoc> = { ...owner, doc, orderId: order.doc.id, createdAt: ctx.clock.now() };
  ctx.store.modifies.set(id, task);
  order.related.push(id);
  sendJson(res, 201, doc);
  afterResponse(res, () => startModify(ctx, order, task));
};

export const retrieveModifyProductOrderItemRequestedDeliveryDate: OperationHandler = (
  ctx,
  { params, owner, res },
) => {
  sendJson(res, 200, findOwned(ctx.store.modifies, params['id'] ?? '', owner, 'modify request').doc);
};

const MODIFY_FIELDS: Record<string, FieldReader<TaskRecord<ModifyDoc>>> = {
  productOrderId: (t) => [t.orderId],
  state: (t) => [t.doc.state],
  expediteIndicator: (t) => [t.doc.expediteIndicator ?? false],
  requestedCompletionDate: (t) => [t.doc.requestedCompletionDate],
  creationDate: (t) => [t.doc.creationDate],
};

export const listModifyProductOrderItemRequestedDeliveryDate: OperationHandler = (
  ctx,
  { query, owner, res },
) => {
  const visible = [...ctx.store.modifies.values()].filter((t) => ownedBy(owner, t)).reverse();
  sendPage(ctx, res, applyFilters(visible, query, MODIFY_FIELDS), query, (t) => t.doc);
};
