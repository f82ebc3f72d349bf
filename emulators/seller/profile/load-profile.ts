import * as fs from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDuration } from '../../../src/util/duration';
import { parseYamlSource, type SourceProblem } from '../../../src/util/yaml-source';
import { readAuthSettings } from './auth-profile';
import { DEFAULT_PROFILE } from './default-profile';
import { PROFILE_SCHEMA } from './profile-schema';
import type { OutcomeRule, SellerProfile, Timings } from './profile-types';

export interface ProfileLoadResult {
  readonly profile?: SellerProfile;
  readonly problems: readonly SourceProblem[];
}

/** Compiled on first use: most runs load no profile, and compiling costs ~40 ms of every start-up. */
let shapeValidator: ValidateFunction | undefined;
function shapeErrors(value: unknown): ErrorObject[] {
  shapeValidator ??= new Ajv({ allErrors: true, strict: false }).compile(PROFILE_SCHEMA);
  return shapeValidator(value) ? [] : (shapeValidator.errors ?? []);
}

type Raw = Record<string, unknown>;

/**
 * Builds a profile from parsed YAML: checks its shape, turns durations into milliseconds and overlays it on
 * the default profile. Every problem is returned with its position; nothing throws for bad input.
 */
export function profileFromValue(
  value: unknown,
  file: string,
  locate: (pointer: string) => { line: number; column: number },
  knownFaults: readonly string[] = [],
): ProfileLoadResult {
  const problems: SourceProblem[] = [];
  const problem = (pointer: string, code: string, message: string) =>
    problems.push({ file, ...locate(pointer), code, message });
  if (value === null || value === undefined) value = {};
  const errors = shapeErrors(value);
  if (errors.length > 0) {
    for (const e of errors) {
      const extra = (e.params as Raw)['additionalProperty'];
      const pointer = typeof extra === 'string' ? `${e.instancePath}/${extra}` : e.instancePath;
      const detail = typeof extra === 'string' ? `unknown field '${extra}'` : (e.message ?? e.keyword);
      problem(pointer, 'profile.schema', `${e.instancePath || '(profile)'}: ${detail}`);
    }
    return { problems: inFileOrder(problems) };
  }
  const raw = value as Raw;
  const durationAt = (pointer: string, input: unknown, fallback: number): number => {
    if (input === undefined) return fallback;
    const parsed = parseDuration(input);
    if (parsed.ok) return parsed.ms;
    problem(pointer, 'profile.badDuration', parsed.error);
    return fallback;
  };
  const timingsRaw = (raw['timings'] ?? {}) as Raw;
  const timings = Object.fromEntries(
    Object.entries(DEFAULT_PROFILE.timings as unknown as Record<string, number>).map(([k, v]) => [
      k,
      durationAt(`/timings/${k}`, timingsRaw[k], v),
    ]),
  ) as unknown as Timings;
  const notificationsRaw = (raw['notifications'] ?? {}) as Raw;
  const faults = (raw['faults'] as string[] | undefined) ?? [];
  faults.forEach((f, i) => {
    if (!knownFaults.includes(f)) problem(`/faults/${i}`, 'profile.unknownFault', `unknown fault '${f}'`);
  });
  const rules = (raw['rules'] as OutcomeRule[] | undefined) ?? [];
  const auth = readAuthSettings(raw, problem, durationAt);
  const profile: SellerProfile = {
    ...DEFAULT_PROFILE,
    ...(raw as Partial<SellerProfile>),
    name: (raw['name'] as string | undefined) ?? file,
    capabilities: {
      ...DEFAULT_PROFILE.capabilities,
      ...((raw['capabilities'] as Raw | undefined) ?? {}),
      authentication: auth.mode !== 'none',
    },
    auth,
    timings,
    rules: raw['replaceRules'] === true ? rules : [...rules, ...DEFAULT_PROFILE.rules],
    charge: { ...DEFAULT_PROFILE.charge, ...((raw['charge'] as Raw | undefined) ?? {}) },
    pagination: { ...DEFAULT_PROFILE.pagination, ...((raw['pagination'] as Raw | undefined) ?? {}) },
    store: { ...DEFAULT_PROFILE.store, ...((raw['store'] as Raw | undefined) ?? {}) },
    notifications: {
      ...DEFAULT_PROFILE.notifications,
      ...notificationsRaw,
      backoff: durationAt(
        '/notifications/backoff',
        notificationsRaw['backoff'],
        DEFAULT_PROFILE.notifications.backoff,
      ),
    },
    faults,
  };
  delete (profile as unknown as Raw)['extends'];
  delete (profile as unknown as Raw)['replaceRules'];
  return problems.length > 0 ? { problems: inFileOrder(problems) } : { profile, problems };
}

/** Problems as a reader meets them: by line, then column (ajv reports in schema order). */
function inFileOrder(problems: readonly SourceProblem[]): SourceProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Reads a profile file; a missing file, bad YAML or a bad field comes back as located problems. */
export function loadProfileFile(file: string, knownFaults: readonly string[] = []): ProfileLoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(err);
    return { problems: [{ file, line: 1, column: 1, code: 'profile.unreadable', message: reason }] };
  }
  const source = parseYamlSource(file, text);
  if (source.problems.length > 0) return { problems: source.problems };
  return profileFromValue(source.value, file, (pointer) => source.locate(pointer), knownFaults);
}
