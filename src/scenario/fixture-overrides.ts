/**
 * One file in which a user replaces, for their own Seller, what the built-in fixtures hold (offering ids,
 * product ids, places, contacts, billing accounts): a list of patches, each applied to the fixtures whose
 * path (relative to its root) matches `files`. A patch edits like a scenario's fixture edits: `merge` (RFC
 * 7386), then `set` (selector → value), then `remove`. The scenario's own edits come after, so what a
 * scenario sets on purpose (an externalId, a missing contact) still wins.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJsonArray, isJsonObject, type JsonValue } from './json';
import { applyMergePatch, removePath, setPath } from './request-body';
import { parsePath } from './select-path';

/** Looked for at the top of every fixture root; a root that is itself a file is read as one. */
export const OVERRIDES_FILE_NAMES = ['overrides.yaml', 'overrides.yml', 'overrides.json'] as const;

export interface OverridePatch {
  /** Regular expressions built from the `files` globs; empty: every fixture. */
  readonly files: readonly RegExp[];
  readonly merge?: JsonValue;
  readonly set: readonly { readonly path: string; readonly value: JsonValue }[];
  readonly remove: readonly string[];
}

export type Overrides =
  | { readonly ok: true; readonly patches: readonly OverridePatch[] }
  | { readonly ok: false; readonly message: string };

type Parse = (file: string) => { ok: true; content: JsonValue } | { ok: false; message: string };

/** `*` any characters but `/`, `**` any characters, `?` one character but `/`. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function toPatch(raw: JsonValue, at: string, problems: string[]): OverridePatch | undefined {
  if (!isJsonObject(raw)) {
    problems.push(`${at}: a patch is a mapping with files, merge, set, remove`);
    return undefined;
  }
  const unknown = Object.keys(raw).filter(
    (k) => !['files', 'merge', 'set', 'remove', 'description'].includes(k),
  );
  if (unknown.length)
    problems.push(`${at}: unknown key(s) ${unknown.join(', ')} (files, merge, set, remove)`);
  const files = raw['files'] === undefined ? [] : isJsonArray(raw['files']) ? raw['files'] : [raw['files']];
  if (!files.every((f) => typeof f === 'string')) problems.push(`${at}.files: globs are strings`);
  const set = raw['set'] ?? {};
  if (!isJsonObject(set)) problems.push(`${at}.set: a mapping selector → value`);
  const remove = raw['remove'] ?? [];
  if (!isJsonArray(remove) || !remove.every((r) => typeof r === 'string'))
    problems.push(`${at}.remove: a list of selectors`);
  const paths = [...(isJsonObject(set) ? Object.keys(set) : []), ...(isJsonArray(remove) ? remove : [])];
  for (const p of paths) {
    const parsed = typeof p === 'string' ? parsePath(p) : undefined;
    if (parsed && !parsed.ok) problems.push(`${at}: ${parsed.error}`);
  }
  return {
    files: files.filter((f): f is string => typeof f === 'string').map(globToRegExp),
    ...(raw['merge'] !== undefined ? { merge: raw['merge'] } : {}),
    set: isJsonObject(set) ? Object.entries(set).map(([p, value]) => ({ path: p, value })) : [],
    remove: isJsonArray(remove) ? remove.filter((r): r is string => typeof r === 'string') : [],
  };
}

/**
 * Reads the overrides of every root: a root that is a file, or an overrides file at the top of a root
 * folder. The last root's patches apply first, so the first root (the user's) has the last word.
 */
export function loadOverrides(roots: readonly string[], parse: Parse): Overrides {
  const patches: OverridePatch[] = [];
  const problems: string[] = [];
  for (const root of [...roots].reverse()) {
    const file =
      fs.existsSync(root) && fs.statSync(root).isFile()
        ? root
        : OVERRIDES_FILE_NAMES.map((n) => path.join(root, n)).find((f) => fs.existsSync(f));
    if (!file) continue;
    const parsed = parse(file);
    if (!parsed.ok) return { ok: false, message: `overrides: ${parsed.message}` };
    const list =
      parsed.content === null ? [] : isJsonArray(parsed.content) ? parsed.content : [parsed.content];
    list.forEach((raw, i) => {
      const patch = toPatch(raw, `${file} [${i}]`, problems);
      if (patch) patches.push(patch);
    });
  }
  return problems.length
    ? { ok: false, message: `overrides: ${problems.join('; ')}` }
    : { ok: true, patches };
}

/** The fixture at `relative` (its path under the root) with every matching patch applied, in order. */
export function applyOverrides(
  patches: readonly OverridePatch[],
  relative: string,
  content: JsonValue,
): JsonValue {
  const name = relative.split(path.sep).join('/');
  let value = content;
  for (const patch of patches) {
    if (patch.files.length > 0 && !patch.files.some((re) => re.test(name))) continue;
    if (patch.merge !== undefined) value = applyMergePatch(value, patch.merge);
    for (const { path: p, value: v } of patch.set) value = setPath(value, p, v);
    for (const p of patch.remove) value = removePath(value, p);
  }
  return value;
}
