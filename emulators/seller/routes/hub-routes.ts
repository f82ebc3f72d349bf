import { randomUUID } from 'node:crypto';
import { httpErrors } from '../http/errors';
import { readJsonObject } from '../http/read-body';
import { sendJson, sendNoContent } from '../http/respond';
import { validateBody } from '../http/validate-request';
import { parseHubQuery } from '../notify/hub-query';
import { deferHubDeletion } from '../faults/notify-faults';
import type { HubDoc } from '../state/documents';
import { findOwned, type OperationHandler } from './operation';

/** UC 15: the callback must be an absolute http(s) URL; the query may name event types only. */
export const registerListener: OperationHandler = (ctx, { op, owner, req, res }) => {
  const body = readJsonObject(req);
  validateBody(ctx.spec, op, body);
  const callback = body['callback'] as string;
  let url: URL | undefined;
  try {
    url = new URL(callback);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw httpErrors.one422('invalidValue', 'callback must be an absolute http(s) URL', '/callback');
  }
  const query = body['query'] as string | undefined;
  const parsed = parseHubQuery(query, ctx.spec.eventTypes);
  if (!parsed.ok) throw httpErrors.one422('invalidValue', parsed.reason, '/query');
  const id = randomUUID();
  const doc: HubDoc = { id, callback, ...(query !== undefined ? { query } : {}) };
  ctx.store.hubs.set(id, {
    ...owner,
    doc,
    eventTypes: new Set(parsed.eventTypes),
    createdAt: ctx.clock.now(),
  });
  sendJson(res, 201, doc);
};

export const retrieveHub: OperationHandler = (ctx, { params, owner, res }) => {
  sendJson(res, 200, findOwned(ctx.store.hubs, params['id'] ?? '', owner, 'hub').doc);
};

/** [R107]: 204 with an empty body; no event reaches the callback afterwards. */
export const unregisterListener: OperationHandler = (ctx, { params, owner, res }) => {
  const hub = findOwned(ctx.store.hubs, params['id'] ?? '', owner, 'hub');
  if (ctx.fault('hub-delete-deferred')) deferHubDeletion(ctx, hub.doc.id);
  else {
    ctx.store.hubs.delete(hub.doc.id);
    ctx.dispatcher.forget(hub.doc.id);
  }
  sendNoContent(res);
};
