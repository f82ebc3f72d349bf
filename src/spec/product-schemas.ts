import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './openapi-types';
import { createOpenApiAjv, toViolations } from './schema-validator';
import { specsDir } from './load-document';
import { parseVendoredYaml } from './spec-cache';
import type { SchemaViolation } from './violation';

export const PRODUCT_SCHEMA_ROOT = 'sonata/productSchema';

function listYaml(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listYaml(full);
    return entry.name.endsWith('.yaml') ? [full] : [];
  });
}

/**
 * Normalises a parsed product schema in memory, leaving the vendored file untouched:
 * - `properties: null` (accessElineOvc.yaml) is not a schema; it means "no properties listed";
 * - the URN `$id` is swapped for the file's URL so that relative `$ref`s resolve against the folder.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'properties' && v === null) continue;
      out[k] = normalise(v);
    }
    return out;
  }
  return value;
}

export interface ProductSchemaInfo {
  /** The URN in the schema's `$id`: the value a Buyer puts in `productConfiguration['@type']`. */
  readonly type: string;
  /** Relative to `specs/`. */
  readonly file: string;
}

/**
 * Dynamic binding (Mplify 123.1 §5.6): `productConfiguration` is validated by its `@type` against the
 * product schema whose root `$id` is that URN.
 */
export class ProductSchemaRegistry {
  private readonly ajv = createOpenApiAjv();
  private readonly byType = new Map<string, string>();
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly schemas: readonly ProductSchemaInfo[];

  constructor(root = path.join(specsDir(), PRODUCT_SCHEMA_ROOT)) {
    const infos: ProductSchemaInfo[] = [];
    for (const file of listYaml(root).sort()) {
      const raw = parseVendoredYaml(fs.readFileSync(file, 'utf8')) as JsonSchema | null;
      if (!raw || typeof raw !== 'object') continue;
      const url = pathToFileURL(file).href;
      const schema = normalise(raw) as JsonSchema;
      const urn = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
      delete schema['$schema'];
      this.ajv.addSchema({ ...schema, $id: url });
      if (urn) {
        this.byType.set(urn, url);
        infos.push({ type: urn, file: path.relative(specsDir(), file).split(path.sep).join('/') });
      }
    }
    this.schemas = infos;
  }

  knows(type: string): boolean {
    return this.byType.has(type);
  }

  /** Violations of `configuration` against the schema named by its `@type`; unknown types are reported. */
  validate(configuration: unknown): SchemaViolation[] {
    const type =
      configuration && typeof configuration === 'object'
        ? (configuration as Record<string, unknown>)['@type']
        : undefined;
    if (typeof type !== 'string') {
      return [
        {
          pointer: '/@type',
          keyword: 'required',
          message: "productConfiguration has no '@type'",
          property: '@type',
        },
      ];
    }
    const url = this.byType.get(type);
    if (!url) {
      return [{ pointer: '/@type', keyword: 'unknownType', message: `no product schema has $id ${type}` }];
    }
    let fn = this.compiled.get(type);
    if (!fn) {
      fn = this.ajv.getSchema(url);
      if (!fn) throw new Error(`product schema ${url} did not compile`);
      this.compiled.set(type, fn);
    }
    return fn(configuration) ? [] : toViolations(fn.errors);
  }
}
