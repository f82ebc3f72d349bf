// Deep imports on purpose: the package index also loads the mocker and its faker locales (~0.8 s of
// start-up) that validation never uses.
import { validateInput } from '@stoplight/prism-http/dist/validator';
import type { IHttpOperation } from '@stoplight/types';
import type { JSONSchema as JSONSchema7 } from '@stoplight/prism-http/dist/types';
import type { OpenApiDocument } from './openapi-types';
import { oas3Operations } from './oas3-operations';
import { OutputValidator, type AcceptorSchema, type PrecompiledAcceptors } from './output-validator';

/** A finding from prism-http's validator, flattened to plain data. */
export interface HttpViolation {
  /** `body.state`, `header.x-total-count`, … ('' when about the message as a whole). */
  readonly location: string;
  readonly code: string;
  readonly message: string;
  /** prism severity: 0 error, 1 warning, 2 information, 3 hint. */
  readonly severity: number;
}

export interface HttpResponseInput {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export interface HttpRequestInput {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

function cleanHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(headers)) {
    const v = headers[k];
    if (v !== undefined) out[k.toLowerCase()] = v;
  }
  return out;
}

function flatten(
  diagnostics: readonly { path?: string[]; code?: string | number; message: string; severity: number }[],
) {
  return diagnostics.map((d): HttpViolation => ({
    location: (d.path ?? []).join('.'),
    code: String(d.code ?? 'http'),
    message: d.message,
    severity: d.severity,
  }));
}

/** JSON of a value without http-spec's generated ids (`x-stoplight.id`, a parameter's `id`): they validate nothing. */
function withoutGeneratedIds(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'x-stoplight' && v && typeof v === 'object' ? { ...v, id: undefined } : v,
  );
}

function shared<T>(seen: Map<string, T>, value: T, key: string): T {
  const first = seen.get(key);
  if (first !== undefined) return first;
  seen.set(key, value);
  return value;
}

/**
 * prism-http compiles one ajv validator per schema *object* (and one per header list), and caches it.
 * Dereferencing gives every response its own copy of a shared component (ProductOrder under create,
 * retrieve and patch; the error schemas under every operation), equal but for http-spec's generated
 * ids. Pointing equal copies at one object lets each be compiled once per run instead of once per use.
 */
function shareEqualSchemas(operations: readonly IHttpOperation[]): void {
  const schemas = new Map<
    string,
    NonNullable<NonNullable<IHttpOperation['responses'][number]['contents']>[number]['schema']>
  >();
  const headerLists = new Map<string, NonNullable<IHttpOperation['responses'][number]['headers']>>();
  for (const op of operations) {
    for (const response of op.responses) {
      for (const content of response.contents ?? []) {
        if (content.schema)
          content.schema = shared(schemas, content.schema, withoutGeneratedIds(content.schema));
      }
      if (response.headers) {
        const key = withoutGeneratedIds(response.headers.map(({ id: _id, ...param }) => param));
        response.headers = shared(headerLists, response.headers, key);
      }
    }
  }
}

/**
 * Request and response validation by prism-http (status code against the documented set, content
 * negotiation, headers, body), over operations dereferenced once when the spec loads.
 */
export class HttpValidator {
  private readonly outputs = new Map<string, OutputValidator>();
  private readonly normalised = new WeakMap<object, JSONSchema7 | null>();

  private constructor(
    private readonly operations: ReadonlyMap<string, IHttpOperation>,
    private readonly precompiled?: PrecompiledAcceptors,
  ) {}

  /** `precompiled`: the document's acceptors compiled at build time (acceptor-cache.ts), if any. */
  static async create(doc: OpenApiDocument, precompiled?: PrecompiledAcceptors): Promise<HttpValidator> {
    // The ref parser dereferences in place: hand it a copy so the shared document stays intact.
    const operations = await oas3Operations(structuredClone(doc));
    shareEqualSchemas(operations);
    return new HttpValidator(new Map(operations.map((op) => [op.iid ?? op.id, op])), precompiled);
  }

  /** Every schema a response acceptor may be compiled from, by key (for the build-time cache). */
  acceptorSchemas(): AcceptorSchema[] {
    return [...this.operations.keys()].flatMap((id) => this.output(id).acceptorSchemas());
  }

  has(operationId: string): boolean {
    return this.operations.has(operationId);
  }

  private operation(operationId: string): IHttpOperation {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`unknown operation ${operationId}`);
    return op;
  }

  /** prism-http's response validation (validateOutput), with the per-operation work kept (output-validator.ts). */
  validateResponse(operationId: string, response: HttpResponseInput): HttpViolation[] {
    return flatten(
      this.output(operationId).validate({
        statusCode: response.status,
        headers: cleanHeaders(response.headers),
        body: response.body,
      }),
    );
  }

  private output(operationId: string): OutputValidator {
    let output = this.outputs.get(operationId);
    if (!output) {
      output = new OutputValidator(this.operation(operationId), this.normalised, this.precompiled);
      this.outputs.set(operationId, output);
    }
    return output;
  }

  validateRequest(operationId: string, request: HttpRequestInput): HttpViolation[] {
    const method = request.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    const result = validateInput({
      resource: this.operation(operationId),
      element: {
        method,
        url: { path: request.path, query: { ...request.query } },
        headers: cleanHeaders(request.headers),
        body: request.body,
      },
    });
    return result._tag === 'Left' ? flatten(result.left) : [];
  }
}
