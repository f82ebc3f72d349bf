import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding the harness's own package.json. Sources run from `src/` under jest and from
 * `dist/src/` once built, so the root is found by walking up rather than by a fixed `../..`.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'lso-harness') return (cached = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('lso-harness package root not found above ' + __dirname);
    dir = parent;
  }
}

/** The harness version from package.json, for run manifests and --version. */
export function harnessVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * The built-in scenario catalog, as a path relative to the working directory when it lies below it
 * (reports then name `scenarios/order/x.yaml`, not an absolute path), absolute otherwise.
 */
export function builtInScenarios(): string {
  const absolute = path.join(packageRoot(), 'scenarios');
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
