import { answerCharge, type ChargeAnswer } from '../engine/charges';
import { error422, httpErrors, type ErrorBody } from '../http/errors';
import { readJsonObject } from '../http/read-body';
import { sendJson } from '../http/respond';
import { validateBody } from '../http/validate-request';
import type { ChargeRecord } from '../state/store';
import { applyFilters, sendPage, type FieldReader } from './list-support';
import { findOwned, ownedBy, type OperationHandler } from './operation';

export const retrieveCharge: OperationHandler = (ctx, { params, owner, res }) => {
  sendJson(res, 200, findOwned(ctx.store.charges, params['id'] ?? '', owner, 'charge').doc);
};

const CHARGE_FIELDS: Record<string, FieldReader<ChargeRecord>> = {
  productOrderId: (c) => [c.orderId],
  productOrderItemId: (c) => [c.doc.productOrderItem?.productOrderItemId],
  creationDate: (c) => [c.doc.creationDate],
  responseDueDate: (c) => [c.doc.responseDueDate],
};

export const listCharge: OperationHandler = (ctx, { query, owner, res }) => {
  const visible = [...ctx.store.charges.values()].filter((c) => ownedBy(owner, c)).reverse();
  sendPage(ctx, res, applyFilters(visible, query, CHARGE_FIELDS), query, (c) => {
    const d = c.doc;
    return {
      id: d.id,
      creationDate: d.creationDate,
      responseDueDate: d.responseDueDate,
      state: d.state,
      ...(d.productOrder ? { productOrder: d.productOrder } : {}),
      ...(d.productOrderItem ? { productOrderItem: d.productOrderItem } : {}),
    };
  });
};

/**
 * UC 12: the Buyer answers every charge item at once ([R96]/[R97]). A charge no longer awaiting an answer
 * is a 409; an incomplete answer or an unknown item is a 422.
 */
export const patchCharge: OperationHandler = (ctx, { op, params, owner, req, res }) => {
  const charge = findOwned(ctx.store.charges, params['id'] ?? '', owner, 'charge');
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  if (charge.doc.state !== 'awaitingResponse')
    throw httpErrors.conflict(`charge is ${charge.doc.state}; it no longer takes answers`);
  const answers = body['chargeItem'] as ChargeAnswer[];
  const errors: ErrorBody[] = [];
  const known = new Set(charge.doc.chargeItem.map((ci) => ci.id));
  answers.forEach((a, i) => {
    if (!known.has(a.id))
      errors.push(error422('referenceNotFound', `no charge item '${a.id}'`, `/chargeItem/${i}/id`));
  });
  for (const id of known) {
    if (!answers.some((a) => a.id === id))
      errors.push(error422('missingProperty', `charge item '${id}' is not answered (R96)`, '/chargeItem'));
  }
  if (errors.length > 0 && !ctx.fault('charge-partial-answer-accepted'))
    throw httpErrors.unprocessable(errors);
  answerCharge(ctx, charge, answers);
  sendJson(res, 200, charge.doc);
};
