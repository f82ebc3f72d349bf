import type { ValidateFunction } from 'ajv';
import type { ApiSpec, OperationInfo, SchemaViolation } from '../../../src/spec';
import { error422, httpErrors, type Error422Code, type ErrorBody } from './errors';

export type QueryValues = Readonly<Record<string, string | readonly string[] | undefined>>;
/** Query values after validation: typed by the spec's parameter schemas. */
export type TypedQuery = Readonly<Record<string, string | number | boolean>>;

const KEYWORD_TO_CODE: Readonly<Record<string, Error422Code>> = {
  required: 'missingProperty',
  format: 'invalidFormat',
  pattern: 'invalidFormat',
  additionalProperties: 'unexpectedProperty',
};

/** Maps schema violations of a request body to the spec's 422 body (array of Error422). */
export function violationsTo422(violations: readonly SchemaViolation[], prefix = ''): ErrorBody[] {
  return violations.map((v) =>
    error422(KEYWORD_TO_CODE[v.keyword] ?? 'invalidValue', v.message.trim(), `${prefix}${v.pointer}` || '/'),
  );
}

/** Validates a body against the operation's request schema; throws 422 with every violation. */
export function validateBody(spec: ApiSpec, op: OperationInfo, body: unknown): void {
  if (!op.requestSchemaName) return;
  const violations = spec.management.schemas.validate(op.requestSchemaName, body);
  if (violations.length > 0) throw httpErrors.unprocessable(violationsTo422(violations));
}

/**
 * Checks query parameters against the operation's declared ones (spec-driven): unknown names, repeated
 * scalars, empty values and values of the wrong type or enum are `400`, with the code the spec defines.
 */
export class QueryValidator {
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: ApiSpec) {}

  private schemaFn(op: OperationInfo, name: string): ValidateFunction | undefined {
    const key = `${op.operationId}:${name}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const param = op.queryParams.find((p) => p.name === name);
      if (!param?.schema) return undefined;
      fn = this.spec.management.schemas.compileInline(param.schema);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  validate(op: OperationInfo, query: QueryValues): TypedQuery {
    const out: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      const param = op.queryParams.find((p) => p.name === name);
      if (!param) throw httpErrors.badRequest('invalidQuery', `unknown query parameter '${name}'`);
      if (Array.isArray(value))
        throw httpErrors.badRequest('invalidQuery', `query parameter '${name}' is repeated`);
      const text = value as string;
      if (text === '')
        throw httpErrors.badRequest('missingQueryValue', `query parameter '${name}' has no value`);
      const type = param.schema?.['type'];
      let typed: string | number | boolean = text;
      if (type === 'integer') {
        if (!/^-?\d{1,10}$/.test(text))
          throw httpErrors.badRequest('invalidQuery', `'${name}' must be an integer`);
        typed = Number(text);
        if (name === 'offset' && typed < 0)
          throw httpErrors.badRequest('invalidQuery', `'offset' must be 0 or more`);
        if (name === 'limit' && typed < 1)
          throw httpErrors.badRequest('invalidQuery', `'limit' must be 1 or more`);
      } else if (type === 'boolean') {
        if (text !== 'true' && text !== 'false')
          throw httpErrors.badRequest('invalidQuery', `'${name}' must be true or false`);
        typed = text === 'true';
      }
      const fn = this.schemaFn(op, name);
      if (fn && !fn(typed)) {
        const detail = fn.errors?.[0]?.message ?? 'invalid';
        throw httpErrors.badRequest('invalidQuery', `query parameter '${name}': ${detail}`);
      }
      out[name] = typed;
    }
    for (const p of op.queryParams) {
      if (p.required && out[p.name] === undefined) {
        throw httpErrors.badRequest('missingQueryParameter', `query parameter '${p.name}' is required`);
      }
    }
    return out;
  }
}
