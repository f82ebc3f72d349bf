import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../util/package-root';
import type { OpenApiDocument } from './openapi-types';
import { parseVendoredYaml, sha256Of } from './spec-cache';

export interface LoadedDocument {
  /** Path relative to `specs/`. */
  readonly file: string;
  readonly sha256: string;
  readonly doc: OpenApiDocument;
}

export function specsDir(): string {
  return path.join(packageRoot(), 'specs');
}

/** Reads one vendored OpenAPI file as it is: never edited, only parsed (the hash proves it). */
export function loadDocument(relativeFile: string): LoadedDocument {
  const text = fs.readFileSync(path.join(specsDir(), relativeFile), 'utf8');
  const sha256 = sha256Of(text);
  const doc = parseVendoredYaml(text, sha256) as OpenApiDocument;
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`specs/${relativeFile} is not an OpenAPI document with paths and components.schemas`);
  }
  return { file: relativeFile, sha256, doc };
}
