/**
 * The spec's operations as prism-http models them (`IHttpOperation`), built the way prism-http's
 * `getHttpOperationsFromSpec` builds them for an OpenAPI 3 document: dereference, break cycles,
 * transform, then bundle each operation with what it references. Done here because that function also
 * loads the Swagger 2 and Postman transformers (some 300 modules, ~0.1 s of every start-up) that an
 * OpenAPI 3 document never needs. test/spec/oas3-operations.test.ts holds the two equal on every
 * vendored document.
 */
import { transformOas3Operations } from '@stoplight/http-spec/oas3/operation';
import { bundleTarget, decycle } from '@stoplight/json';
import $RefParser from '@stoplight/json-schema-ref-parser';
import type { IHttpOperation } from '@stoplight/types';
import type { OpenApiDocument } from './openapi-types';

// The package's Options type gives `resolve` an index signature that no boolean entry satisfies.
const INTERNAL_REFS_ONLY = { resolve: { external: false } } as unknown as $RefParser.Options;

/**
 * `doc` is dereferenced in place (hand over a copy to keep the original). Only `$ref`s inside the
 * document are followed: the vendored documents have no other, and a harness should not reach the
 * network or the disk to read its own spec.
 */
export async function oas3Operations(doc: OpenApiDocument): Promise<IHttpOperation[]> {
  if (typeof (doc as { openapi?: unknown }).openapi !== 'string')
    throw new Error('not an OpenAPI 3 document (no `openapi` version)');
  const dereferenced = decycle(
    await new $RefParser().dereference(doc as $RefParser.JSONSchema, INTERNAL_REFS_ONLY),
  ) as Record<string, unknown>;
  return transformOas3Operations(dereferenced).map(
    (op) =>
      bundleTarget({
        document: { ...dereferenced, __target__: op },
        path: '#/__target__',
        cloneDocument: false,
      }) as IHttpOperation,
  );
}
