/**
 * The registry of Buyer-side request checks: what the Seller side can say about each request of the Buyer
 * under test, whether or not the emulator accepted it. `judgeBuyerRequest` runs them on one request.
 */
import { isJsonContentType } from '../../../emulators/seller/http/read-body';
import type { SchemaViolation } from '../../spec';
import type { Finding } from '../../results';
import { asObject, toFinding, type BuyerRequestCheck, type BuyerRequestContext } from './buyer-check-types';
import { chargeAnswerViolations } from './charge-answer-rules';
import { createOrderViolations } from './create-order-rules';
import { registerViolations, unregisterViolations } from './hub-rules';
import { patchOrderViolations } from './patch-order-rules';
import { cancelViolations, modifyViolations } from './task-rules';
import { runChecks } from '../run-checks';

const operation: BuyerRequestCheck = {
  name: 'buyer-operation',
  run: ({ record }) =>
    record.operationId
      ? []
      : [
          toFinding('buyer-operation', record, {
            code: 'buyer.request.unknownOperation',
            message: `${record.method} ${record.path} is no operation of the API (R8)`,
            requirements: ['R8'],
          }),
        ],
};

const body: BuyerRequestCheck = {
  name: 'buyer-request-body',
  run: ({ spec, record }) => {
    const op = record.operationId ? spec.management.operations.get(record.operationId) : undefined;
    if (!op?.requestSchemaName) return [];
    const f = (code: string, message: string) =>
      toFinding('buyer-request-body', record, { code, message, requirements: ['R7'] });
    if (record.bodyText === undefined)
      return [f('buyer.body.missing', `${op.operationId} needs a JSON body (R7)`)];
    const out: Finding[] = [];
    const type = record.headers['content-type'];
    if (!isJsonContentType(type))
      out.push(
        f(
          'buyer.body.contentType',
          `the body is sent as ${type ?? '(no content type)'}, not application/json;charset=utf-8 (R7)`,
        ),
      );
    if (record.jsonError) out.push(f('buyer.body.notJson', `the body is not JSON: ${record.jsonError} (R7)`));
    return out;
  },
};

const query: BuyerRequestCheck = {
  name: 'buyer-query',
  run: ({ spec, record }) => {
    const op = record.operationId ? spec.management.operations.get(record.operationId) : undefined;
    if (!op) return [];
    const known = op.queryParams.map((p) => p.name);
    return Object.keys(record.query)
      .filter((name) => !known.includes(name))
      .map((name) =>
        toFinding('buyer-query', record, {
          code: 'buyer.query.unknown',
          message: `${op.operationId} defines no query parameter '${name}' (R8)`,
          requirements: ['R8'],
        }),
      );
  },
};

/** Requirement ids a schema violation of a request body bears on, beyond R7. */
function schemaRequirements(operationId: string, v: SchemaViolation): string[] {
  const property = v.property ?? '';
  if (operationId === 'createProductOrder') {
    if (
      (v.pointer === '' && property === 'productOrderItem') ||
      (v.pointer === '/productOrderItem' && v.keyword === 'minItems')
    )
      return ['R7', 'R10'];
    if (/^\/productOrderItem\/\d+$/.test(v.pointer) && v.keyword === 'required') return ['R7', 'R12'];
  }
  if (operationId === 'createCancelProductOrder' && v.pointer === '' && v.keyword === 'required')
    return ['R7', 'R76'];
  if (operationId === 'patchCharge' && property === 'acceptanceIndicator') return ['R7', 'R96'];
  if (operationId === 'createModifyProductOrderItemRequestedDeliveryDate' && v.keyword === 'required')
    return ['R7', 'R65', 'R68'];
  return ['R7'];
}

const schema: BuyerRequestCheck = {
  name: 'buyer-request-schema',
  run: ({ spec, record }) => {
    const op = record.operationId ? spec.management.operations.get(record.operationId) : undefined;
    if (!op?.requestSchemaName || record.json === undefined) return [];
    return spec.management.schemas.validate(op.requestSchemaName, record.json).map((v) =>
      toFinding('buyer-request-schema', record, {
        code: `buyer.schema.${v.keyword}`,
        message: `${op.requestSchemaName}${v.pointer || ''}: ${v.message.trim()}`,
        requirements: schemaRequirements(op.operationId, v),
        pointer: v.pointer,
      }),
    );
  },
};

