import type { IncomingHttpHeaders } from 'node:http';
import type { ApiSpec, SchemaViolation } from '../../src/spec';
import { isValidUtf8, parseJsonText } from './body-text';
import { checkBearer, checkContentType, errorBody, type ErrorBody } from './event-checks';
import type { BodyRead } from './read-body';

export interface EventInput {
  readonly spec: ApiSpec;
  readonly eventType: string;
  readonly read: BodyRead;
  readonly headers: IncomingHttpHeaders;
  readonly token?: string;
  readonly maxBodyBytes: number;
}

/** What the listener answers to one event, and what it found. */
export interface EventJudgement {
  readonly status: 204 | 400 | 401 | 413 | 500;
  readonly error?: ErrorBody;
  readonly body?: unknown;
  readonly violations: readonly SchemaViolation[];
}

const MAX_MESSAGE = 2000;

function reject(status: 400 | 401 | 413, keyword: string, error: ErrorBody, body?: unknown): EventJudgement {
  const violation: SchemaViolation = { pointer: '', keyword, message: error.message ?? error.reason };
  return { status, error, violations: [violation], ...(body !== undefined ? { body } : {}) };
}

/** Credentials, size, encoding, media type, JSON, then the operation's request schema: first failure wins. */
export function judgeEvent(input: EventInput): EventJudgement {
  const { spec, eventType, read, headers } = input;
  if (input.token !== undefined) {
    const problem = checkBearer(headers.authorization, input.token);
    if (problem) return reject(401, 'credentials', errorBody(problem.code, problem.reason));
  }
  if (read.truncated) {
    const reason = `The event body exceeds ${input.maxBodyBytes} bytes`;
    return reject(413, 'bodyTooLarge', errorBody('invalidBody', reason));
  }
  const coding = headers['content-encoding']?.trim().toLowerCase();
  if (coding && coding !== 'identity') {
    return reject(400, 'encoding', errorBody('invalidBody', `Content-Encoding ${coding} is not accepted`));
  }
  const operation = spec.notification.operations.get(eventType);
  const typeProblem = checkContentType(headers['content-type'], operation?.requestContentType);
  if (typeProblem) return reject(400, 'contentType', errorBody('invalidBody', typeProblem));
  if (!isValidUtf8(read.bytes)) {
    return reject(400, 'encoding', errorBody('invalidBody', 'The event body is not valid UTF-8'));
  }
  const parsed = parseJsonText(read.bytes.toString('utf8'));
  if (!('json' in parsed)) {
    const why = 'jsonError' in parsed ? parsed.jsonError : 'the body is empty';
    return reject(400, 'json', errorBody('invalidBody', 'The event body is not JSON', why));
  }
  const schemaName = operation?.requestSchemaName;
  if (!schemaName) {
    // The spec layer indexes every listener with a body schema; reaching here is a harness bug.
    return { status: 500, error: errorBody('internalError', `No schema for ${eventType}`), violations: [] };
  }
  const violations = spec.notification.schemas.validate(schemaName, parsed.json);
  if (violations.length === 0) return { status: 204, body: parsed.json, violations };
  const message = violations
    .map((v) => v.message)
    .join('; ')
    .slice(0, MAX_MESSAGE);
  return {
    status: 400,
    error: errorBody('invalidBody', `The event body does not match ${schemaName}`, message),
    body: parsed.json,
    violations,
  };
}
