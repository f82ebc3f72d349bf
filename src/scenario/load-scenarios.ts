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

/** The versions a file is checked against: its `api` list, else all of them. */
function targetedVersions(source: YamlSource): ApiVersionId[] {
  const api = (source.data as { api?: unknown } | null)?.api;
  const listed = Array.isArray(api)
    ? api.filter((v): v is ApiVersionId => typeof v === 'string' && isApiVersionId(v))
    : [];
  return listed.length ? listed : [...API_VERSIONS];
}

/**
 * Spec facts by version, loaded at first need. The map a file is checked with holds every version
 * loaded so far, as it held every version any file of the load targets when files were normalised
 * only after all were parsed.
 */
function specLoader(load: LoadOptions['loadSpec']) {
  const loader = load ?? ((id: ApiVersionId) => Promise.resolve(loadApiFacts(id)));
  const specs = new Map<ApiVersionId, SpecFacts>();
  return async (versions: readonly ApiVersionId[]): Promise<ReadonlyMap<ApiVersionId, SpecFacts>> => {
    const missing = versions.filter((v) => !specs.has(v));
    const loaded = await Promise.all(missing.map((v) => loader(v)));
    missing.forEach((v, i) => specs.set(v, loaded[i]!));
    return specs;
  };
}

export async function loadScenarioFiles(
  pathsOrDirs: readonly string[],
  opts: LoadOptions,
): Promise<LoadResult> {
  const { files, problems } = findScenarioFiles(pathsOrDirs);
  const specsFor = specLoader(opts.loadSpec);
  const validate = createScenarioValidator();
  const fixtures = createFixtureResolver(opts.fixtureRoots);
  const scenarios: Scenario[] = [];
  const firstById = new Map<string, Scenario>();
  // Each file is normalised as soon as it is parsed, so that its YAML document (positions and all)
  // can be collected at once instead of thousands of them living until the last file is read.
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
    const source = parsed.source;
    if (!source) continue;
    const ctx = createNormalizeContext(source, await specsFor(targetedVersions(source)), fixtures);
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
