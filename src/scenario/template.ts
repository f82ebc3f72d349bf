/**
 * Templates: `${name}`, `${name.path[0]}` and a few built-ins inside strings. Parsed by hand and
 * substituted, never evaluated: there is no expression language beyond what is below.
 *
 *   ${orderId}            a variable; alone in its string it keeps its JSON type (number, object, …)
 *   ${order.items[0].id}  a path into a variable (select-path.ts syntax)
 *   ${now} ${now+P30D} ${now-2h}   run-clock date-time (ISO 8601, UTC, ms); offsets use parseDuration
 *   ${today} ${today+P1D}          the same, date only (YYYY-MM-DD)
 *   ${uuid}  a fresh random UUID per occurrence;  ${runId}, ${scenarioId}  from the runner
 *   $${      a literal `${`
 */
import { randomUUID } from 'node:crypto';
import { parseDuration } from '../util/duration';
import { isJsonObject, type JsonValue, type Variables } from './json';
import { parsePath, selectPath, type ParsedPath } from './select-path';

export const BUILTIN_NAMES = ['now', 'today', 'uuid', 'runId', 'scenarioId'] as const;
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string; readonly path?: ParsedPath; readonly source: string }
  | {
      readonly kind: 'builtin';
      readonly name: BuiltinName;
      readonly offsetMs: number;
      readonly source: string;
    };

export type ParsedTemplate =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly error: string };

/** What built-ins read. The runner passes its clock's `now` and its ids; tests pass fixed values. */
export interface TemplateEnv {
  /** Milliseconds since the epoch on the run's clock (default `Date.now`). */
  readonly now?: () => number;
  readonly uuid?: () => string;
  readonly runId?: string;
  readonly scenarioId?: string;
}

export type TemplateErrorCode =
  | 'template.syntax'
  | 'template.undefinedVariable'
  | 'template.missingPath'
  | 'template.notScalar'
  | 'template.unavailable';

export interface TemplateError {
  readonly code: TemplateErrorCode;
  readonly message: string;
}

export type TemplateResult<T = JsonValue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly TemplateError[] };

const VAR_NAME = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s;
const DATE_EXPR = /^(now|today)\s*(?:([+-])\s*(\S+))?$/;

function parseExpression(expr: string): TemplatePart | string {
  const source = `\${${expr}}`;
  const text = expr.trim();
  const date = DATE_EXPR.exec(text);
  if (date) {
    const name = date[1] as 'now' | 'today';
    if (!date[2]) return { kind: 'builtin', name, offsetMs: 0, source };
    const d = parseDuration(date[3]);
    if (!d.ok) return `${source}: bad offset ${JSON.stringify(date[3])} (use P30D, PT1H, 2h, 1d…)`;
    return { kind: 'builtin', name, offsetMs: date[2] === '-' ? -d.ms : d.ms, source };
  }
  if (text === 'uuid' || text === 'runId' || text === 'scenarioId') {
    return { kind: 'builtin', name: text, offsetMs: 0, source };
  }
  const v = VAR_NAME.exec(text);
  if (!v) return `${source}: expected a variable name, now, today, uuid, runId or scenarioId`;
  const [, name = '', rest = ''] = v;
  if (rest === '') return { kind: 'var', name, source };
  if (!rest.startsWith('.') && !rest.startsWith('[')) return `${source}: unexpected ${JSON.stringify(rest)}`;
  const path = parsePath(`$${rest}`);
  if (!path.ok) return `${source}: ${path.error}`;
  return { kind: 'var', name, path, source };
}

