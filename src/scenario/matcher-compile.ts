/**
 * A matcher with its templates rendered and its regexes built, ready to test values; and the words
 * that describe it in messages (`equal to "completed"`, `every element > 0`).
 */
import type { Matcher } from './expectation-types';
import { preview, type JsonTypeName, type JsonValue, type Variables } from './json';
import { renderString, renderTemplate, type TemplateEnv, type TemplateError } from './template';

export type CompiledOp =
  | { readonly op: 'equals' | 'contains'; readonly value: JsonValue }
  | { readonly op: 'oneOf'; readonly values: readonly JsonValue[] }
  | { readonly op: 'exists'; readonly value: boolean }
  | { readonly op: 'matches'; readonly regex: RegExp }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number | string }
  | { readonly op: 'same'; readonly value: JsonValue; readonly source: string }
  | { readonly op: 'type'; readonly value: JsonTypeName }
  | { readonly op: 'length' | 'not' | 'all' | 'any' | 'none'; readonly inner: readonly CompiledOp[] };

export type CompiledMatcher =
  | { readonly ok: true; readonly ops: readonly CompiledOp[] }
  | { readonly ok: false; readonly errors: readonly TemplateError[] };

const NESTED = ['length', 'not', 'all', 'any', 'none'] as const;
const ORDER = ['gt', 'gte', 'lt', 'lte'] as const;

/** Renders `matcher`'s expected values against `vars`; collects every template error. */
export function compileMatcher(matcher: Matcher, vars: Variables, env: TemplateEnv = {}): CompiledMatcher {
  const errors: TemplateError[] = [];
  const render = (v: JsonValue): JsonValue => {
    const r = renderTemplate(v, vars, env);
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return v;
  };
  const compile = (m: Matcher): CompiledOp[] => {
    const ops: CompiledOp[] = [];
    if (m.equals !== undefined) ops.push({ op: 'equals', value: render(m.equals) });
    if (m.oneOf !== undefined) ops.push({ op: 'oneOf', values: m.oneOf.map(render) });
    if (m.exists !== undefined) ops.push({ op: 'exists', value: m.exists });
    if (m.matches !== undefined) {
      try {
        ops.push({ op: 'matches', regex: new RegExp(m.matches) });
      } catch (e) {
        errors.push({ code: 'template.syntax', message: `bad regular expression: ${(e as Error).message}` });
      }
    }
    if (m.contains !== undefined) ops.push({ op: 'contains', value: render(m.contains) });
    for (const op of ORDER) {
      const v = m[op];
      if (v === undefined) continue;
      const value = render(v);
      ops.push({
        op,
        value: typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value),
      });
    }
    if (m.same !== undefined) {
      const r = renderString(m.same, vars, env);
      if (r.ok) ops.push({ op: 'same', value: r.value, source: m.same });
      else errors.push(...r.errors);
    }
    if (m.type !== undefined) ops.push({ op: 'type', value: m.type });
    for (const op of NESTED) {
      const inner = m[op];
      if (inner !== undefined) ops.push({ op, inner: compile(inner) });
    }
    return ops;
  };
  const ops = compile(matcher);
  return errors.length ? { ok: false, errors } : { ok: true, ops };
}

const ORDER_WORDS = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;
const NESTED_WORDS = {
  length: 'with length',
  not: 'not',
  all: 'every element',
  any: 'some element',
  none: 'no element',
};

export function describeOp(op: CompiledOp): string {
  switch (op.op) {
    case 'equals':
      return preview(op.value);
    case 'contains':
      return `containing ${preview(op.value)}`;
    case 'oneOf':
      return `one of ${preview(op.values)}`;
    case 'exists':
      return op.value ? 'present' : 'absent';
    case 'matches':
      return `matching ${String(op.regex)}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${ORDER_WORDS[op.op]} ${preview(op.value)}`;
    case 'same':
      return `the same as ${op.source} (${preview(op.value)})`;
    case 'type':
      return `of type ${op.value}`;
    default:
      return `${NESTED_WORDS[op.op]} ${describeOps(op.inner)}`;
  }
}

export function describeOps(ops: readonly CompiledOp[]): string {
  return ops.map(describeOp).join(' and ');
}
