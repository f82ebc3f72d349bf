/**
 * Raw scenario data (schema-checked or not) → `Scenario`, reporting every problem the schema cannot see.
 * Malformed parts are skipped, not fatal, so that one pass reports everything; the loader keeps the
 * scenario only when its file has no problem at all.
 */
import { API_VERSIONS, type ApiVersionId } from '../spec/api-versions';
import { isCapability, ALL_CAPABILITIES, type Capability } from '../capabilities';
import type { NormalizeContext } from './normalize-context';
import { toAssignments } from './normalize-other-steps';
import { toStep, versionsOf } from './normalize-step';
import { rawObject, rawString, rawStrings } from './raw';
import { escapesRoot } from './resolve-fixture';
import { didYouMean } from './suggest';
import { checkRole, sellerOverlay } from './normalize-role';
import type { Scenario, Step } from './types';
import * as path from 'node:path';

function capabilities(
  ctx: NormalizeContext,
  raw: unknown,
  key: 'capabilities' | 'unsupported',
): Capability[] {
  const out: Capability[] = [];
  rawStrings(raw).forEach((c, i) => {
    if (isCapability(c)) out.push(c);
    else {
      const hint = didYouMean(c, ALL_CAPABILITIES) || `; known: ${ALL_CAPABILITIES.join(', ')}`;
      ctx.report('scenario.unknownCapability', [key, i], `unknown capability "${c}"${hint}`);
    }
  });
  return out;
}

function fixtureBase(ctx: NormalizeContext, raw: unknown): string {
  const base = rawString(raw);
  if (base === undefined) return '';
  if (escapesRoot(base)) {
    ctx.report(
      'scenario.fixtureOutsideRoot',
      ['fixtures'],
      `fixtures ${JSON.stringify(base)} leaves the fixture roots: give a folder relative to them, without ..`,
    );
    return '';
  }
  const normal = path.normalize(base);
  return normal === '.' ? '' : normal.replace(/[\\/]+$/, '');
}

export function toScenario(ctx: NormalizeContext): Scenario | undefined {
  const data = rawObject(ctx.source.data);
  if (!data) return undefined;
  const api = versionsOf(ctx, ['api'], data['api']);
  const versions: readonly ApiVersionId[] = api ?? API_VERSIONS;
  const base = fixtureBase(ctx, data['fixtures']);
  const vars = toAssignments(ctx, ['vars'], data['vars']);
  const timeoutMs = data['timeout'] === undefined ? undefined : ctx.duration(['timeout'], data['timeout']);
  const steps: Step[] = [];
  const rawSteps = Array.isArray(data['steps']) ? (data['steps'] as unknown[]) : [];
  rawSteps.forEach((raw, i) => {
    const step = toStep(ctx, i, raw, versions, base);
    if (step) steps.push(step);
  });
  const description = rawString(data['description']);
  const { role, buyerTask } = checkRole(ctx, data, steps);
  const seller = sellerOverlay(ctx, data['seller']);
  return {
    id: rawString(data['id']) ?? '',
    role,
    ...(buyerTask ? { buyerTask } : {}),
    ...(seller ? { seller } : {}),
    title: rawString(data['title']) ?? '',
    ...(description !== undefined ? { description } : {}),
    requirements: rawStrings(data['requirements']),
    capabilities: capabilities(ctx, data['capabilities'], 'capabilities'),
    unsupported: capabilities(ctx, data['unsupported'], 'unsupported'),
    tags: rawStrings(data['tags']),
    ...(api ? { api } : {}),
    fixtures: base,
    vars,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    steps,
    file: ctx.source.file,
    location: ctx.location(['id']),
  };
}
