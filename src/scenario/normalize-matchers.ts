/**
 * Raw matcher data → `Matcher`: a literal becomes `{ equals }`, an object whose keys are all operators
 * is read operator by operator; anything else is reported (`scenario.badMatcher`, `scenario.badRegex`,
 * `scenario.badPath`) and templates in expected values are checked against the variables defined.
 */
import { isIsoDate } from './compare';
import type { Matcher, MatcherEntry, MatcherOperator } from './expectation-types';
import { isJsonObject, JSON_TYPE_NAMES, type JsonValue } from './json';
import type { NormalizeContext } from './normalize-context';
import { rawJson, rawObject } from './raw';
import { parsePath } from './select-path';
import { parseTemplate } from './template';
import type { JsonPath } from './yaml-source';

export const MATCHER_OPERATORS = [
  'equals',
  'oneOf',
  'exists',
  'matches',
  'contains',
  'length',
  'gt',
  'gte',
  'lt',
  'lte',
  'same',
  'type',
  'not',
  'all',
  'any',
  'none',
] as const satisfies readonly MatcherOperator[];

const isOperator = (k: string): k is MatcherOperator => (MATCHER_OPERATORS as readonly string[]).includes(k);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NESTED: readonly MatcherOperator[] = ['length', 'not', 'all', 'any', 'none'];
const NUMERIC = /^-?\d+(\.\d+)?$/;

function isSingleExpression(json: JsonValue): boolean {
  const t = typeof json === 'string' ? parseTemplate(json) : undefined;
  return t?.ok === true && t.parts.length === 1 && t.parts[0]?.kind !== 'text';
}

/** Why `json` cannot be the operand of `op`; undefined when it can. */
function operandError(op: MatcherOperator, json: JsonValue): string | undefined {
  switch (op) {
    case 'exists':
      return typeof json === 'boolean' ? undefined : 'expects true or false';
    case 'type':
      return (JSON_TYPE_NAMES as readonly JsonValue[]).includes(json)
        ? undefined
        : `expects one of ${JSON_TYPE_NAMES.join(', ')} (to compare with an object that has a "type" key, use equals)`;
    case 'matches':
      return typeof json === 'string' ? undefined : 'expects a regular expression as a string';
    case 'oneOf':
      return Array.isArray(json) ? undefined : 'expects a list of values';
    case 'length':
      return (typeof json === 'number' && Number.isInteger(json) && json >= 0) || isJsonObject(json)
        ? undefined
        : 'expects a whole number or a matcher';
    case 'same':
      return isSingleExpression(json)
        ? undefined
        : "expects exactly one ${…} expression, e.g. same: '${orderId}'";
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof json === 'number' ||
        (typeof json === 'string' && (json.includes('${') || isIsoDate(json) || NUMERIC.test(json)))
        ? undefined
        : 'expects a number or an ISO 8601 date-time';
    default:
      return undefined;
  }
}

function operand(
  ctx: NormalizeContext,
  path: JsonPath,
  op: MatcherOperator,
  value: unknown,
  into: Mutable<Matcher>,
): void {
  const json = rawJson(value);
  const error = json === undefined ? 'not a JSON value' : operandError(op, json);
  if (json === undefined || error !== undefined) {
    ctx.report('scenario.badMatcher', path, `${op}: ${error ?? ''}`);
  } else if (op === 'matches') {
    try {
      new RegExp(json as string);
      into.matches = json as string;
    } catch (e) {
      ctx.report('scenario.badRegex', path, `matches: ${(e as Error).message}`);
    }
  } else if (NESTED.includes(op)) {
    const inner = toMatcher(ctx, path, json);
    if (inner) (into as Record<string, Matcher>)[op] = inner;
  } else {
    // operandError has checked the shape; expected values (not `type`/`exists`) may hold templates.
    if (op !== 'type' && op !== 'exists') ctx.templates(path, json);
    (into as Record<string, JsonValue>)[op] = json;
  }
}

/** Reads one matcher (literal or operators). */
export function toMatcher(ctx: NormalizeContext, path: JsonPath, raw: unknown): Matcher | undefined {
  const object = rawObject(raw);
  const keys = object ? Object.keys(object) : [];
  const ops = keys.filter(isOperator);
  if (!object || ops.length === 0) {
    const json = rawJson(raw);
    if (json === undefined) return undefined;
    ctx.templates(path, json);
    return { equals: json };
  }
  const plain = keys.filter((k) => !isOperator(k));
  if (plain.length > 0) {
    ctx.report(
      'scenario.badMatcher',
      path,
      `mixes operators (${ops.join(', ')}) with plain keys (${plain.join(', ')}); to compare with an object, write { equals: {...} }`,
    );
    return undefined;
  }
  const matcher: Mutable<Matcher> = {};
  for (const op of ops) operand(ctx, [...path, op], op, object[op], matcher);
  return matcher;
}

/** Reads `path: matcher` entries (`body`, `until`, `where`) or `header: matcher` entries (`headers`). */
export function toMatcherEntries(
  ctx: NormalizeContext,
  path: JsonPath,
  raw: unknown,
  headers = false,
): MatcherEntry[] {
  const object = rawObject(raw);
  if (!object) return [];
  const entries: MatcherEntry[] = [];
  for (const [key, value] of Object.entries(object)) {
    const at = [...path, key];
    if (headers && !HEADER_NAME.test(key)) {
      ctx.report('scenario.badPath', at, `${JSON.stringify(key)} is not a header name`, 'key');
      continue;
    }
    const parsed = headers ? undefined : parsePath(key);
    if (parsed && !parsed.ok) {
      ctx.report('scenario.badPath', at, parsed.error, 'key');
      continue;
    }
    const matcher = toMatcher(ctx, at, value);
    if (matcher) entries.push({ path: key, matcher, location: ctx.location(at, 'key') });
  }
  return entries;
}
