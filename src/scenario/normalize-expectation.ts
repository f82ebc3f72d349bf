/** Raw `expect:` and `save:` blocks → `Expectation` and `SaveEntry[]`, with defaults filled in. */
import type { Expectation } from './expectation-types';
import type { NormalizeContext } from './normalize-context';
import { toMatcher, toMatcherEntries } from './normalize-matchers';
import { rawBoolean, rawObject, rawStrings } from './raw';
import { parsePath } from './select-path';
import type { SaveEntry } from './types';
import type { JsonPath } from './yaml-source';

function statuses(raw: unknown): number[] | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw)) return [raw];
  if (!Array.isArray(raw)) return undefined;
  const list = raw.filter((s): s is number => typeof s === 'number' && Number.isInteger(s));
  return list.length > 0 ? list : undefined;
}

/** `defaultStatus`: the operation's documented success status (used when `status` is absent). */
export function toExpectation(
  ctx: NormalizeContext,
  path: JsonPath,
  raw: unknown,
  defaultStatus: readonly number[],
): Expectation {
  const object = rawObject(raw) ?? {};
  const errorCode = rawStrings(object['errorCode']);
  const rawCount = object['count'];
  const count = rawCount === undefined ? undefined : toMatcher(ctx, [...path, 'count'], rawCount);
  return {
    status: statuses(object['status']) ?? defaultStatus,
    schema: rawBoolean(object['schema'], true),
    body: toMatcherEntries(ctx, [...path, 'body'], object['body']),
    headers: toMatcherEntries(ctx, [...path, 'headers'], object['headers'], true),
    ...(errorCode.length > 0 ? { errorCode } : {}),
    echo: rawBoolean(object['echo'], false),
    ...(count ? { count } : {}),
  };
}

/**
 * Reads `save:`. The variables are defined only once the whole step is read (`ctx.define` by the
 * caller), so that a step cannot use what it saves itself.
 */
export function toSaveEntries(ctx: NormalizeContext, path: JsonPath, raw: unknown): SaveEntry[] {
  const object = rawObject(raw);
  if (!object) return [];
  const entries: SaveEntry[] = [];
  for (const [name, value] of Object.entries(object)) {
    const at = [...path, name];
    const location = ctx.location(at, 'key');
    const header = rawObject(value)?.['header'];
    if (typeof header === 'string') {
      entries.push({ var: name, from: 'header', header, location });
    } else if (typeof value === 'string') {
      const parsed = parsePath(value);
      if (!parsed.ok) ctx.report('scenario.badPath', at, parsed.error);
      else entries.push({ var: name, from: 'body', path: value, location });
    }
  }
  return entries;
}

/** Defines the variables a step saved, for the steps after it. */
export function defineSaved(ctx: NormalizeContext, path: JsonPath, entries: readonly SaveEntry[]): void {
  for (const e of entries) ctx.define([...path, e.var], e.var);
}
