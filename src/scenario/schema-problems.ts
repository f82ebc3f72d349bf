/**
 * Validates scenario data against SCENARIO_SCHEMA and turns ajv's errors into positioned problems with
 * messages written for scenario authors (the key, what was expected, a likely correction).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isJsonObject, jsonTypeOf, type JsonValue } from './json';
import type { Problem, ProblemCode } from './problem';
import { SCENARIO_SCHEMA, STEP_COMMON_KEYS } from './scenario-schema';
import { didYouMean } from './suggest';
import { STEP_KINDS } from './types';
import type { JsonPath, YamlSource } from './yaml-source';

/** Compiled once per load: ajv with every error collected and the schema node kept for messages. */
export function createScenarioValidator(): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    allowUnionTypes: true,
    // Compiled at every start-up: without ajv's optimisation pass it compiles in about half the time,
    // and a few hundred scenarios do not notice the slower validation.
    code: { optimize: false },
  });
  return ajv.compile(SCENARIO_SCHEMA);
}

/** An ajv instance path (JSON Pointer) as a path into the scenario. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `steps[2].request.op`, or `the scenario` for the root. */
export function displayPath(path: JsonPath): string {
  if (path.length === 0) return 'the scenario';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** A step mapping that names none of the step kinds (its unknown keys are then read as misspelt kinds). */
export function stepHasNoKind(step: unknown): boolean {
  return isJsonObject(step) && !Object.keys(step).some((k) => (STEP_KINDS as readonly string[]).includes(k));
}

const typeName = (t: unknown): string => (Array.isArray(t) ? t.join(' or ') : String(t));
const actualType = (v: unknown): string =>
  typeof v === 'number' && !Number.isFinite(v) ? 'an infinite number' : jsonTypeOf(v as JsonValue);

function describe(
  e: ErrorObject,
  path: JsonPath,
  data: unknown,
): { code: ProblemCode; message: string; at: JsonPath; key: boolean } {
  const where = displayPath(path);
  const params = e.params as Record<string, unknown>;
  const schema = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  switch (e.keyword) {
    case 'required':
      return {
        code: 'scenario.schema',
        message: `${where} needs the key "${String(params['missingProperty'])}"`,
        at: path,
        key: false,
      };
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(schema?.properties ?? {});
      const isStep = path.length === 2 && path[0] === 'steps';
      if (isStep && stepHasNoKind(data)) {
        const kinds = STEP_KINDS.join(', ');
        return {
          code: 'scenario.unknownStepKind',
          message: `unknown step kind "${key}"${didYouMean(key, STEP_KINDS)} (kinds: ${kinds})`,
          at: [...path, key],
          key: true,
        };
      }
      const candidates = isStep ? [...STEP_COMMON_KEYS, ...STEP_KINDS] : allowed;
      const hint = didYouMean(key, candidates) || `; allowed: ${candidates.join(', ')}`;
      return {
        code: 'scenario.schema',
        message: `unknown key "${key}" in ${where}${hint}`,
        at: [...path, key],
        key: true,
      };
    }
    case 'type':
      return {
        code: 'scenario.schema',
        message: `${where} must be ${typeName(params['type'])}, not ${actualType(e.data)}`,
        at: path,
        key: false,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      return {
        code: 'scenario.schema',
        message: `${where} must be one of: ${allowed.join(', ')}${didYouMean(String(e.data), allowed)}`,
        at: path,
        key: false,
      };
    }
    case 'pattern':
      if (e.propertyName !== undefined) {
        return {
          code: 'scenario.schema',
          message: `"${e.propertyName}" in ${where} is not a valid variable name (letters, digits, _; not starting with a digit or __)`,
          at: [...path, e.propertyName],
          key: true,
        };
      }
      return {
        code: 'scenario.schema',
        message: `${where} ${JSON.stringify(e.data)} must match ${String(params['pattern'])}`,
        at: path,
        key: false,
      };
    default:
      return { code: 'scenario.schema', message: `${where} ${e.message ?? e.keyword}`, at: path, key: false };
  }
}

/** Every schema problem of one file, positioned through the YAML source. */
export function schemaProblems(source: YamlSource, validate: ValidateFunction): Problem[] {
  if (validate(source.data)) return [];
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of validate.errors ?? []) {
    // `if`/`propertyNames` only wrap the errors that say what is wrong; those are reported instead.
    if (e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const path = pointerToPath(e.instancePath);
    const d = describe(e, path, e.data);
    const pos = source.locate(d.at, d.key ? 'key' : 'value');
    const problem: Problem = {
      file: source.file,
      line: pos.line,
      column: pos.column,
      code: d.code,
      message: d.message,
    };
    const id = `${problem.line}:${problem.column}:${problem.code}:${problem.message}`;
    if (!seen.has(id)) out.push(problem);
    seen.add(id);
  }
  return out;
}
