/**
 * Resolves `$fixture` paths against the fixture roots, in order. A fixture must stay inside the root it
 * is found in: no absolute paths, no `..` leaving the root, no symlink pointing out of it (compared by
 * real path). Files are read once per load and parsed as JSON (`.yaml`/`.yml`: YAML). A root that is a
 * file, or an `overrides.{yaml,yml,json}` at the top of a root, patches every fixture (fixture-overrides.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { applyOverrides, loadOverrides, type Overrides } from './fixture-overrides';
import { isJsonValue, type JsonValue } from './json';

export type FixtureResolution =
  | { readonly ok: true; readonly file: string; readonly content: JsonValue }
  | {
      readonly ok: false;
      readonly code: 'scenario.fixtureNotFound' | 'scenario.fixtureOutsideRoot' | 'scenario.fixtureInvalid';
      readonly message: string;
    };

export interface FixtureResolver {
  /** `base` is the scenario's `fixtures:` folder ('' for none). */
  resolve(ref: string, base: string): FixtureResolution;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `..`, absolute or drive paths: a relative path that would leave any root it is joined to. */
export function escapesRoot(relative: string): boolean {
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) return true;
  const normal = path.normalize(relative);
  return normal === '..' || normal.startsWith(`..${path.sep}`);
}

type Parsed =
  { readonly ok: true; readonly content: JsonValue } | { readonly ok: false; readonly message: string };

/** `shown`: the path as the user would write it (root + relative), for messages. */
function parseFixture(file: string, shown: string): Parsed {
  let data: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    data = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      message: `fixture ${shown} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message}`,
    };
  }
  return isJsonValue(data)
    ? { ok: true, content: data }
    : { ok: false, message: `fixture ${shown} holds values that are not JSON` };
}

export function createFixtureResolver(allRoots: readonly string[]): FixtureResolver {
  const cache = new Map<string, Parsed>();
  const isFile = (p: string) => fs.existsSync(p) && fs.statSync(p).isFile();
  const roots = allRoots.filter((r) => !isFile(r));
  let overrides: Overrides | undefined;
  // Thousands of scenarios name the same few fixtures: each path is looked up on disk (exists, real
  // paths, stat: a dozen system calls) once per load, as its content is read once.
  const resolved = new Map<string, FixtureResolution>();
  const resolve = (ref: string, base: string): FixtureResolution => {
    const key = `${base}\0${ref}`;
    let found = resolved.get(key);
    if (found === undefined) resolved.set(key, (found = lookUp(ref, base)));
    return found;
  };
  const lookUp = (ref: string, base: string): FixtureResolution => {
    const relative = path.join(base, ref);
    if (path.isAbsolute(ref) || escapesRoot(relative)) {
      return {
        ok: false,
        code: 'scenario.fixtureOutsideRoot',
        message: `fixture ${JSON.stringify(ref)} leaves its fixture root: give a path relative to the root, without ..`,
      };
    }
    for (const root of roots) {
      const rootDir = path.resolve(root);
      const candidate = path.resolve(rootDir, relative);
      if (!fs.existsSync(candidate)) continue;
      const realFile = fs.realpathSync(candidate);
      if (!isInside(realFile, fs.realpathSync(rootDir))) {
        return {
          ok: false,
          code: 'scenario.fixtureOutsideRoot',
          message: `fixture ${JSON.stringify(ref)} resolves (through a symlink) to ${realFile}, outside the fixture root ${root}`,
        };
      }
      if (!fs.statSync(realFile).isFile()) {
        return {
          ok: false,
          code: 'scenario.fixtureNotFound',
          message: `fixture ${JSON.stringify(ref)} is a directory under ${root}, not a file`,
        };
      }
      let parsed = cache.get(realFile);
      if (parsed === undefined)
        cache.set(realFile, (parsed = parseFixture(realFile, path.join(root, relative))));
      if (!parsed.ok) return { ok: false, code: 'scenario.fixtureInvalid', message: parsed.message };
      overrides ??= loadOverrides(allRoots, (file) => parseFixture(file, file));
      if (!overrides.ok) return { ok: false, code: 'scenario.fixtureInvalid', message: overrides.message };
      const content = applyOverrides(overrides.patches, relative, parsed.content);
      return { ok: true, file: candidate, content };
    }
    const where = roots.length ? roots.join(', ') : '(no fixture roots configured)';
    return {
      ok: false,
      code: 'scenario.fixtureNotFound',
      message: `fixture ${JSON.stringify(relative)} not found under ${where}`,
    };
  };
  return { resolve };
}
