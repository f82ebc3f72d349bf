/**
 * Names a scenario takes from the spec, checked against the spec of every API version the step targets:
 * operationIds, their parameters, and notification event types (v10 spellings mapped, event-types.ts).
 */
import type { ApiVersionId } from '../spec/api-versions';
import type { OperationInfo } from '../spec/operations';
import { canonicalEventType, hubQueryEventTypes, wireEventType } from './event-types';
import type { NormalizeContext } from './normalize-context';
import type { RawObject } from './raw';
import { didYouMean } from './suggest';
import type { JsonPath } from './yaml-source';

/** The operation as the first targeted version defines it, or undefined after reporting. */
export function checkOperation(
  ctx: NormalizeContext,
  path: JsonPath,
  op: string,
  versions: readonly ApiVersionId[],
): OperationInfo | undefined {
  const found = versions.map((v) => ctx.specs.get(v)?.management.operations.get(op));
  const missing = versions.filter((_, i) => !found[i]);
  if (missing.length === 0) return found[0];
  const known = new Set(versions.flatMap((v) => [...(ctx.specs.get(v)?.management.operations.keys() ?? [])]));
  const where = missing.length === versions.length ? '' : ` in ${missing.join(', ')}`;
  ctx.report(
    'scenario.unknownOperation',
    path,
    `unknown operationId "${op}"${where}${didYouMean(op, known)}`,
  );
  return found.find((f) => f !== undefined);
}

/** Every parameter must be one the operation defines; every path parameter must be given. */
export function checkParams(
  ctx: NormalizeContext,
  path: JsonPath,
  params: RawObject,
  op: OperationInfo,
): void {
  const known = [...op.pathParams, ...op.queryParams.map((p) => p.name)];
  for (const name of Object.keys(params)) {
    if (known.includes(name)) continue;
    const hint = didYouMean(name, known) || `; ${op.operationId} takes: ${known.join(', ')}`;
    ctx.report(
      'scenario.unknownParameter',
      [...path, name],
      `${op.operationId} has no parameter "${name}"${hint} (use raw.query to send an undefined one on purpose)`,
      'key',
    );
  }
  for (const name of op.pathParams) {
    if (!(name in params))
      ctx.report(
        'scenario.missingParameter',
        path,
        `${op.operationId} needs the path parameter "${name}" under params`,
      );
  }
}

function checkEventType(
  ctx: NormalizeContext,
  path: JsonPath,
  type: string,
  versions: readonly ApiVersionId[],
): boolean {
  const canonical = canonicalEventType(type);
  const missing = versions.filter((v) => !ctx.specs.get(v)?.eventTypes.includes(wireEventType(canonical, v)));
  if (missing.length === 0) return true;
  const known = new Set(
    versions.flatMap((v) => (ctx.specs.get(v)?.eventTypes ?? []).map(canonicalEventType)),
  );
  const where = missing.length === versions.length ? '' : ` in ${missing.join(', ')}`;
  ctx.report(
    'scenario.unknownEventType',
    path,
    `unknown event type "${type}"${where}${didYouMean(type, known)}`,
  );
  return false;
}

/** Checks `type:` (a name or a list) and returns the canonical names. */
export function checkEventTypes(
  ctx: NormalizeContext,
  path: JsonPath,
  raw: unknown,
  versions: readonly ApiVersionId[],
): string[] {
  const list =
    typeof raw === 'string'
      ? [{ type: raw, at: path }]
      : Array.isArray(raw)
        ? raw.map((t, i) => ({ type: t as unknown, at: [...path, i] }))
        : [];
  const out: string[] = [];
  for (const { type, at } of list) {
    if (typeof type !== 'string') continue;
    checkEventType(ctx, at, type, versions);
    out.push(canonicalEventType(type));
  }
  return out;
}

/** Checks the event types a hub query names (templates aside). */
export function checkHubQuery(
  ctx: NormalizeContext,
  path: JsonPath,
  query: string,
  versions: readonly ApiVersionId[],
): void {
  for (const type of hubQueryEventTypes(query)) {
    if (!type.includes('${')) checkEventType(ctx, path, type, versions);
  }
}
