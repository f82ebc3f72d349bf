/**
 * prism-http's `validateOutput`, with what depends only on the operation, the status and the media type
 * worked out once and kept: the documented response for the status, the media-type verdict, and the
 * normalised body schema (allOf merged, writeOnly properties stripped, exactly as prism-http does it).
 * Per response only the body (prism-http's `validateAgainstSchema`, its ajv and its messages) and the
 * headers (prism-http's header validator) are checked, then combined as prism-http combines them.
 * A body or header set that prism-fast-accept.ts finds valid skips prism-http altogether (the common
 * case, and most of the cost); anything else is worded by prism-http. Anything off the common path (an
 * undocumented status, a media type that is not JSON) goes through prism-http's own `validateOutput`,
 * so the diagnostics are the same in every case; only the time differs (see bench/RESULTS.md).
 */
import mergeAllOf from '@stoplight/json-schema-merge-allof';
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import { stripWriteOnlyProperties } from '@stoplight/prism-http/dist/utils/filterRequiredProperties';
import { validateMediaType, validateOutput } from '@stoplight/prism-http/dist/validator';
import { findOperationResponse } from '@stoplight/prism-http/dist/validator/utils/spec';
import { validateHeaders } from '@stoplight/prism-http/dist/validator/validators';
import { findContentByMediaTypeOrFirst } from '@stoplight/prism-http/dist/validator/validators/body';
import { ValidationContext } from '@stoplight/prism-http/dist/validator/validators/types';
import { validateAgainstSchema } from '@stoplight/prism-http/dist/validator/validators/utils';
import type { IHttpOperation, IHttpOperationResponse, IMediaTypeContent } from '@stoplight/types';
import type { JSONSchema as JSONSchema7 } from '@stoplight/prism-http/dist/types';
import {
  acceptorOf,
  bodyAcceptor,
  headersAcceptor,
  headersSchema,
  mirroredBodySchema,
  type Acceptor,
  type ValidationFunction,
} from './prism-fast-accept';

