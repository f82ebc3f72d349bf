/** The steps other than `request` and `poll`: notifications, hubs, emulator control, prompts, sleep, set. */
import type { ApiVersionId } from '../spec/api-versions';
import { checkEventTypes, checkHubQuery } from './check-spec-references';
import { toBuyerStep } from './normalize-buyer-steps';
import type { NormalizeContext } from './normalize-context';
import { toMatcherEntries } from './normalize-matchers';
import type { StepInput } from './normalize-request';
import { rawCount, rawJson, rawJsonObject, rawObject, rawString } from './raw';
import {
  CONTROL_ACTIONS,
  type ControlAction,
  type Step,
  type StepKind,
  type VariableAssignment,
} from './types';
import type { JsonPath } from './yaml-source';

function successOf(ctx: NormalizeContext, versions: readonly ApiVersionId[], operationId: string): number[] {
  const op = versions.map((v) => ctx.specs.get(v)?.management.operations.get(operationId)).find(Boolean);
  return op ? [op.successStatus] : [];
}

/** `set:` entries and scenario `vars:` read alike: in order, each may use the ones before it. */
export function toAssignments(ctx: NormalizeContext, path: JsonPath, raw: unknown): VariableAssignment[] {
  const out: VariableAssignment[] = [];
  for (const [name, value] of Object.entries(rawObject(raw) ?? {})) {
    const at = [...path, name];
    const json = rawJson(value);
    ctx.templates(at, json);
    if (json !== undefined) out.push({ var: name, value: json, location: ctx.location(at, 'key') });
    ctx.define(at, name);
  }
  return out;
}

/** `order`, `item`, `charge`, `task` of a control step: ids, usually templates. */
function targetIds(
  ctx: NormalizeContext,
  path: JsonPath,
  block: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['order', 'item', 'charge', 'task']) {
    const value = rawString(block[key]);
    if (value === undefined) continue;
    ctx.templates([...path, key], value);
    out[key] = value;
  }
  return out;
}

export function toOtherStep(
  ctx: NormalizeContext,
  kind: Exclude<StepKind, 'request' | 'poll'>,
  input: StepInput,
): Step {
  const { base, block, path, versions } = input;
  const within = (): number => ctx.duration([...path, 'within'], block['within']) ?? 0;
  switch (kind) {
    case 'await-notification':
      return {
        ...base,
        kind,
        types: checkEventTypes(ctx, [...path, 'type'], block['type'], versions),
        where: toMatcherEntries(ctx, [...path, 'where'], block['where']),
        withinMs: within(),
        count: rawCount(block['count']),
        save: input.save,
      };
    case 'expect-no-notification':
      return {
        ...base,
        kind,
        types: checkEventTypes(ctx, [...path, 'type'], block['type'], versions),
        where: toMatcherEntries(ctx, [...path, 'where'], block['where']),
        withinMs: within(),
      };
    case 'register-hub': {
      const query = rawString(block['query']);
      if (query !== undefined) {
        ctx.templates([...path, 'query'], query);
        checkHubQuery(ctx, [...path, 'query'], query, versions);
      }
      const callback = rawString(block['callback']) ?? 'listener';
      ctx.templates([...path, 'callback'], callback);
      const expect = input.expect(successOf(ctx, versions, 'registerListener'));
      return { ...base, kind, ...(query !== undefined ? { query } : {}), callback, expect, save: input.save };
    }
    case 'unregister-hub': {
      const id = rawString(block['id']) ?? '';
      ctx.templates([...path, 'id'], id);
      return { ...base, kind, id, expect: input.expect(successOf(ctx, versions, 'unregisterListener')) };
    }
    case 'control': {
      const action = rawString(block['action']);
      const ids = targetIds(ctx, path, block);
      const args = rawJsonObject(block['args']);
      ctx.templates([...path, 'args'], args);
      const known = (CONTROL_ACTIONS as readonly string[]).includes(action ?? '');
      return {
        ...base,
        kind,
        action: (known ? action : 'advance') as ControlAction,
        ...ids,
        args,
        save: input.save,
      };
    }
    case 'prompt': {
      const message = rawString(block['message']) ?? '';
      ctx.templates([...path, 'message'], message);
      const timeoutMs =
        block['timeout'] === undefined ? undefined : ctx.duration([...path, 'timeout'], block['timeout']);
      return { ...base, kind, message, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
    }
    case 'sleep':
      return { ...base, kind, durationMs: ctx.duration([...path, 'for'], block['for']) ?? 0 };
    case 'set':
      return { ...base, kind, values: toAssignments(ctx, path, block) };
    case 'expect-buyer-request':
    case 'expect-delivery':
    case 'send-event':
      return toBuyerStep(ctx, kind, input);
  }
}