const rules = (
  name: string,
  operations: readonly string[],
  violations: (ctx: BuyerRequestContext) => ReturnType<typeof createOrderViolations>,
): BuyerRequestCheck => ({
  name,
  operations,
  run: (ctx) =>
    ctx.record.json === undefined ? [] : violations(ctx).map((v) => toFinding(name, ctx.record, v)),
});

/** Every Buyer request check, by name. */
export const BUYER_REQUEST_CHECKS: readonly BuyerRequestCheck[] = [
  operation,
  body,
  query,
  schema,
  rules('buyer-create-order', ['createProductOrder'], (ctx) =>
    createOrderViolations(ctx.record.json, {
      ...(ctx.products ? { products: ctx.products } : {}),
      mplify: ctx.spec.version.generation === 'mplify-123.1',
    }),
  ),
  rules('buyer-update-order', ['patchProductOrder'], (ctx) => patchOrderViolations(ctx.record, ctx.all)),
  rules('buyer-cancel', ['createCancelProductOrder'], (ctx) => cancelViolations(ctx.record.json, ctx.all)),
  rules('buyer-modify-date', ['createModifyProductOrderItemRequestedDeliveryDate'], (ctx) =>
    modifyViolations(ctx.record.json, ctx.all),
  ),
  rules('buyer-charge-answer', ['patchCharge'], (ctx) =>
    chargeAnswerViolations(ctx.record, ctx.all, ctx.seller),
  ),
  rules('buyer-hub', ['registerListener'], (ctx) => registerViolations(ctx.record.json, ctx.spec)),
  {
    name: 'buyer-hub-id',
    operations: ['unregisterListener'],
    run: (ctx) =>
      unregisterViolations(ctx.record, ctx.all).map((v) => toFinding('buyer-hub-id', ctx.record, v)),
  },
];

/** The emulator's reason for a 4xx, for the catch-all finding. */
function reasonOf(json: unknown): string {
  const first = Array.isArray(json) ? (json[0] as unknown) : json;
  const body = asObject(first);
  const text = [body?.['code'], body?.['reason'], body?.['propertyPath']].filter(
    (x) => typeof x === 'string',
  );
  return text.length ? text.join(' ') : 'no reason given';
}

/**
 * Runs every Buyer check on one request. A request the emulator refused (4xx) that no check explains still
 * fails, with the emulator's reason: a faithful Seller refused it, so the Buyer sent something wrong.
 */
export function judgeBuyerRequest(
  ctx: BuyerRequestContext,
  disabled: ReadonlySet<string> = new Set(),
): Finding[] {
  const out = runChecks(
    BUYER_REQUEST_CHECKS,
    ctx,
    { operationId: ctx.record.operationId, exchangeId: ctx.record.id },
    disabled,
  );
  const { record } = ctx;
  const explained = out.some((f) => f.severity === 'error');
  const madeUp = record.status === 404 && ctx.seller.madeUpIds.has(record.params['id'] ?? '');
  if (record.status >= 400 && record.status < 500 && !explained && !madeUp)
    out.push(
      toFinding('buyer-answer', record, {
        code: 'buyer.request.rejected',
        message: `the Seller refused ${record.operationId ?? `${record.method} ${record.path}`} with ${record.status}: ${reasonOf(record.responseJson)}`,
        requirements: ['R7'],
      }),
    );
  if (record.status === 501)
    out.push(
      toFinding('buyer-answer', record, {
        code: 'buyer.request.notImplemented',
        message: `${record.operationId ?? record.path} is not offered by this Seller (501); the Buyer must do without it`,
        requirements: [],
        severity: 'warning',
      }),
    );
  if (record.status >= 500 && record.status !== 501)
    out.push(
      toFinding('buyer-answer', record, {
        code: 'harness.sellerEmulator',
        message: `the Seller emulator failed on this request (${record.status}): a harness bug, please report it`,
        requirements: [],
      }),
    );
  return out;
}
