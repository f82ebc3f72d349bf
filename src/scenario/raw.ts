/**
 * Defensive readers over parsed YAML. The schema has already reported wrong shapes; these readers skip
 * what is malformed so that normalisation can go on and report every other problem too.
 */
import { isJsonObject, isJsonValue, type JsonObject, type JsonValue } from './json';

export type RawObject = Readonly<Record<string, unknown>>;

export function rawObject(value: unknown): RawObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as RawObject)
    : undefined;
}

export function rawString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A `count:` of an await step: a positive integer, else 1. */
export function rawCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1;
}

export function rawBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** A string or a list of strings, as a list; other entries dropped. */
export function rawStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function rawJson(value: unknown): JsonValue | undefined {
  return isJsonValue(value) ? value : undefined;
}

export function rawJsonObject(value: unknown): JsonObject {
  return isJsonObject(value) && isJsonValue(value) ? value : {};
}

export function has(object: RawObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
