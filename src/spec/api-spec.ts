import { precompiledAcceptors } from './acceptor-cache';
import { API_VERSION_INFO, type ApiVersionId, type ApiVersionInfo } from './api-versions';
import { HttpValidator } from './http-validator';
import { loadDocument, type LoadedDocument } from './load-document';
import { indexOperations, type OperationInfo } from './operations';
import { SchemaValidator } from './schema-validator';

/** One side of the API (the Seller's management API or the Buyer's notification API), loaded and compiled. */
export interface ApiSide {
  readonly source: LoadedDocument;
  readonly operations: ReadonlyMap<string, OperationInfo>;
  readonly schemas: SchemaValidator;
  readonly http: HttpValidator;
}

export interface ApiSpec {
  readonly version: ApiVersionInfo;
  readonly management: ApiSide;
  readonly notification: ApiSide;
  /** Notification event types of this version, from the notification API's operationIds. */
  readonly eventTypes: readonly string[];
}

/**
 * What can be known of a variant without compiling anything: its documents, parsed, and their operations.
 * The scenario loader checks every file against every variant it targets, and needs no more than this.
 */
export interface ApiFacts {
  readonly version: ApiVersionInfo;
  readonly management: {
    readonly source: LoadedDocument;
    readonly operations: ReadonlyMap<string, OperationInfo>;
  };
  readonly notification: {
    readonly source: LoadedDocument;
    readonly operations: ReadonlyMap<string, OperationInfo>;
  };
  /** Notification event types of this version, from the notification API's operationIds. */
  readonly eventTypes: readonly string[];
}

function readSide(file: string) {
  const source = loadDocument(file);
  return { source, operations: indexOperations(source.doc) };
}

const parsed = new Map<ApiVersionId, ApiFacts>();

/** Parses one API variant's documents (once) and indexes their operations: no ajv, no prism. */
export function loadApiFacts(id: ApiVersionId): ApiFacts {
  let known = parsed.get(id);
  if (!known) {
    const version = API_VERSION_INFO[id];
    const management = readSide(version.managementFile);
    const notification = readSide(version.notificationFile);
    known = { version, management, notification, eventTypes: [...notification.operations.keys()] };
    parsed.set(id, known);
  }
  return known;
}

async function compileSide(
  name: string,
  side: { source: LoadedDocument; operations: ReadonlyMap<string, OperationInfo> },
): Promise<ApiSide> {
  return {
    ...side,
    schemas: new SchemaValidator(name, side.source.doc),
    http: await HttpValidator.create(side.source.doc, precompiledAcceptors(side.source.sha256)),
  };
}

const cache = new Map<ApiVersionId, Promise<ApiSpec>>();

/**
 * Loads and compiles one API variant (prism-http operations dereferenced, ajv ready); later calls share
 * the same instance, and the documents are those `loadApiFacts` parsed.
 */
export function loadApiSpec(id: ApiVersionId): Promise<ApiSpec> {
  let pending = cache.get(id);
  if (!pending) {
    pending = (async () => {
      const known = loadApiFacts(id);
      const management = await compileSide(`${id}/management`, known.management);
      const notification = await compileSide(`${id}/notification`, known.notification);
      return { version: known.version, management, notification, eventTypes: known.eventTypes };
    })();
    cache.set(id, pending);
  }
  return pending;
}

export function managementOperation(spec: ApiSpec, operationId: string): OperationInfo {
  const op = spec.management.operations.get(operationId);
  if (!op) throw new Error(`${spec.version.id} has no operation ${operationId}`);
  return op;
}
