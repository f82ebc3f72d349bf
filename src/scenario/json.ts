/** JSON values as scenarios carry them (YAML is parsed to plain JSON data, never to code). */
export type JsonScalar = string | number | boolean | null;
export type JsonValue = JsonScalar | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** Variables visible to templates and matchers at some point of a run: name → JSON value. */
export type Variables = Readonly<Record<string, JsonValue>>;

/** `Array.isArray` that keeps the element type (it narrows readonly arrays to `any[]`). */
export function isJsonArray(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows `unknown` data (parsed YAML/JSON) to a JSON value; `undefined`, functions, etc. are not. */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (isJsonObject(value)) return Object.values(value).every(isJsonValue);
  return false;
}

/** Structural equality of JSON values (object key order ignored). */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (isJsonArray(a) || isJsonArray(b)) {
    if (!isJsonArray(a) || !isJsonArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** `expected` is part of `actual`: objects by subset of keys (recursively), everything else by equality. */
export function isSubset(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return false;
    return Object.entries(expected).every(([k, v]) => k in actual && isSubset(actual[k], v));
  }
  return deepEqual(actual, expected);
}

/** A short, single-line rendering of a value for messages. */
export function preview(value: JsonValue | undefined, max = 80): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function jsonTypeOf(value: JsonValue | undefined): JsonTypeName | 'missing' {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}

export const JSON_TYPE_NAMES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export type JsonTypeName = (typeof JSON_TYPE_NAMES)[number];
