/**
 * Matcher evaluation: pure functions from (actual value, matcher, variables) to `{ ok, message }` data.
 * A failed template (variable not set at run time) gives `errored: true`: the scenario, not the target,
 * is at fault, and the runner should report the step as errored rather than failed.
 */
import { compareOrder, containsValue, equalsValue } from './compare';
import type { Matcher, MatcherEntry } from './expectation-types';
import { deepEqual, jsonTypeOf, preview, type JsonValue, type Variables } from './json';
import { compileMatcher, describeOps, type CompiledOp } from './matcher-compile';
import { selectPath } from './select-path';
import type { TemplateEnv } from './template';

export { parsePath, selectOne, selectPath } from './select-path';
export type { ParsedPath, PathSegment, PathSelection } from './select-path';

export interface MatchResult {
  readonly ok: boolean;
  /** The matcher could not be evaluated (template error, bad path): not the target's fault. */
  readonly errored?: boolean;
  /** What held, or what was expected and what was found. */
  readonly message: string;
  /** The selector or header name the matcher was applied at, when there is one. */
  readonly path?: string;
  /** What the path selected (for a `[*]` path: the array of selected values). */
  readonly actual?: JsonValue;
}

export interface MatchOptions {
  /** Header mode: values are strings, so `5` and `true` also equal `"5"` and `"true"`. */
  readonly coerce?: boolean;
  readonly env?: TemplateEnv;
}

function testOp(actual: JsonValue | undefined, op: CompiledOp, coerce: boolean): boolean {
  const list = Array.isArray(actual) ? (actual as readonly JsonValue[]) : undefined;
  switch (op.op) {
    case 'equals':
      return equalsValue(actual, op.value, coerce);
    case 'oneOf':
      return op.values.some((v) => equalsValue(actual, v, coerce));
    case 'exists':
      return (actual !== undefined) === op.value;
    case 'matches':
      return typeof actual === 'string' && op.regex.test(actual);
    case 'contains':
      return containsValue(actual, op.value, coerce);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const c = compareOrder(actual, op.value);
      if (c === undefined) return false;
      return op.op === 'gt' ? c > 0 : op.op === 'gte' ? c >= 0 : op.op === 'lt' ? c < 0 : c <= 0;
    }
    case 'same':
      return deepEqual(actual, op.value);
    case 'type':
      if (op.value === 'integer') return typeof actual === 'number' && Number.isInteger(actual);
      return jsonTypeOf(actual) === op.value;
    case 'length': {
      const n = typeof actual === 'string' ? actual.length : list?.length;
      return n !== undefined && testOps(n, op.inner, coerce);
    }
    case 'not':
      return !testOps(actual, op.inner, coerce);
    case 'all':
      return list !== undefined && list.every((v) => testOps(v, op.inner, coerce));
    case 'any':
      return list !== undefined && list.some((v) => testOps(v, op.inner, coerce));
    case 'none':
      return list !== undefined && !list.some((v) => testOps(v, op.inner, coerce));
  }
}

function testOps(actual: JsonValue | undefined, ops: readonly CompiledOp[], coerce: boolean): boolean {
  return ops.every((op) => testOp(actual, op, coerce));
}

function failures(actual: JsonValue | undefined, ops: readonly CompiledOp[], coerce: boolean): string {
  return `expected ${describeOps(ops.filter((op) => !testOp(actual, op, coerce)))}, got ${preview(actual)}`;
}

/** Tests one value against a matcher. `actual` undefined means "missing". */
export function evaluateMatcher(
  actual: JsonValue | undefined,
  matcher: Matcher,
  vars: Variables,
  options: MatchOptions = {},
): MatchResult {
  const compiled = compileMatcher(matcher, vars, options.env);
  if (!compiled.ok) {
    return { ok: false, errored: true, message: compiled.errors.map((e) => e.message).join('; '), actual };
  }
  const coerce = options.coerce ?? false;
  const ok = testOps(actual, compiled.ops, coerce);
  const message = ok
    ? `${preview(actual)} (expected ${describeOps(compiled.ops)})`
    : failures(actual, compiled.ops, coerce);
  return { ok, message, actual };
}

/** Operators that judge the list a `[*]` path selects as a whole; the others judge each element. */
function isCollectionOp(op: CompiledOp): boolean {
  if (op.op === 'equals' || op.op === 'same') return Array.isArray(op.value);
  return ['length', 'contains', 'all', 'any', 'none', 'exists'].includes(op.op);
}

/**
 * Tests what `path` selects in `subject`. On a `[*]` path the selected values form a list: collection
 * operators (length, contains, all, any, none, exists, equals/same with an array) judge the list; every
 * other operator must hold for each value, and at least one value must be selected.
 */
export function evaluateMatcherAt(
  subject: JsonValue | undefined,
  path: string,
  matcher: Matcher,
  vars: Variables,
  options: MatchOptions = {},
): MatchResult {
  const selection = selectPath(subject, path);
  if (!selection.ok) return { ok: false, errored: true, message: selection.error, path };
  if (!selection.wildcard) {
    const r = evaluateMatcher(selection.values[0], matcher, vars, options);
    return { ...r, message: `${path}: ${r.message}`, path };
  }
  const compiled = compileMatcher(matcher, vars, options.env);
  const values = selection.values;
  if (!compiled.ok) {
    return {
      ok: false,
      errored: true,
      message: `${path}: ${compiled.errors.map((e) => e.message).join('; ')}`,
      path,
    };
  }
  const coerce = options.coerce ?? false;
  const listOps = compiled.ops.filter(isCollectionOp);
  const eachOps = compiled.ops.filter((op) => !isCollectionOp(op));
  const fail = (message: string): MatchResult => ({
    ok: false,
    message: `${path}: ${message}`,
    path,
    actual: values,
  });
  // On a list, `exists` means "selected at least one value": an empty list counts as missing.
  const listActual = values.length === 0 ? undefined : values;
  const listFailed = listOps.filter((op) => !testOp(op.op === 'exists' ? listActual : values, op, coerce));
  if (listFailed.length > 0) return fail(`expected ${describeOps(listFailed)}, got ${preview(values)}`);
  if (eachOps.length > 0) {
    if (values.length === 0) return fail(`selected nothing, expected each value ${describeOps(eachOps)}`);
    const bad = values.findIndex((v) => !testOps(v, eachOps, coerce));
    if (bad >= 0)
      return fail(`value ${bad + 1} of ${values.length}: ${failures(values[bad], eachOps, coerce)}`);
  }
  return {
    ok: true,
    message: `${path}: ${preview(values)} (expected ${describeOps(compiled.ops)})`,
    path,
    actual: values,
  };
}

/** One result per entry, in order. */
export function evaluateMatchers(
  subject: JsonValue | undefined,
  entries: readonly MatcherEntry[],
  vars: Variables,
  options: MatchOptions = {},
): MatchResult[] {
  return entries.map((e) => evaluateMatcherAt(subject, e.path, e.matcher, vars, options));
}