/** Splits a string into text and expressions; the first syntax error, if any. */
export function parseTemplate(input: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let text = '';
  let pos = 0;
  while (pos < input.length) {
    if (input.startsWith('$${', pos)) {
      text += '${';
      pos += 3;
    } else if (input.startsWith('${', pos)) {
      const end = input.indexOf('}', pos + 2);
      if (end < 0)
        return { ok: false, error: `unterminated \${ at offset ${pos} (write $\${ for a literal)` };
      const part = parseExpression(input.slice(pos + 2, end));
      if (typeof part === 'string') return { ok: false, error: part };
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push(part);
      pos = end + 1;
    } else {
      text += input[pos];
      pos += 1;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return { ok: true, parts };
}

function builtin(part: TemplatePart & { kind: 'builtin' }, env: TemplateEnv): TemplateResult<string> {
  if (part.name === 'uuid') return { ok: true, value: (env.uuid ?? randomUUID)() };
  if (part.name === 'runId' || part.name === 'scenarioId') {
    const value = env[part.name];
    if (value === undefined) {
      return {
        ok: false,
        errors: [{ code: 'template.unavailable', message: `${part.source}: not set by the runner` }],
      };
    }
    return { ok: true, value };
  }
  const iso = new Date((env.now ?? Date.now)() + part.offsetMs).toISOString();
  return { ok: true, value: part.name === 'today' ? iso.slice(0, 10) : iso };
}

function resolvePart(part: TemplatePart, vars: Variables, env: TemplateEnv): TemplateResult {
  if (part.kind === 'text') return { ok: true, value: part.text };
  if (part.kind === 'builtin') return builtin(part, env);
  if (!Object.prototype.hasOwnProperty.call(vars, part.name)) {
    return {
      ok: false,
      errors: [{ code: 'template.undefinedVariable', message: `${part.source}: ${part.name} is not set` }],
    };
  }
  const value = vars[part.name] as JsonValue;
  if (!part.path) return { ok: true, value };
  const selected = selectPath(value, part.path);
  const found =
    selected.ok && !selected.wildcard ? selected.values[0] : selected.ok ? selected.values : undefined;
  if (found === undefined) {
    return {
      ok: false,
      errors: [{ code: 'template.missingPath', message: `${part.source}: no value at that path` }],
    };
  }
  return { ok: true, value: found };
}

/** Renders one string. A string that is exactly one expression yields the expression's own JSON value. */
/**
 * Parsed templates by source text. Scenarios hold a bounded set of template strings, rendered again for
 * every request, poll and matcher: parse each once. Bounded all the same (cleared when full), since
 * rendered values can themselves be rendered.
 */
const parsedTemplates = new Map<string, ParsedTemplate>();
const MAX_PARSED_TEMPLATES = 10_000;

function parsedTemplate(input: string): ParsedTemplate {
  let parsed = parsedTemplates.get(input);
  if (parsed === undefined) {
    parsed = parseTemplate(input);
    if (parsedTemplates.size >= MAX_PARSED_TEMPLATES) parsedTemplates.clear();
    parsedTemplates.set(input, parsed);
  }
  return parsed;
}

export function renderString(input: string, vars: Variables, env: TemplateEnv = {}): TemplateResult {
  // Most strings of a body are plain text: without `${` there is nothing to substitute or unescape.
  if (!input.includes('${')) return { ok: true, value: input };
  const parsed = parsedTemplate(input);
  if (!parsed.ok) return { ok: false, errors: [{ code: 'template.syntax', message: parsed.error }] };
  const [only] = parsed.parts;
  if (parsed.parts.length === 1 && only && only.kind !== 'text') return resolvePart(only, vars, env);
  let out = '';
  const errors: TemplateError[] = [];
  for (const part of parsed.parts) {
    const r = resolvePart(part, vars, env);
    if (!r.ok) errors.push(...r.errors);
    else if (typeof r.value === 'string' || typeof r.value === 'number' || typeof r.value === 'boolean') {
      out += String(r.value);
    } else if (part.kind !== 'text') {
      errors.push({
        code: 'template.notScalar',
        message: `${part.source}: cannot put ${r.value === null ? 'null' : 'an object or array'} inside a string`,
      });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** Renders every string inside `value` (object keys are left alone). Pure but for `${uuid}`/`now`. */
export function renderTemplate(value: JsonValue, vars: Variables, env: TemplateEnv = {}): TemplateResult {
  const errors: TemplateError[] = [];
  const walk = (v: JsonValue): JsonValue => {
    if (typeof v === 'string') {
      const r = renderString(v, vars, env);
      if (r.ok) return r.value;
      errors.push(...r.errors);
      return v;
    }
    if (Array.isArray(v)) return (v as readonly JsonValue[]).map(walk);
    if (isJsonObject(v)) {
      const out: Record<string, JsonValue> = {};
      for (const k of Object.keys(v)) {
        const rendered = walk(v[k] as JsonValue);
        // An own `__proto__` key (JSON allows it) stays a key, as Object.fromEntries would keep it.
        if (k === '__proto__')
          Object.defineProperty(out, k, {
            value: rendered,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else out[k] = rendered;
      }
      return out;
    }
    return v;
  };
  const value2 = walk(value);
  return errors.length ? { ok: false, errors } : { ok: true, value: value2 };
}
