/**
 * Parsed copies of the vendored YAML files, written as JSON at build time (`npm run build` runs this
 * module), so that start-up reads JSON instead of parsing ~1.7 MB of YAML (~0.6-0.8 s of CPU per process).
 * A copy is named by the SHA-256 of the YAML text and the yaml version that parsed it: an edited file or
 * another parser simply misses the cache and is parsed as before. Copies that JSON cannot represent
 * exactly are not written.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { packageRoot } from '../util/package-root';

function yamlVersion(): string {
  return (JSON.parse(fs.readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version: string })
    .version;
}

export function specCacheDir(): string {
  return path.join(packageRoot(), 'dist', 'spec-cache', `yaml-${yamlVersion()}`);
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let dir: string | undefined;

/** `parse(text)` of a vendored file, from its build-time JSON copy when there is one. */
export function parseVendoredYaml(text: string, sha256 = sha256Of(text)): unknown {
  dir ??= specCacheDir();
  let json: string | undefined;
  try {
    json = fs.readFileSync(path.join(dir, `${sha256}.json`), 'utf8');
  } catch {
    json = undefined;
  }
  return json === undefined ? parse(text) : (JSON.parse(json) as unknown);
}

function listYaml(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return listYaml(full);
    return entry.name.endsWith('.yaml') ? [full] : [];
  });
}

/** Writes the JSON copy of every YAML file under `specs/`; returns how many were written and skipped. */
export function writeSpecCache(): { written: number; skipped: string[] } {
  const target = specCacheDir();
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const skipped: string[] = [];
  let written = 0;
  for (const file of listYaml(path.join(packageRoot(), 'specs'))) {
    const text = fs.readFileSync(file, 'utf8');
    const value = parse(text) as unknown;
    const json = JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) {
      skipped.push(path.relative(packageRoot(), file));
      continue;
    }
    fs.writeFileSync(path.join(target, `${sha256Of(text)}.json`), json);
    written++;
  }
  return { written, skipped };
}