export interface OutputElement {
  readonly statusCode: number;
  /** Names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Precompiled validation functions of one document's response schemas, by key (acceptor-cache.ts). */
export interface PrecompiledAcceptors {
  body(key: string): ValidationFunction | undefined;
  headers(key: string): ValidationFunction | undefined;
}

/** What a precompiled acceptor is filed under: the operation, the documented response, the media type. */
export function bodyKey(operation: IHttpOperation, responseCode: string, mediaType: string): string {
  return `${operation.iid ?? operation.id} ${responseCode} ${mediaType}`;
}
export function headersKey(operation: IHttpOperation, responseCode: string): string {
  return `${operation.iid ?? operation.id} ${responseCode} headers`;
}

/** A schema an acceptor is compiled from, and its key. */
export interface AcceptorSchema {
  readonly kind: 'body' | 'headers';
  readonly key: string;
  readonly schema: object;
}

/** What prism-http would decide before looking at the body, for one status and media type. */
interface Plan {
  readonly response: IHttpOperationResponse;
  /** The media-type verdict (prism-http's validateMediaType), or none when the response documents no content. */
  readonly mediaType: readonly IPrismDiagnostic[];
  /** The documented body schema as written (normalised only when needed); absent: no body validation. */
  readonly rawSchema?: JSONSchema7;
  readonly bodyKey?: string;
  /** The documented headers' names, lower-case: all prism-http's header validator ever reads. */
  readonly headerNames: readonly string[];
  /**
   * Quick yes for a body prism-http would find nothing in (prism-fast-accept.ts), worked out at first
   * use: precompiled, else compiled from the normalised schema; null: none, prism-http decides.
   */
  acceptBody?: Acceptor<unknown> | null;
  readonly acceptHeaders?: Acceptor<Readonly<Record<string, string>>>;
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;
const MAX_PLANS_PER_STATUS = 32;
/** Plan key of a response without Content-Type (no header value can be this). */
const NO_CONTENT_TYPE = '\n';

/** prism-http's body normaliser (validators/body.js: withoutAllOf, then stripWriteOnlyProperties). */
function normalise(schema: JSONSchema7): JSONSchema7 | undefined {
  let merged: JSONSchema7;
  try {
    merged = mergeAllOf(schema, { deep: true, ignoreAdditionalProperties: true });
  } catch {
    merged = schema;
  }
  const stripped = stripWriteOnlyProperties(merged);
  return stripped._tag === 'Some' ? stripped.value : undefined;
}

type Diagnostics = IPrismDiagnostic[];

/**
 * The response's headers that the operation documents. prism-http lower-cases every header name of the
 * response once per documented header and then reads only the documented names, so handing it just those
 * gives the same diagnostics for a fraction of the work.
 */
function documentedOnly(
  headers: Readonly<Record<string, string>>,
  names: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export class OutputValidator {
  /** status → media type ('' for none) → plan; null: off the common path, prism-http decides. */
  private readonly plans = new Map<number, Map<string, Plan | null>>();
  /**
   * `normalised`: normalised body schemas by original, shared by the operations of one document, so that
   * a schema several responses share (see shareEqualSchemas) is normalised and compiled once.
   */
  constructor(
    private readonly operation: IHttpOperation,
    private readonly normalised: WeakMap<object, JSONSchema7 | null>,
    private readonly precompiled?: PrecompiledAcceptors,
  ) {}

  /** Every schema an acceptor of this operation may be compiled from (for the build-time cache). */
  acceptorSchemas(): AcceptorSchema[] {
    if (this.bundled()) return [];
    const out: AcceptorSchema[] = [];
    for (const response of this.operation.responses) {
      for (const content of response.contents ?? []) {
        const schema = content.schema && this.normalisedSchema(content.schema);
        if (schema && mirroredBodySchema(schema))
          out.push({ kind: 'body', key: bodyKey(this.operation, response.code, content.mediaType), schema });
      }
      const headers = response.headers?.length ? headersSchema(response.headers) : undefined;
      if (headers)
        out.push({ kind: 'headers', key: headersKey(this.operation, response.code), schema: headers });
    }
    return out;
  }

  /** Operations with a bundle (cyclic schemas) take prism-http's path. */
  private bundled(): boolean {
    return (this.operation as { __bundled__?: unknown }).__bundled__ !== undefined;
  }

  /** Left diagnostics exactly as prism-http's validateOutput returns them ([] when it returns Right). */
  validate(element: OutputElement): Diagnostics {
    const contentType = element.headers['content-type'];
    const plan = this.plan(element.statusCode, contentType);
    if (!plan) {
      const result = validateOutput({ resource: this.operation, element });
      return result._tag === 'Left' ? [...result.left] : [];
    }
    const out: Diagnostics = [...plan.mediaType];
    if (plan.rawSchema && !this.bodyAcceptor(plan)?.(element.body)) {
      const schema = this.normalisedSchema(plan.rawSchema);
      const body =
        schema && validateAgainstSchema(element.body, schema, false, ValidationContext.Output, 'body');
      if (body?._tag === 'Some') out.push(...body.value);
    }
    // No documented header: prism-http's validator has nothing to check and answers Right.
    if (plan.headerNames.length > 0 && !plan.acceptHeaders?.(element.headers)) {
      const headers = validateHeaders(
        documentedOnly(element.headers, plan.headerNames),
        plan.response.headers ?? [],
        ValidationContext.Output,
      );
      if (headers._tag === 'Left') out.push(...headers.left);
    }
    return out;
  }

  private bodyAcceptor(plan: Plan): Acceptor<unknown> | undefined {
    if (plan.acceptBody === undefined) {
      const pre = plan.bodyKey !== undefined ? this.precompiled?.body(plan.bodyKey) : undefined;
      const schema = pre || !plan.rawSchema ? undefined : this.normalisedSchema(plan.rawSchema);
      plan.acceptBody = (pre ? acceptorOf(pre) : schema && bodyAcceptor(schema)) ?? null;
    }
    return plan.acceptBody ?? undefined;
  }

  private plan(status: number, contentType: string | undefined): Plan | null {
    let byType = this.plans.get(status);
    if (!byType) this.plans.set(status, (byType = new Map<string, Plan | null>()));
    const key = contentType ?? NO_CONTENT_TYPE;
    let plan = byType.get(key);
    if (plan === undefined) {
      plan = this.makePlan(status, contentType);
      if (byType.size < MAX_PLANS_PER_STATUS) byType.set(key, plan);
    }
    return plan;
  }

  private makePlan(status: number, contentType: string | undefined): Plan | null {
    // Operations with a bundle (cyclic schemas) and media types other than JSON take prism-http's path.
    if (this.bundled()) return null;
    if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) return null;
    const found = findOperationResponse(this.operation.responses, status);
    if (found._tag === 'None') return null; // an undocumented status: prism-http words that finding
    const response = found.value;
    const contents = response.contents ?? [];
    let mediaType: Diagnostics = [];
    if (contents.length > 0) {
      // Called without a media type too, as prism-http does: it then reports the missing one.
      const verdict = validateMediaType(
        contents as [IMediaTypeContent, ...IMediaTypeContent[]],
        contentType as string,
      );
      if (verdict._tag === 'Left') mediaType = [...verdict.left];
    }
    // prism-http: the content for the media type, else the first one; none documented: nothing to check.
    let content: IMediaTypeContent | undefined = contents[0];
    if (contentType !== undefined) {
      const match = findContentByMediaTypeOrFirst(contents, contentType);
      if (match._tag === 'Some') content = match.value.content;
    }
    const headerNames = (response.headers ?? []).map((h) => h.name.toLowerCase());
    const acceptHeaders =
      headerNames.length > 0
        ? headersAcceptor(
            response.headers ?? [],
            this.precompiled?.headers(headersKey(this.operation, response.code)),
          )
        : undefined;
    return {
      response,
      mediaType,
      ...(content?.schema
        ? { rawSchema: content.schema, bodyKey: bodyKey(this.operation, response.code, content.mediaType) }
        : {}),
      headerNames,
      ...(acceptHeaders ? { acceptHeaders } : {}),
    };
  }

  private normalisedSchema(schema: JSONSchema7): JSONSchema7 | undefined {
    let known = this.normalised.get(schema);
    if (known === undefined) {
      known = normalise(schema) ?? null;
      this.normalised.set(schema, known);
    }
    return known ?? undefined;
  }
}
