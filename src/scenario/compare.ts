/** Comparisons behind the matchers: equality (optionally header-lenient) and ordering of numbers and dates. */
import { deepEqual, isSubset, type JsonValue } from './json';

const NUMERIC = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Equality. With `coerce` (header values, which are always strings) a number or boolean expected value
 * also equals its string form: `X-Total-Count: 5` matches the header `"5"`.
 */
export function equalsValue(actual: JsonValue | undefined, expected: JsonValue, coerce: boolean): boolean {
  if (deepEqual(actual, expected)) return true;
  if (!coerce || typeof actual !== 'string') return false;
  if (typeof expected === 'boolean') return actual.trim().toLowerCase() === String(expected);
  return typeof expected === 'number' && NUMERIC.test(actual) && Number(actual) === expected;
}

/** `contains`: substring of a string, element of an array (objects by subset), subset of an object. */
export function containsValue(actual: JsonValue | undefined, expected: JsonValue, coerce: boolean): boolean {
  if (typeof actual === 'string') {
    return (
      (typeof expected === 'string' || (coerce && typeof expected === 'number')) &&
      actual.includes(String(expected))
    );
  }
  if (Array.isArray(actual)) {
    return (actual as readonly JsonValue[]).some(
      (el) => isSubset(el, expected) || equalsValue(el, expected, coerce),
    );
  }
  return (
    actual !== null &&
    typeof actual === 'object' &&
    typeof expected === 'object' &&
    isSubset(actual, expected)
  );
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * actual − expected as a sign, or undefined when the two are not comparable. Numbers compare with
 * numbers (a numeric string counts as a number: headers); ISO 8601 dates with dates, by instant.
 */
export function compareOrder(actual: JsonValue | undefined, expected: number | string): number | undefined {
  const asNumber = (v: JsonValue | undefined): number | undefined =>
    typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : undefined;
  const a = asNumber(actual);
  const e = asNumber(expected);
  if (a !== undefined && e !== undefined) return Math.sign(a - e);
  if (
    typeof actual === 'string' &&
    typeof expected === 'string' &&
    isIsoDate(actual) &&
    isIsoDate(expected)
  ) {
    return Math.sign(Date.parse(actual) - Date.parse(expected));
  }
  return undefined;
}
