import type { OperationInfo } from '../../../src/spec';

/**
 * Spec-shaped error bodies (Mplify 123.1 §7.1): one builder per status, codes from the spec's enums.
 * 422 bodies are arrays of Error422 with a JSON Pointer `propertyPath`.
 */
export type Error400Code = 'missingQueryParameter' | 'missingQueryValue' | 'invalidQuery' | 'invalidBody';
export type Error401Code = 'missingCredentials' | 'invalidCredentials';
export type Error403Code = 'accessDenied' | 'forbiddenRequester' | 'tooManyUsers';
export type Error422Code =
  | 'missingProperty'
  | 'invalidValue'
  | 'invalidFormat'
  | 'referenceNotFound'
  | 'unexpectedProperty'
  | 'tooManyRecords'
  | 'otherIssue';

export interface ErrorBody {
  readonly code: string;
  readonly reason: string;
  readonly message?: string;
  readonly propertyPath?: string;
}

/** The spec caps `reason` at 255 characters. */
function reason(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 252)}...`;
}

export function error422(
  code: Error422Code,
  text: string,
  propertyPath: string,
  message?: string,
): ErrorBody {
  return { code, reason: reason(text), propertyPath, ...(message ? { message } : {}) };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | readonly ErrorBody[],
  ) {
    super(
      Array.isArray(body) ? `${status}: ${body.length} problems` : `${status} ${(body as ErrorBody).code}`,
    );
  }
}

export const httpErrors = {
  badRequest: (code: Error400Code, text: string) => new HttpError(400, { code, reason: reason(text) }),
  unauthorized: (code: Error401Code, text: string) => new HttpError(401, { code, reason: reason(text) }),
  forbidden: (code: Error403Code, text: string) => new HttpError(403, { code, reason: reason(text) }),
  notFound: (text: string) => new HttpError(404, { code: 'notFound', reason: reason(text) }),
  conflict: (text: string) => new HttpError(409, { code: 'conflict', reason: reason(text) }),
  unprocessable: (errors: readonly ErrorBody[]) => new HttpError(422, errors),
  one422: (code: Error422Code, text: string, propertyPath: string) =>
    new HttpError(422, [error422(code, text, propertyPath)]),
  internal: (text: string) => new HttpError(500, { code: 'internalError', reason: reason(text) }),
  notImplemented: (text: string) => new HttpError(501, { code: 'notImplemented', reason: reason(text) }),
};

/**
 * Answers only with a status the operation documents. MEF 123 (v10/v5) documents no 422 on the list,
 * PATCH and hub operations, and no version documents it on the modify-date list; there a 422 becomes
 * `400` with the closest Error400 code (`invalidQuery` without a request body, `invalidBody` with one),
 * every problem kept in `message`. API-NOTES §13.8: the spec leaves 400 vs 422 open; the YAML decides.
 */
export function asDocumentedError(op: OperationInfo, err: unknown): unknown {
  if (!(err instanceof HttpError) || op.responses.has(err.status) || err.status !== 422) return err;
  const problems = (Array.isArray(err.body) ? err.body : [err.body]) as readonly ErrorBody[];
  const first = problems[0];
  const text = problems.map((p) => `${p.propertyPath ?? ''} ${p.reason}`.trim()).join('; ');
  return new HttpError(400, {
    code: op.requestSchemaName ? 'invalidBody' : 'invalidQuery',
    reason: reason(first?.reason ?? 'the request cannot be processed'),
    ...(problems.length > 1 || first?.propertyPath ? { message: text } : {}),
  });
}
