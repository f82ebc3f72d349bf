/**
 * Expands the loader's arguments into scenario files: a file is taken as given, a directory is searched
 * recursively for `*.yaml` / `*.yml` (hidden folders, node_modules and the `fixtures` and `profiles`
 * folders skipped, symlinked folders not followed). The result is sorted by path and free of duplicates,
 * so runs are reproducible.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Problem } from './problem';

const SCENARIO_FILE = /\.ya?ml$/i;

/**
 * Folders beside the scenarios that hold what they use, not scenarios: request bodies (`$fixture`, which
 * may be YAML) and Seller behaviour profiles (`--seller-profile`). A directory walk leaves them out.
 */
export const NON_SCENARIO_FOLDERS: readonly string[] = ['fixtures', 'profiles'];

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (
        !entry.name.startsWith('.') &&
        entry.name !== 'node_modules' &&
        !NON_SCENARIO_FOLDERS.includes(entry.name)
      )
        walk(full, out);
    } else if (SCENARIO_FILE.test(entry.name) && (entry.isFile() || isFileLink(full))) {
      out.push(full);
    }
  }
}

function isFileLink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function findScenarioFiles(pathsOrDirs: readonly string[]): { files: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const found: string[] = [];
  for (const arg of pathsOrDirs) {
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (!stat) {
      problems.push({
        file: arg,
        line: 1,
        column: 1,
        code: 'file.notFound',
        message: `no such file or directory: ${arg}`,
      });
    } else if (stat.isDirectory()) {
      try {
        walk(path.normalize(arg), found);
      } catch (e) {
        problems.push({
          file: arg,
          line: 1,
          column: 1,
          code: 'file.unreadable',
          message: (e as Error).message,
        });
      }
    } else {
      found.push(path.normalize(arg));
    }
  }
  const seen = new Set<string>();
  const files = found.sort(byPath).filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files, problems };
}
