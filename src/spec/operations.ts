import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from './openapi-types';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface OperationResponse {
  readonly status: number;
  readonly contentType?: string;
  /** Component schema name of the body (`ProductOrder`), or `[Name]` for an array of it. */
  readonly schemaName?: string;
  readonly bodySchema?: JsonSchema;
  readonly headers: readonly string[];
}

export interface OperationInfo {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. `/productOrder/{id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly OpenApiParameter[];
  readonly requestSchemaName?: string;
  readonly requestContentType?: string;
  readonly responses: ReadonlyMap<number, OperationResponse>;
  readonly successStatus: number;
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'patch', 'put', 'delete'];

function refName(schema: JsonSchema | undefined): string | undefined {
  const ref = schema?.['$ref'];
  return typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : undefined;
}

function schemaNameOf(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema['type'] === 'array') {
    const inner = refName(schema['items'] as JsonSchema | undefined);
    return inner ? `[${inner}]` : undefined;
  }
  return refName(schema);
}

function firstMedia(content: Record<string, { schema?: JsonSchema }> | undefined) {
  const entry = content ? Object.entries(content)[0] : undefined;
  return entry ? { contentType: entry[0], schema: entry[1].schema } : undefined;
}

/** Indexes a document's operations by operationId, with what callers need to build and judge requests. */
export function indexOperations(doc: OpenApiDocument): Map<string, OperationInfo> {
  const result = new Map<string, OperationInfo>();
  for (const [pathTemplate, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op) continue;
      const params = op.parameters ?? [];
      const responses = new Map<number, OperationResponse>();
      for (const [code, response] of Object.entries(op.responses)) {
        const media = firstMedia(response.content);
        responses.set(Number(code), {
          status: Number(code),
          contentType: media?.contentType,
          schemaName: schemaNameOf(media?.schema),
          bodySchema: media?.schema,
          headers: Object.keys(response.headers ?? {}),
        });
      }
      const body = firstMedia(op.requestBody?.content);
      const success = [...responses.keys()].filter((s) => s >= 200 && s < 300).sort()[0];
      result.set(op.operationId, {
        operationId: op.operationId,
        method,
        path: pathTemplate,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query'),
        requestSchemaName: schemaNameOf(body?.schema),
        requestContentType: body?.contentType,
        responses,
        successStatus: success ?? 200,
      });
    }
  }
  return result;
}

/** Fills `{name}` placeholders of a path template; values are URI-encoded. */
export function expandPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
