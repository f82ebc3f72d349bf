/**
 * What normalising one scenario file shares: the YAML source (for positions), the problems found so
 * far, the variables defined so far (steps are read in order), the spec facts and the fixture resolver.
 */
import type { ApiVersionId } from '../spec/api-versions';
import type { OperationInfo } from '../spec/operations';
import { parseDuration } from '../util/duration';
import { isJsonObject } from './json';
import type { Problem, ProblemCode } from './problem';
import type { FixtureResolver } from './resolve-fixture';
import { didYouMean } from './suggest';
import { BUILTIN_NAMES, parseTemplate } from './template';
import type { SourceLocation } from './types';
import type { JsonPath, YamlSource } from './yaml-source';

/** What the loader needs from the spec of one API version (an `ApiSpec` from `loadApiSpec` fits). */
export interface SpecFacts {
  readonly management: { readonly operations: ReadonlyMap<string, OperationInfo> };
  readonly eventTypes: readonly string[];
}

export interface NormalizeContext {
  readonly source: YamlSource;
  readonly specs: ReadonlyMap<ApiVersionId, SpecFacts>;
  readonly fixtures: FixtureResolver;
  readonly problems: Problem[];
  report(code: ProblemCode, path: JsonPath, message: string, at?: 'key' | 'value'): void;
  location(path: JsonPath, at?: 'key' | 'value'): SourceLocation;
  /** Milliseconds, or undefined after reporting `scenario.badDuration` (absent: left to the schema). */
  duration(path: JsonPath, value: unknown): number | undefined;
  /** Checks every string inside `value` for template syntax and variables not yet defined. */
  templates(
    path: JsonPath,
    value: unknown,
    options?: { readonly whole?: boolean; readonly label?: string },
  ): void;
  /** Defines a variable for the steps that follow (reports reserved names). */
  define(path: JsonPath, name: string): void;
}

export function createNormalizeContext(
  source: YamlSource,
  specs: ReadonlyMap<ApiVersionId, SpecFacts>,
  fixtures: FixtureResolver,
): NormalizeContext {
  const problems: Problem[] = [];
  const defined = new Set<string>();
  const location = (path: JsonPath, at: 'key' | 'value' = 'value'): SourceLocation => ({
    file: source.file,
    ...source.locate(path, at),
  });
  const report: NormalizeContext['report'] = (code, path, message, at = 'value') => {
    const loc = location(path, at);
    problems.push({ file: loc.file, line: loc.line, column: loc.column, code, message });
  };

  const checkString = (path: JsonPath, text: string, label: string): void => {
    const parsed = parseTemplate(text);
    if (!parsed.ok) return report('scenario.badTemplate', path, `${label}${parsed.error}`);
    for (const part of parsed.parts) {
      if (part.kind !== 'var' || defined.has(part.name)) continue;
      const hint = didYouMean(part.name, [...defined, ...BUILTIN_NAMES]);
      report(
        'scenario.undefinedVariable',
        path,
        `${label}${part.source}: ${part.name} is not defined before this point (save or set it in an earlier step, or declare it under vars)${hint}`,
      );
    }
  };
  const templates: NormalizeContext['templates'] = (path, value, options = {}) => {
    const label = options.label ? `${options.label}: ` : '';
    const walk = (p: JsonPath, v: unknown): void => {
      if (typeof v === 'string') checkString(options.whole ? path : p, v, label);
      else if (Array.isArray(v)) v.forEach((item, i) => walk([...p, i], item));
      else if (isJsonObject(v)) for (const [k, item] of Object.entries(v)) walk([...p, k], item);
    };
    walk(path, value);
  };

  return {
    source,
    specs,
    fixtures,
    problems,
    report,
    location,
    templates,
    duration(path, value) {
      if (value === undefined) return undefined;
      const unit = 'write a number with a unit (250ms, 30s, 5m, 2h, 1d) or ISO 8601 (PT5M)';
      if (typeof value !== 'string') {
        const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
        report('scenario.badDuration', path, `${shown} has no unit: ${unit}`);
        return undefined;
      }
      const d = parseDuration(value);
      if (!d.ok) report('scenario.badDuration', path, `${JSON.stringify(value)} is not a duration: ${unit}`);
      else if (d.ms <= 0)
        report('scenario.badDuration', path, `${JSON.stringify(value)} must be longer than zero`);
      return d.ok && d.ms > 0 ? d.ms : undefined;
    },
    define(path, name) {
      if ((BUILTIN_NAMES as readonly string[]).includes(name)) {
        report(
          'scenario.reservedVariable',
          path,
          `"${name}" is a built-in template name; choose another variable name`,
          'key',
        );
        return;
      }
      defined.add(name);
    },
  };
}
