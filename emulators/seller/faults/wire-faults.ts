import type { SellerContext } from '../context';
import { JSON_MEDIA_TYPE } from '../http/respond';

export type Json = Record<string, unknown>;

/** A request on its way in: its operation and the query the Seller is about to read. */
export interface Incoming {
  readonly op?: string;
  readonly query: URLSearchParams;
  /** The last path segment (`{id}` of by-id operations). */
  readonly pathId: string;
  /** Whatever a fault wants to remember until the answer. */
  readonly memo: Json;
}

/** An answer on its way out, rewritten in place by the faults. */
export interface Outgoing {
  readonly op?: string;
  readonly memo: Json;
  status: number;
  /** Parsed JSON (undefined when there is no body or it is not JSON). */
  body: unknown;
  contentType?: string;
  /** Headers to set on top of those the emulator set. */
  readonly headers: Record<string, string>;
}

export interface WireFault {
  readonly request?: (call: Incoming, ctx: SellerContext) => void;
  readonly response?: (answer: Outgoing) => void;
}

const LIST_OPS = [
  'listProductOrder',
  'listCancelProductOrder',
  'listCharge',
  'listModifyProductOrderItemRequestedDeliveryDate',
];
const CANCEL_OPS = ['createCancelProductOrder', 'retrieveCancelProductOrder'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function withoutContact(body: unknown, role: string): void {
  if (!isObject(body) || !Array.isArray(body['relatedContactInformation'])) return;
  body['relatedContactInformation'] = (body['relatedContactInformation'] as unknown[]).filter(
    (c) => !isObject(c) || c['role'] !== role,
  );
}

function dropQuery(call: Incoming, test: (name: string) => boolean): void {
  for (const name of [...call.query.keys()]) if (test(name)) call.query.delete(name);
}

/**
 * The faults that live on the wire (FAULT_CATALOG `kind: response`): what the Seller hears of a request
 * (query parameters it ignores) and how it misstates its answer (status, body, headers, media type).
 */
export const WIRE_FAULTS: Readonly<Record<string, WireFault>> = {
  'create-answers-200': {
    response: (a) => {
      if (a.op === 'createProductOrder' && a.status === 201) a.status = 200;
    },
  },
  'create-answers-in-progress': {
    response: (a) => {
      if (a.op === 'createProductOrder' && a.status === 201 && isObject(a.body))
        a.body['state'] = 'inProgress';
    },
  },
  'retrieve-returns-other-id': {
    response: (a) => {
      if (a.op !== 'retrieveProductOrder' || a.status !== 200 || !isObject(a.body)) return;
      a.body['id'] = `SO-${String(a.body['id']).replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    },
  },
  'list-ignores-state-filter': {
    request: (call) => {
      if (call.op === 'listProductOrder') dropQuery(call, (n) => n === 'state');
    },
  },
  'list-ignores-date-filters': {
    request: (call) => {
      if (call.op === 'listProductOrder') dropQuery(call, (n) => /\.(gt|lt)$/.test(n));
    },
  },
  'list-ignores-limit': {
    request: (call) => {
      if (LIST_OPS.includes(call.op ?? '')) dropQuery(call, (n) => n === 'limit');
    },
  },
  'list-total-count-wrong': {
    response: (a) => {
      if (LIST_OPS.includes(a.op ?? '') && a.status === 200 && Array.isArray(a.body))
        a.headers['X-Total-Count'] = String(a.body.length);
    },
  },
  'list-no-match-404': {
    response: (a) => {
      if (!LIST_OPS.includes(a.op ?? '') || a.status !== 200 || !Array.isArray(a.body) || a.body.length > 0)
        return;
      a.status = 404;
      a.body = { code: 'notFound', reason: 'no record matches the query' };
    },
  },
  'ignores-buyer-id': {
    request: (call) => dropQuery(call, (n) => n === 'buyerId'),
  },
  'not-found-without-code': {
    response: (a) => {
      if (a.status === 404 && isObject(a.body)) delete a.body['code'];
    },
  },
  'error-422-not-array': {
    response: (a) => {
      if (a.status === 422 && Array.isArray(a.body)) a.body = a.body[0] as unknown;
    },
  },
  'bad-body-answers-500': {
    response: (a) => {
      if (a.status !== 400 || !isObject(a.body) || a.body['code'] !== 'invalidBody') return;
      a.status = 500;
      a.body = { code: 'internalError', reason: `request parsing failed: ${String(a.body['reason'])}` };
    },
  },
  'json-as-text-plain': {
    response: (a) => {
      if (a.contentType !== undefined && /json/i.test(a.contentType))
        a.contentType = 'text/plain;charset=utf-8';
    },
  },
  'unsupported-answers-404': {
    response: (a) => {
      if (a.status !== 501) return;
      a.status = 404;
      a.body = { code: 'notFound', reason: 'no such resource' };
    },
  },
  'cancel-without-seller-contact': {
    response: (a) => {
      if (CANCEL_OPS.includes(a.op ?? '') && a.status < 300)
        withoutContact(a.body, 'cancelProductOrderSellerContact');
    },
  },
  'hub-delete-200-with-body': {
    request: (call, ctx) => {
      if (call.op === 'unregisterListener') call.memo['hub'] = ctx.store.hubs.get(call.pathId)?.doc;
    },
    response: (a) => {
      if (a.op !== 'unregisterListener' || a.status !== 204) return;
      a.status = 200;
      a.body = a.memo['hub'] ?? {};
      a.contentType = JSON_MEDIA_TYPE;
    },
  },
};
