/** The HTTP steps: `request` and `poll` (operation, parameters, headers, body, raw input, defaults). */
import type { ApiVersionId } from '../spec/api-versions';
import { checkOperation, checkParams } from './check-spec-references';
import type { Expectation } from './expectation-types';
import type { NormalizeContext } from './normalize-context';
import { toMatcherEntries } from './normalize-matchers';
import { has, rawBoolean, rawJson, rawObject, rawString, rawStrings, type RawObject } from './raw';
import { parsePath } from './select-path';
import type {
  ParamValue,
  PollStep,
  RawRequest,
  RequestBody,
  RequestStep,
  SaveEntry,
  StepBase,
} from './types';
import type { JsonPath } from './yaml-source';

/** What the dispatcher has already read: the common fields, and `expect`/`save` from either place. */
export interface StepInput {
  readonly base: StepBase;
  readonly block: RawObject;
  readonly path: JsonPath;
  readonly versions: readonly ApiVersionId[];
  expect(defaultStatus: readonly number[]): Expectation;
  readonly save: readonly SaveEntry[];
}

function params(ctx: NormalizeContext, path: JsonPath, raw: unknown): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(rawObject(raw) ?? {})) {
    const scalar = (v: unknown): v is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof v);
    if (scalar(value)) out[name] = value;
    else if (Array.isArray(value)) out[name] = value.filter(scalar);
  }
  ctx.templates(path, out);
  return out;
}

function headers(ctx: NormalizeContext, path: JsonPath, raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawObject(raw) ?? {}))
    if (typeof value === 'string') out[name] = value;
  ctx.templates(path, out);
  return out;
}

/** Reads the operation and its parameters; `undefined` status list when the operation is unknown. */
function operation(
  ctx: NormalizeContext,
  input: StepInput,
): { op: string; success: number[]; params: Record<string, ParamValue> } {
  const op = rawString(input.block['op']) ?? '';
  const info = op ? checkOperation(ctx, [...input.path, 'op'], op, input.versions) : undefined;
  const rawParams = rawObject(input.block['params']) ?? {};
  if (info)
    checkParams(ctx, has(input.block, 'params') ? [...input.path, 'params'] : input.path, rawParams, info);
  return {
    op,
    success: info ? [info.successStatus] : [],
    params: params(ctx, [...input.path, 'params'], rawParams),
  };
}

function body(
  ctx: NormalizeContext,
  path: JsonPath,
  raw: unknown,
  fixtureBase: string,
): RequestBody | undefined {
  const object = rawObject(raw);
  const ref = object ? rawString(object['$fixture']) : undefined;
  if (!object || ref === undefined) {
    const value = rawJson(raw);
    ctx.templates(path, value);
    return value === undefined ? undefined : { kind: 'inline', value };
  }
  const merge = rawJson(object['merge']);
  ctx.templates([...path, 'merge'], merge);
  const set: { path: string; value: NonNullable<ReturnType<typeof rawJson>> | null }[] = [];
  for (const [p, v] of Object.entries(rawObject(object['set']) ?? {})) {
    const parsed = parsePath(p);
    const value = rawJson(v);
    if (!parsed.ok) ctx.report('scenario.badPath', [...path, 'set', p], parsed.error, 'key');
    else if (value !== undefined) set.push({ path: p, value });
    ctx.templates([...path, 'set', p], value);
  }
  const remove = rawStrings(object['remove']);
  remove.forEach((p, i) => {
    const parsed = parsePath(p);
    if (!parsed.ok) ctx.report('scenario.badPath', [...path, 'remove', i], parsed.error);
  });
  const resolved = ctx.fixtures.resolve(ref, fixtureBase);
  if (!resolved.ok) {
    ctx.report(resolved.code, [...path, '$fixture'], resolved.message);
    return undefined;
  }
  ctx.templates([...path, '$fixture'], resolved.content, { whole: true, label: `in fixture ${ref}` });
  return {
    kind: 'fixture',
    fixture: ref,
    file: resolved.file,
    content: resolved.content,
    ...(merge !== undefined ? { merge } : {}),
    set,
    remove,
  };
}

export function toRequestStep(ctx: NormalizeContext, input: StepInput, fixtureBase: string): RequestStep {
  const { block, path } = input;
  const { op, success, params: p } = operation(ctx, input);
  const rawBlock = rawObject(block['raw']);
  let raw: RawRequest | undefined;
  if (rawBlock) {
    ctx.templates([...path, 'raw'], rawBlock);
    if (has(rawBlock, 'body') && has(block, 'body')) {
      ctx.report(
        'scenario.ambiguousKey',
        [...path, 'raw', 'body'],
        'give either body or raw.body, not both',
        'key',
      );
    }
    const pick = (k: keyof RawRequest): object =>
      typeof rawBlock[k] === 'string' ? { [k]: rawBlock[k] } : {};
    raw = { ...pick('body'), ...pick('contentType'), ...pick('query') };
  }
  const b = has(block, 'body') ? body(ctx, [...path, 'body'], block['body'], fixtureBase) : undefined;
  return {
    ...input.base,
    kind: 'request',
    op,
    params: p,
    ...(b ? { body: b } : {}),
    headers: headers(ctx, [...path, 'headers'], block['headers']),
    ...(raw ? { raw } : {}),
    auth: rawBoolean(block['auth'], true),
    expect: input.expect(success),
    save: input.save,
  };
}

export function toPollStep(ctx: NormalizeContext, input: StepInput): PollStep {
  const { block, path } = input;
  const { op, success, params: p } = operation(ctx, input);
  const withinMs = ctx.duration([...path, 'within'], block['within']) ?? 0;
  const everyRaw = block['every'];
  let everyMs = Math.min(30_000, Math.max(250, Math.round(withinMs / 20)));
  if (everyRaw !== undefined) {
    const every = ctx.duration([...path, 'every'], everyRaw);
    if (every !== undefined && withinMs > 0 && every > withinMs) {
      ctx.report(
        'scenario.badDuration',
        [...path, 'every'],
        `every (${JSON.stringify(everyRaw)}) is longer than within (${JSON.stringify(block['within'])})`,
      );
    }
    everyMs = every ?? everyMs;
  }
  return {
    ...input.base,
    kind: 'poll',
    op,
    params: p,
    headers: headers(ctx, [...path, 'headers'], block['headers']),
    until: toMatcherEntries(ctx, [...path, 'until'], block['until']),
    withinMs,
    everyMs,
    expect: input.expect(success),
    save: input.save,
  };
}
