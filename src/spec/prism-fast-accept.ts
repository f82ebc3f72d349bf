/**
 * A quick "nothing to report" for a response body or a response's headers, from the same ajv modules,
 * options and formats that prism-http's validator uses (validator/validators/utils.js), compiled once.
 *
 * Why: almost every response a run sees is valid, and for a valid one prism-http's path costs far more
 * than the validation itself (fp-ts pipes, lodash keyBy/mapValues/mapKeys/pickBy on every header set, a
 * draft lookup per call). An acceptor only answers "prism-http would find nothing here" or "ask
 * prism-http": on `false` the caller goes through prism-http, so every finding is still worded by it.
 * test/spec/output-validator.test.ts compares the outcome with prism-http's own validateOutput.
 */
import { createRequire } from 'node:module';
import type AjvClass from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import type { IHttpHeaderParam } from '@stoplight/types';
import type { JSONSchema as JSONSchema7 } from '@stoplight/prism-http/dist/types';

/** prism-http's own copies of ajv and ajv-formats (it may carry a version of its own of either). */
const prismRequire = createRequire(require.resolve('@stoplight/prism-http/dist/validator/validators/utils'));
const Ajv = (prismRequire('ajv') as { default: typeof AjvClass }).default;
const addFormats = (prismRequire('ajv-formats') as { default: (ajv: AjvClass) => AjvClass }).default;
const dateTime = prismRequire('./dateTime') as {
  fmtDef: (validate: (s: string) => boolean, compare: (a: string, b: string) => number | undefined) => object;
  date_time: (s: string) => boolean;
  compareDateTime: (a: string, b: string) => number | undefined;
};

/** prism-http's baseAjvOptions; its logger only silences "unknown format" warnings, which we never show. */
const PRISM_OPTIONS: Options = {
  allErrors: true,
  allowUnionTypes: true,
  allowMatchingProperties: true,
  strict: false,
  logger: false,
};

function prismAjv(coerceTypes: boolean): AjvClass {
  // Without ajv's code optimisation pass: the same verdicts, and the ProductOrder schema compiles in
  // about half the time (~45 against ~75-110 ms cold) for ~1 µs more per validation.
  const ajv = new Ajv({ ...PRISM_OPTIONS, coerceTypes, code: { optimize: false } });
  addFormats(ajv);
  ajv.addFormat('date-time', dateTime.fmtDef(dateTime.date_time, dateTime.compareDateTime) as never);
  return ajv;
}

let instances: { coerce: AjvClass; noCoerce: AjvClass } | undefined;
function ajvFor(coerce: boolean): AjvClass {
  instances ??= { coerce: prismAjv(true), noCoerce: prismAjv(false) };
  return coerce ? instances.coerce : instances.noCoerce;
}

/** prism-http picks its draft-2019-09 or draft-2020-12 ajv by `$schema`: only its default one is mirrored. */
const OTHER_DRAFT = /^https?:\/\/json-schema.org\/draft\/(2019-09|2020-12)\/schema#?$/;

export type Acceptor<T> = (value: T) => boolean;

function acceptor<T>(schema: object, coerce: boolean): Acceptor<T> | undefined {
  if (OTHER_DRAFT.test(String((schema as { $schema?: unknown }).$schema))) return undefined;
  let validate: ValidateFunction;
  try {
    // prism-http compiles `{ ...schema, __bundled__: bundle }`; the extra key validates nothing.
    validate = ajvFor(coerce).compile(schema);
  } catch {
    return undefined; // prism-http reports nothing when it cannot compile; let it say so itself
  }
  return (value) => {
    try {
      return validate(value) === true;
    } catch {
      return false;
    }
  };
}

/** Accepts a response body that prism-http's `validateAgainstSchema(body, schema, false, …)` finds nothing in. */
export function bodyAcceptor(schema: JSONSchema7): Acceptor<unknown> | undefined {
  return acceptor<unknown>(schema, false);
}

/**
 * Accepts documented response headers (lower-case names) that prism-http's header validator finds nothing
 * in, for the header lists it handles without a twist: simple style, scalar schemas, nothing deprecated
 * (a deprecated header that is present is a warning even when valid), no two names equal but for case.
 * prism-http builds one object schema of the lists (validators/params.js: createJsonSchemaFromParams),
 * keeps only truthy values (lodash pickBy), and validates with type coercion.
 */
export function headersAcceptor(
  specs: readonly IHttpHeaderParam[],
): Acceptor<Readonly<Record<string, string>>> | undefined {
  const names = specs.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) return undefined;
  const plain = specs.every(
    (s) =>
      !s.deprecated &&
      (s.style === undefined || String(s.style) === 'simple') &&
      s.schema?.type !== 'array' &&
      s.schema?.type !== 'object',
  );
  if (!plain) return undefined;
  const properties: Record<string, unknown> = {};
  specs.forEach((s, i) => {
    if (s.schema) properties[names[i]!] = s.schema;
  });
  const required = names.filter((_, i) => specs[i]!.required);
  const accept = acceptor<Record<string, string>>({ type: 'object', properties, required }, true);
  if (!accept) return undefined;
  return (headers) => {
    const values: Record<string, string> = {};
    for (const name of names) {
      const value = headers[name];
      if (value) values[name] = value;
    }
    return accept(values);
  };
}
