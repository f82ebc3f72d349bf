/** The slice of OpenAPI 3.0 the harness reads. Schemas stay opaque JSON: ajv and prism interpret them. */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

export interface OpenApiMediaType {
  readonly schema?: JsonSchema;
}

export interface OpenApiResponse {
  readonly description?: string;
  readonly headers?: Record<string, { schema?: JsonSchema }>;
  readonly content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly parameters?: OpenApiParameter[];
  readonly requestBody?: { required?: boolean; content: Record<string, OpenApiMediaType> };
  readonly responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { title: string; version: string };
  readonly servers?: { url: string }[];
  readonly paths: Record<string, Record<string, OpenApiOperation | OpenApiParameter[]>>;
  readonly components: { schemas: Record<string, JsonSchema> };
}
