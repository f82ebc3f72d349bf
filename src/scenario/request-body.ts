/**
 * Builds the JSON a request step sends: the inline value, or the fixture edited by `merge` (RFC 7386
 * JSON Merge Patch), then `set`, then `remove`; templates are rendered last, over the result.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue, type Variables } from './json';
import { parsePath, type PathSegment } from './select-path';
import { renderTemplate, type TemplateEnv, type TemplateResult } from './template';
import type { RequestBody } from './types';

/** RFC 7386: objects merge key by key, `null` deletes a key, anything else (arrays too) replaces. */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, JsonValue> = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

function indexIn(list: readonly JsonValue[], index: number): number {
  return index < 0 ? list.length + index : index;
}

function setAt(value: JsonValue | undefined, segs: readonly PathSegment[], newValue: JsonValue): JsonValue {
  const [seg, ...rest] = segs;
  if (!seg) return newValue;
  if (seg.kind === 'key') {
    const obj: JsonObject = isJsonObject(value) ? value : {};
    return { ...obj, [seg.key]: setAt(obj[seg.key], rest, newValue) };
  }
  const list: JsonValue[] = Array.isArray(value) ? [...(value as readonly JsonValue[])] : [];
  if (seg.kind === 'wildcard') return list.map((v) => setAt(v, rest, newValue));
  const i = indexIn(list, seg.index);
  if (i < 0) return list;
  while (list.length < i) list.push(null);
  list[i] = setAt(list[i], rest, newValue);
  return list;
}

function removeAt(value: JsonValue, segs: readonly PathSegment[]): JsonValue {
  const [seg, ...rest] = segs;
  if (!seg) return value;
  if (seg.kind === 'key') {
    if (!isJsonObject(value) || !Object.prototype.hasOwnProperty.call(value, seg.key)) return value;
    const copy: Record<string, JsonValue> = { ...value };
    if (rest.length === 0) delete copy[seg.key];
    else copy[seg.key] = removeAt(copy[seg.key] as JsonValue, rest);
    return copy;
  }
  if (!isJsonArray(value)) return value;
  const list = value;
  if (seg.kind === 'wildcard') return rest.length === 0 ? [] : list.map((v) => removeAt(v, rest));
  const i = indexIn(list, seg.index);
  if (i < 0 || i >= list.length) return value;
  if (rest.length === 0) return list.filter((_, j) => j !== i);
  return list.map((v, j) => (j === i ? removeAt(v, rest) : v));
}

/** Sets `path` (select-path.ts syntax) in a copy of `value`, creating objects and arrays on the way. */
export function setPath(value: JsonValue | undefined, path: string, newValue: JsonValue): JsonValue {
  const parsed = parsePath(path);
  return parsed.ok ? setAt(value, parsed.segments, newValue) : (value ?? null);
}

/** Removes what `path` reaches from a copy of `value` (array elements are spliced out). */
export function removePath(value: JsonValue, path: string): JsonValue {
  const parsed = parsePath(path);
  return parsed.ok ? removeAt(value, parsed.segments) : value;
}

/** The body to send for a request step, or the template errors that prevent it. */
export function buildRequestBody(body: RequestBody, vars: Variables, env: TemplateEnv = {}): TemplateResult {
  if (body.kind === 'inline') return renderTemplate(body.value, vars, env);
  let value: JsonValue = body.merge === undefined ? body.content : applyMergePatch(body.content, body.merge);
  for (const { path, value: v } of body.set) value = setPath(value, path, v);
  for (const path of body.remove) value = removePath(value, path);
  return renderTemplate(value, vars, env);
}
