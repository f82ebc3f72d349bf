/**
 * Loads scenario files: find → parse YAML (positions kept) → schema → normalise and check against the
 * spec, fixtures and variables → duplicate ids across files. Every problem of every file is collected and
 * returned as data; bad input never throws. Only files without any problem yield a scenario.
 */
import * as fs from 'node:fs';
import { loadApiFacts } from '../spec/api-spec';
import { API_VERSIONS, isApiVersionId, type ApiVersionId } from '../spec/api-versions';
import { findScenarioFiles } from './find-scenario-files';
import { createNormalizeContext, type SpecFacts } from './normalize-context';
import { toScenario } from './normalize-scenario';
import { sortProblems, type Problem } from './problem';
import { createFixtureResolver } from './resolve-fixture';
import { createScenarioValidator, schemaProblems } from './schema-problems';
import type { Scenario } from './types';
import { parseYamlSource, type YamlSource } from './yaml-source';

export interface LoadOptions {
  /** Folders `$fixture` paths are resolved in, first match wins. */
  readonly fixtureRoots: readonly string[];
  /** Spec facts of one API version; default `loadApiFacts` (parsed and indexed, nothing compiled). */
  readonly loadSpec?: (id: ApiVersionId) => Promise<SpecFacts>;
}

export interface LoadResult {
  /** Valid scenarios, in file order. */
  readonly scenarios: readonly Scenario[];
  /** Every problem, sorted by file, line, column. Non-empty means: bad input (exit code 2). */
  readonly problems: readonly Problem[];
  /** The scenario files that were read, in order. */
  readonly files: readonly string[];
}

function targetedVersions(sources: readonly YamlSource[]): ApiVersionId[] {
  const wanted = new Set<ApiVersionId>();
  for (const source of sources) {
    const api = (source.data as { api?: unknown } | null)?.api;
    const listed = Array.isArray(api)
      ? api.filter((v): v is ApiVersionId => typeof v === 'string' && isApiVersionId(v))
      : [];
    for (const v of listed.length ? listed : API_VERSIONS) wanted.add(v);
  }
  return API_VERSIONS.filter((v) => wanted.has(v));
}

async function loadSpecs(
  versions: readonly ApiVersionId[],
  load: LoadOptions['loadSpec'],
): Promise<Map<ApiVersionId, SpecFacts>> {
  const loader = load ?? ((id: ApiVersionId) => Promise.resolve(loadApiFacts(id)));
  const specs = await Promise.all(versions.map((v) => loader(v)));
  return new Map(versions.map((v, i) => [v, specs[i] as SpecFacts]));
}

export async function loadScenarioFiles(
  pathsOrDirs: readonly string[],
  opts: LoadOptions,
): Promise<LoadResult> {
  const { files, problems } = findScenarioFiles(pathsOrDirs);
  const sources: YamlSource[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ file, line: 1, column: 1, code: 'file.unreadable', message: (e as Error).message });
      continue;
    }
    const parsed = parseYamlSource(file, text);
    problems.push(...parsed.problems);
    if (parsed.source) sources.push(parsed.source);
  }

  const specs = await loadSpecs(targetedVersions(sources), opts.loadSpec);
  const validate = createScenarioValidator();
  const fixtures = createFixtureResolver(opts.fixtureRoots);
  const scenarios: Scenario[] = [];
  const firstById = new Map<string, Scenario>();
  for (const source of sources) {
    const ctx = createNormalizeContext(source, specs, fixtures);
    const fileProblems = [...schemaProblems(source, validate)];
    const scenario = toScenario(ctx);
    fileProblems.push(...ctx.problems);
    const first = scenario?.id ? firstById.get(scenario.id) : undefined;
    if (scenario && first) {
      const { file, line, column } = scenario.location;
      const where = `${first.location.file}:${first.location.line}:${first.location.column}`;
      fileProblems.push({
        file,
        line,
        column,
        code: 'scenario.duplicateId',
        message: `id "${scenario.id}" is already used by ${where}`,
      });
    } else if (scenario?.id) firstById.set(scenario.id, scenario);
    problems.push(...fileProblems);
    if (scenario && fileProblems.length === 0) scenarios.push(scenario);
  }
  return { scenarios, problems: sortProblems(problems, files), files };
}
