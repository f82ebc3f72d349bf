/**
 * One raw step → a typed `Step`: finds its single kind key, reads the common fields, takes `expect` and
 * `save` from beside or inside the kind block (not both), and hands over to the reader of that kind.
 */
import { isApiVersionId, type ApiVersionId } from '../spec/api-versions';
import type { NormalizeContext } from './normalize-context';
import { defineSaved, toExpectation, toSaveEntries } from './normalize-expectation';
import { toPollStep, toRequestStep, type StepInput } from './normalize-request';
import { toOtherStep } from './normalize-other-steps';
import { has, rawBoolean, rawObject, rawString, rawStrings, type RawObject } from './raw';
import { STEP_COMMON_KEYS } from './scenario-schema';
import { STEP_KINDS, type Step, type StepKind } from './types';
import type { JsonPath } from './yaml-source';

const EXPECTING: readonly StepKind[] = [
  'request',
  'poll',
  'register-hub',
  'unregister-hub',
  'expect-delivery',
  'send-event',
];
const SAVING: readonly StepKind[] = [
  'request',
  'poll',
  'await-notification',
  'register-hub',
  'control',
  'expect-buyer-request',
  'expect-delivery',
];

/**
 * The step's single kind. A step without one whose other keys are unknown has already been reported by
 * the schema check as `scenario.unknownStepKind` (a misspelt kind), so it is not reported again here.
 */
function findKind(ctx: NormalizeContext, path: JsonPath, step: RawObject): StepKind | undefined {
  const kinds = STEP_KINDS.filter((k) => has(step, k));
  const known: readonly string[] = [...STEP_KINDS, ...STEP_COMMON_KEYS];
  if (kinds.length > 1) {
    const [, second = ''] = kinds;
    ctx.report(
      'scenario.stepKind',
      [...path, second],
      `a step has exactly one kind; this one has ${kinds.join(' and ')}: split it into ${kinds.length} steps`,
      'key',
    );
  } else if (kinds.length === 0 && Object.keys(step).every((k) => known.includes(k))) {
    ctx.report('scenario.stepKind', path, `a step needs one kind key: ${STEP_KINDS.join(', ')}`);
  }
  return kinds.length === 1 ? kinds[0] : undefined;
}

/** `expect` or `save`, from beside the kind key or inside its block. */
function sibling(
  ctx: NormalizeContext,
  path: JsonPath,
  kind: StepKind,
  step: RawObject,
  block: RawObject,
  key: 'expect' | 'save',
): { at: JsonPath; raw: unknown } {
  const outer = has(step, key);
  const inner = has(block, key);
  const allowed = (key === 'expect' ? EXPECTING : SAVING).includes(kind);
  if (outer && !allowed)
    ctx.report('scenario.schema', [...path, key], `a ${kind} step takes no ${key}`, 'key');
  if (outer && inner)
    ctx.report(
      'scenario.ambiguousKey',
      [...path, key],
      `${key} is given both beside and inside ${kind}: keep one`,
      'key',
    );
  return inner
    ? { at: [...path, kind, key], raw: block[key] }
    : { at: [...path, key], raw: outer && allowed ? step[key] : undefined };
}

/** Valid API version ids of an `api:` list; others reported. */
export function versionsOf(ctx: NormalizeContext, path: JsonPath, raw: unknown): ApiVersionId[] | undefined {
  if (raw === undefined) return undefined;
  const out: ApiVersionId[] = [];
  rawStrings(raw).forEach((v, i) => {
    if (isApiVersionId(v)) out.push(v);
    else
      ctx.report(
        'scenario.unknownApiVersion',
        [...path, i],
        `unknown API version "${v}"; use sonata-v11, sonata-v10, cantata-v6 or cantata-v5`,
      );
  });
  return out;
}

export function toStep(
  ctx: NormalizeContext,
  index: number,
  raw: unknown,
  scenarioVersions: readonly ApiVersionId[],
  fixtureBase: string,
): Step | undefined {
  const path: JsonPath = ['steps', index];
  const step = rawObject(raw);
  if (!step) return undefined;
  const kind = findKind(ctx, path, step);
  if (!kind) return undefined;
  const block = rawObject(step[kind]) ?? {};
  const api = versionsOf(ctx, [...path, 'api'], step['api']);
  const name = rawString(step['name']);
  const base = {
    index,
    ...(name !== undefined ? { name } : {}),
    requirements: rawStrings(step['requirements']),
    optional: rawBoolean(step['optional'], false),
    continueOnFailure: rawBoolean(step['continueOnFailure'], false),
    ...(api ? { api } : {}),
    location: ctx.location(path),
  };
  const expect = sibling(ctx, path, kind, step, block, 'expect');
  const save = sibling(ctx, path, kind, step, block, 'save');
  const saveEntries = toSaveEntries(ctx, save.at, save.raw);
  const input: StepInput = {
    base,
    block,
    path: [...path, kind],
    versions: api ? scenarioVersions.filter((v) => api.includes(v)) : scenarioVersions,
    expect: (defaultStatus) => toExpectation(ctx, expect.at, expect.raw, defaultStatus),
    save: saveEntries,
  };
  const result =
    kind === 'request'
      ? toRequestStep(ctx, input, fixtureBase)
      : kind === 'poll'
        ? toPollStep(ctx, input)
        : toOtherStep(ctx, kind, input);
  defineSaved(ctx, save.at, saveEntries);
  return result;
}
