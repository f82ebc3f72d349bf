import type { SendResult } from '../../emulators/buyer';
import { runExchangeChecks } from '../check/registry';
import type { Finding } from '../results';
import { renderTemplate, type TemplateResult } from '../scenario/template';
import type { JsonValue, ParamValue } from '../scenario/types';
import { expandPath, managementOperation } from '../spec';
import type { RunEnvironment, ScenarioState } from './run-context';
import { lastSequence } from './run-context';

export interface OperationRequest {
  readonly op: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Already rendered. */
  readonly body?: JsonValue;
  readonly raw?: { body?: string; contentType?: string; query?: string };
  readonly auth?: boolean;
}

export interface OperationResult {
  readonly send: SendResult;
  readonly findings: Finding[];
}

/** Renders a value's templates, turning template errors into one harness message. */
export function render(value: JsonValue, state: ScenarioState): TemplateResult {
  return renderTemplate(value, state.vars, state.env);
}

export class StepError extends Error {}

export function renderOrThrow(value: JsonValue, state: ScenarioState): JsonValue {
  const r = render(value, state);
  if (!r.ok) throw new StepError(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

/** Renders a template to text: scalars as written, anything else as JSON. */
export function renderText(value: JsonValue, state: ScenarioState): string {
  return textOf(renderOrThrow(value, state));
}

export function textOf(value: JsonValue | undefined): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

/** URL of an operation: the path template filled from `params`, the rest as query (arrays repeat). */
export function operationUrl(env: RunEnvironment, req: OperationRequest, state: ScenarioState): string {
  const op = managementOperation(env.spec, req.op);
  const pathParams: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const [name, raw] of Object.entries(req.params)) {
    const value = renderOrThrow(raw, state);
    const list = Array.isArray(value) ? (value as JsonValue[]) : [value];
    if (op.pathParams.includes(name)) pathParams[name] = textOf(list[0]);
    else for (const v of list) query.append(name, typeof v === 'string' ? v : JSON.stringify(v));
  }
  let qs = query.toString();
  if (req.raw?.query) qs = qs ? `${qs}&${req.raw.query}` : req.raw.query;
  return `${env.targetUrl}${expandPath(op.path, pathParams)}${qs ? `?${qs}` : ''}`;
}

const ORDER_BODIES = ['createProductOrder', 'retrieveProductOrder', 'patchProductOrder'];

/** The run's disabled checks plus response-schema (a step with `schema: false`), made once per run. */
const schemaOff = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function withSchemaOff(disabled: ReadonlySet<string>): ReadonlySet<string> {
  let set = schemaOff.get(disabled);
  if (!set) schemaOff.set(disabled, (set = new Set([...disabled, 'response-schema'])));
  return set;
}

/**
 * Sends one operation, runs the per-exchange checks on it, and records what it shows of resource
 * states (for the whole-scenario state-transition judgement) and of new orders (for notification rules).
 */
export async function sendOperation(
  env: RunEnvironment,
  state: ScenarioState,
  req: OperationRequest,
  opts: { schema: boolean; requirements: readonly string[] },
): Promise<OperationResult> {
  const op = managementOperation(env.spec, req.op);
  const url = operationUrl(env, req, state);
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  let body: unknown = req.body;
  if (req.raw?.body !== undefined) {
    body = { raw: req.raw.body };
    headers['content-type'] = req.raw.contentType ?? 'application/json;charset=utf-8';
  }
  const send = await env.client.send({
    method: op.method.toUpperCase(),
    url,
    headers,
    ...(body !== undefined ? { body } : {}),
    operationId: op.operationId,
    signal: env.signal,
    ...(req.auth === false ? { auth: false } : {}),
  });
  const findings: Finding[] = [];
  const { exchange } = send;
  if (exchange.error) {
    // "request not sent" is the harness's own failure to build the request, not the target's doing.
    const ours = exchange.error.message.startsWith('request not sent');
    findings.push({
      check: 'transport',
      code: ours ? 'harness.requestNotSent' : `transport.${exchange.error.code}`,
      severity: 'error',
      message: `${op.operationId}: ${exchange.error.message}`,
      requirements: [...opts.requirements],
      exchangeId: exchange.id,
    });
  }
  for (const w of send.warnings) {
    findings.push({
      check: 'transport',
      code: 'transport.warning',
      severity: 'warning',
      message: w,
      requirements: [],
      exchangeId: exchange.id,
    });
  }
  // A response cut short (timeout, reset, cap) is judged by its transport finding alone: checks of a
  // partial body would only add noise (an "invalid JSON" that is merely incomplete).
  if (exchange.response && !exchange.error) {
    const disabled = opts.schema ? env.disabledChecks : withSchemaOff(env.disabledChecks);
    findings.push(
      ...runExchangeChecks(
        {
          spec: env.spec,
          exchange,
          json: send.json,
          ...(send.jsonError ? { jsonError: send.jsonError } : {}),
          requestBody: req.body,
          requirements: opts.requirements,
        },
        disabled,
      ),
    );
    const status = exchange.response.status;
    if (status < 300 && ORDER_BODIES.includes(op.operationId))
      state.observations.recordOrder(send.json, op.operationId, exchange.id);
    if (status === 201 && op.operationId === 'createProductOrder') {
      const order = send.json as { id?: unknown; productOrderItem?: { id?: unknown }[] } | undefined;
      if (typeof order?.id === 'string') {
        env.createdOrders.add(order.id);
        state.orders.push({
          id: order.id,
          itemIds: (order.productOrderItem ?? []).map((i) => String(i.id)),
          respondedAtSeq: lastSequence(state.listener?.listener),
        });
      }
    }
    recordTask(state, op.operationId, send.json, exchange.id);
  }
  return { send, findings };
}

function recordTask(state: ScenarioState, operationId: string, json: unknown, exchangeId: string): void {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return;
  const doc = json as Record<string, unknown>;
  const id = doc['id'];
  if (typeof id !== 'string') return;
  if (/CancelProductOrder$/.test(operationId))
    state.observations.record('task', `cancel:${id}`, doc['state'], operationId, exchangeId);
  if (/ModifyProductOrderItemRequestedDeliveryDate$/.test(operationId))
    state.observations.record('task', `modify:${id}`, doc['state'], operationId, exchangeId);
  if (/Charge$/.test(operationId)) {
    state.observations.record('charge', `charge:${id}`, doc['state'], operationId, exchangeId);
    const items = Array.isArray(doc['chargeItem']) ? (doc['chargeItem'] as Record<string, unknown>[]) : [];
    for (const ci of items)
      state.observations.record(
        'chargeItem',
        `chargeItem:${id}/${String(ci['id'])}`,
        ci['state'],
        operationId,
        exchangeId,
      );
  }
}
