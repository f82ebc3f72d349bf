import type { ApiSpec } from '../../../../src/spec';

/** The one media type of every body in the API (Mplify 123.1 §5.2; API-NOTES §1). */
export const JSON_MEDIA_TYPE = 'application/json;charset=utf-8';

/** What the helpers need of an HTTP answer: a supertest response fits, so does a captured one. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body text ('' or absent: no body). */
  readonly text?: string;
}

function flatHeaders(headers: HttpAnswer['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * Every way an answer departs from the operation's documented response, as messages:
 * - the status must be one the operation documents;
 * - prism-http (status, headers, content negotiation, body): every severity-0 violation;
 * - ajv against the documented schema (`[Name]` for arrays, e.g. `[Error422]`);
 * - a body, when present, has exactly the content type `application/json;charset=utf-8`, and is JSON.
 */
export function conformanceProblems(spec: ApiSpec, operationId: string, answer: HttpAnswer): string[] {
  const op = spec.management.operations.get(operationId);
  if (!op) return [`${spec.version.id} has no operation ${operationId}`];
  const problems: string[] = [];
  const documented = op.responses.get(answer.status);
  if (!documented) {
    problems.push(
      `status ${answer.status} is not documented for ${operationId} (documented: ${[...op.responses.keys()].join(', ')})`,
    );
  }
  const headers = flatHeaders(answer.headers);
  const text = answer.text ?? '';
  let body: unknown;
  if (text.length > 0) {
    if (headers['content-type'] !== JSON_MEDIA_TYPE) {
      problems.push(`content-type is '${headers['content-type'] ?? '(none)'}', not '${JSON_MEDIA_TYPE}'`);
    }
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      problems.push(`body is not JSON: ${text.slice(0, 80)}`);
    }
  }
  if (documented?.schemaName) {
    if (body === undefined)
      problems.push(`status ${answer.status} documents a ${documented.schemaName} body; got none`);
    else {
      for (const v of spec.management.schemas.validate(documented.schemaName, body)) {
        problems.push(`ajv ${documented.schemaName}: ${v.pointer || '/'} ${v.message}`);
      }
    }
  } else if (documented && text.length > 0) {
    problems.push(`status ${answer.status} documents no body; got ${text.slice(0, 80)}`);
  }
  if (documented) {
    for (const v of spec.management.http.validateResponse(operationId, {
      status: answer.status,
      headers,
      body,
    })) {
      if (v.severity === 0) problems.push(`prism ${v.code} at ${v.location || '(response)'}: ${v.message}`);
    }
  }
  return problems;
}

/**
 * The one conformance helper: fails the test with every problem of `answer` against the spec
 * (see conformanceProblems) and returns the parsed body for further assertions.
 */
export function expectConformant(spec: ApiSpec, operationId: string, answer: HttpAnswer): unknown {
  const problems = conformanceProblems(spec, operationId, answer);
  expect({ operationId, status: answer.status, problems }).toEqual({
    operationId,
    status: answer.status,
    problems: [],
  });
  const text = answer.text ?? '';
  return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
}

/** Problems of a notification body against the Buyer listener API of this version. */
export function notificationProblems(spec: ApiSpec, eventType: string, body: unknown): string[] {
  const op = spec.notification.operations.get(eventType);
  if (!op?.requestSchemaName) return [`${spec.version.id} has no notification ${eventType}`];
  const problems = spec.notification.schemas
    .validate(op.requestSchemaName, body)
    .map((v) => `ajv ${op.requestSchemaName ?? ''}: ${v.pointer || '/'} ${v.message}`);
  const declared = (body as { eventType?: unknown } | null)?.eventType;
  if (declared !== eventType)
    problems.push(`eventType is ${JSON.stringify(declared)}, posted to ${eventType}`);
  return problems;
}

/** Fails the test unless `body` is a valid `eventType` notification of this API version. */
export function expectValidNotification(spec: ApiSpec, eventType: string, body: unknown): void {
  const problems = notificationProblems(spec, eventType, body);
  expect({ eventType, problems }).toEqual({ eventType, problems: [] });
}
