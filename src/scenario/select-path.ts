/**
 * The selector language of matchers, `save` and `${var.path}`: a small JSONPath subset, parsed by hand
 * (never evaluated). `$` is the root; `.key` or `['key']` a member; `[2]` an element (`[-1]` the last);
 * `[*]` every element of an array. A leading `$.` is optional: `state` ≡ `$.state`.
 */
import { isJsonObject, type JsonValue } from './json';

export type PathSegment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

export type ParsedPath =
  | { readonly ok: true; readonly segments: readonly PathSegment[]; readonly wildcard: boolean }
  | { readonly ok: false; readonly error: string };

/** A definite path selects 0 (missing) or 1 value; a `[*]` path selects every value it reaches. */
export type PathSelection =
  | { readonly ok: true; readonly wildcard: boolean; readonly values: readonly JsonValue[] }
  | { readonly ok: false; readonly error: string };

const BARE_KEY = /[^.[\]\s]+/y;
const BRACKET = /\[(?:(-?\d+)|(\*)|'([^']*)'|"([^"]*)")\]/y;

export function parsePath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  const fail = (why: string): ParsedPath => ({
    ok: false,
    error: `bad path ${JSON.stringify(path)}: ${why}`,
  });
  let pos = 0;
  if (path.startsWith('$')) pos = 1;
  let first = true;
  while (pos < path.length) {
    const ch = path[pos];
    if (ch === '[') {
      BRACKET.lastIndex = pos;
      const m = BRACKET.exec(path);
      if (!m) return fail(`expected [n], [*], ['key'] at offset ${pos}`);
      if (m[1] !== undefined) segments.push({ kind: 'index', index: Number(m[1]) });
      else if (m[2] !== undefined) segments.push({ kind: 'wildcard' });
      else segments.push({ kind: 'key', key: m[3] ?? m[4] ?? '' });
      pos = BRACKET.lastIndex;
    } else {
      if (ch === '.') pos += 1;
      else if (!(first && pos === 0)) return fail(`expected . or [ at offset ${pos}`);
      BARE_KEY.lastIndex = pos;
      const m = BARE_KEY.exec(path);
      if (!m) return fail(`expected a key at offset ${pos}`);
      if (m[0] === '*') return fail('use [*] for every element');
      segments.push({ kind: 'key', key: m[0] });
      pos = BARE_KEY.lastIndex;
    }
    first = false;
  }
  if (path === '') return fail('empty (use $ for the whole value)');
  return { ok: true, segments, wildcard: segments.some((s) => s.kind === 'wildcard') };
}

function step(value: JsonValue, segment: PathSegment, out: JsonValue[]): void {
  if (segment.kind === 'key') {
    if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, segment.key)) {
      out.push(value[segment.key] as JsonValue);
    }
  } else if (Array.isArray(value)) {
    const list = value as readonly JsonValue[];
    if (segment.kind === 'wildcard') out.push(...list);
    else {
      const i = segment.index < 0 ? list.length + segment.index : segment.index;
      if (i >= 0 && i < list.length) out.push(list[i] as JsonValue);
    }
  }
}

/** Selects what `path` reaches in `value`; `undefined` (no value at all) selects nothing. */
export function selectPath(value: JsonValue | undefined, path: string | ParsedPath): PathSelection {
  const parsed = typeof path === 'string' ? parsePath(path) : path;
  if (!parsed.ok) return parsed;
  let current: JsonValue[] = value === undefined ? [] : [value];
  for (const segment of parsed.segments) {
    const next: JsonValue[] = [];
    for (const v of current) step(v, segment, next);
    current = next;
  }
  return { ok: true, wildcard: parsed.wildcard, values: current };
}

/** The single value a definite path reaches, or undefined (also for bad or wildcard paths). */
export function selectOne(value: JsonValue | undefined, path: string): JsonValue | undefined {
  const s = selectPath(value, path);
  return s.ok && !s.wildcard ? s.values[0] : undefined;
}
