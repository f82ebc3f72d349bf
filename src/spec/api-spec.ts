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

async function loadSide(name: string, file: string): Promise<ApiSide> {
  const source = loadDocument(file);
  return {
    source,
    operations: indexOperations(source.doc),
    schemas: new SchemaValidator(name, source.doc),
    http: await HttpValidator.create(source.doc),
  };
}

const cache = new Map<ApiVersionId, Promise<ApiSpec>>();

/** Loads and compiles one API variant; later calls share the same instance. */
export function loadApiSpec(id: ApiVersionId): Promise<ApiSpec> {
  let pending = cache.get(id);
  if (!pending) {
    pending = (async () => {
      const version = API_VERSION_INFO[id];
      const management = await loadSide(`${id}/management`, version.managementFile);
      const notification = await loadSide(`${id}/notification`, version.notificationFile);
      return { version, management, notification, eventTypes: [...notification.operations.keys()] };
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
