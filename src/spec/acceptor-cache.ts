/**
 * Response acceptors (prism-fast-accept.ts) compiled at build time as ajv standalone code, so that a run
 * does not generate validation code for each documented response it meets (~2 ms per schema, ~45 ms for
 * ProductOrder, paid on the first response of each kind). `npm run build` writes them (spec-cache.ts).
 *
 * Layout, under dist/spec-cache/acceptors-<fingerprint>/ (the fingerprint covers the versions of ajv,
 * ajv-formats, prism-http and the allOf merger, and this generator's, so other versions miss the cache):
 * - `<sha256 of the document>.json`: the document's acceptor keys (output-validator.ts) → code file;
 * - `<sha256 of schema and mode>.js`: one validation function, shared by every key with that schema.
 * A document or key without an entry is compiled at run time, as before.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import standaloneCode from 'ajv/dist/standalone';
import { packageRoot } from '../util/package-root';
import { HttpValidator } from './http-validator';
import type { OpenApiDocument } from './openapi-types';
import type { AcceptorSchema, PrecompiledAcceptors } from './output-validator';
import { prismAjv, type ValidationFunction } from './prism-fast-accept';
import { prismValidationVersions } from './prism-modules';

/** Bump when the code generated here changes in a way the versions do not show. */
const GENERATOR = 1;

interface Manifest {
  readonly body: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

let dir: string | undefined;

export function acceptorCacheDir(): string {
  if (!dir) {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ generator: GENERATOR, ...prismValidationVersions() }))
      .digest('hex')
      .slice(0, 16);
    dir = path.join(packageRoot(), 'dist', 'spec-cache', `acceptors-${fingerprint}`);
  }
  return dir;
}

/** The file an acceptor's code is in: by schema and mode (headers are validated with type coercion). */
export function acceptorFile(entry: AcceptorSchema): string {
  return createHash('sha256')
    .update(JSON.stringify({ kind: entry.kind, schema: entry.schema }))
    .digest('hex');
}

/** The precompiled acceptors of the document with this SHA-256, or undefined when it has none. */
export function precompiledAcceptors(documentSha256: string): PrecompiledAcceptors | undefined {
  const folder = acceptorCacheDir();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(folder, `${documentSha256}.json`), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  const load = (file: string | undefined): ValidationFunction | undefined => {
    if (file === undefined || !/^[0-9a-f]{64}$/.test(file)) return undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- code generated at build time
      return require(path.join(folder, `${file}.js`)) as ValidationFunction;
    } catch {
      return undefined; // a damaged cache costs time, never a verdict: compile at run time
    }
  };
  return {
    body: (key) => load(Object.hasOwn(manifest.body, key) ? manifest.body[key] : undefined),
    headers: (key) => load(Object.hasOwn(manifest.headers, key) ? manifest.headers[key] : undefined),
  };
}

/** Writes the acceptors of the given documents; returns how many documents and code files it wrote. */
export async function writeAcceptorCache(
  documents: readonly { readonly sha256: string; readonly doc: OpenApiDocument }[],
): Promise<{ documents: number; functions: number }> {
  const folder = acceptorCacheDir();
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  // The generated code requires prism-http's formats from the built prism-modules, relative to itself.
  const formatsModule = path
    .relative(folder, path.join(packageRoot(), 'dist', 'src', 'spec', 'prism-modules.js'))
    .split(path.sep)
    .join('/');
  const ajv = {
    body: prismAjv(false, { formatsModule }),
    headers: prismAjv(true, { formatsModule }),
  };
  const written = new Set<string>();
  const seenDocuments = new Set<string>();
  for (const { sha256, doc } of documents) {
    if (seenDocuments.has(sha256)) continue;
    seenDocuments.add(sha256);
    const validator = await HttpValidator.create(doc);
    const manifest = { body: {} as Record<string, string>, headers: {} as Record<string, string> };
    for (const entry of validator.acceptorSchemas()) {
      const file = acceptorFile(entry);
      if (!written.has(file)) {
        let code: string;
        try {
          const instance = ajv[entry.kind];
          code = standaloneCode(instance, instance.compile(entry.schema));
        } catch {
          continue; // not compilable: prism-http decides at run time, as it would anyway
        }
        fs.writeFileSync(path.join(folder, `${file}.js`), code);
        written.add(file);
      }
      manifest[entry.kind][entry.key] = file;
    }
    fs.writeFileSync(path.join(folder, `${sha256}.json`), JSON.stringify(manifest));
  }
  return { documents: seenDocuments.size, functions: written.size };
}
