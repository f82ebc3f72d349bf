/**
 * A quick "nothing to report" for a response body or a response's headers, from the same ajv modules,
 * options and formats that prism-http's validator uses (validator/validators/utils.js).
 *
 * Why: almost every response a run sees is valid, and for a valid one prism-http's path costs far more
 * than the validation itself (fp-ts pipes, lodash keyBy/mapValues/mapKeys/pickBy on every header set, a
 * draft lookup per call). An acceptor only answers "prism-http would find nothing here" or "ask
 * prism-http": on `false` the caller goes through prism-http, so every finding is still worded by it.
 * test/spec/output-validator.test.ts compares the outcome with prism-http's own validateOutput.
 * The validation functions are compiled here at first use, or come precompiled (acceptor-cache.ts).
 */
import type AjvClass from 'ajv';
import type { Options } from 'ajv';
import type { IHttpHeaderParam } from '@stoplight/types';
import type { JSONSchema as JSONSchema7 } from '@stoplight/prism-http/dist/types';
import { addPrismFormats, codegen, PrismAjv, prismDateTime } from './prism-modules';

/** prism-http's baseAjvOptions; its logger only silences "unknown format" warnings, which we never show. */
const PRISM_OPTIONS: Options = {
  allErrors: true,
  allowUnionTypes: true,
  allowMatchingProperties: true,
  strict: false,
  logger: false,
};

/**
 * ajv as prism-http configures it. At run time without ajv's code optimisation pass (the same verdicts,
 * and the ProductOrder schema compiles in about half the time, ~45 against ~75-110 ms cold, for ~1 µs
 * more per validation); with `source`, optimised, for standalone code whose formats come from
 * prism-modules at the require path `formatsModule`.
 */
export function prismAjv(coerceTypes: boolean, source?: { formatsModule: string }): AjvClass {
  const ajv = new PrismAjv({
    ...PRISM_OPTIONS,
    coerceTypes,
    code: source
      ? { source: true, formats: codegen._`require(${source.formatsModule}).formats` }
      : { optimize: false },
  });
  addPrismFormats(ajv);
  ajv.addFormat('date-time', prismDateTime);
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
export type ValidationFunction = (value: unknown) => unknown;

/** A body schema prism-http validates with the ajv mirrored here. */
export function mirroredBodySchema(schema: JSONSchema7): boolean {
  return !OTHER_DRAFT.test(String((schema as { $schema?: unknown }).$schema));
}

/** Runs an ajv validation function as an acceptor: anything but a plain `true` (or a throw) is a no. */
export function acceptorOf(validate: ValidationFunction): Acceptor<unknown> {
  return (value) => {
    try {
      return validate(value) === true;
    } catch {
      return false;
    }
  };
}

function compiled(schema: object, coerce: boolean): ValidationFunction | undefined {
  try {
    // prism-http compiles `{ ...schema, __bundled__: bundle }`; the extra key validates nothing.
    return ajvFor(coerce).compile(schema);
  } catch {
    return undefined; // prism-http reports nothing when it cannot compile; let it say so itself
  }
}

/**
 * Accepts a response body that prism-http's `validateAgainstSchema(body, schema, false, …)` finds nothing
 * in; `validate`: that schema's precompiled function.
 */
export function bodyAcceptor(
  schema: JSONSchema7,
  validate?: ValidationFunction,
): Acceptor<unknown> | undefined {
  if (!mirroredBodySchema(schema)) return undefined;
  const fn = validate ?? compiled(schema, false);
  return fn && acceptorOf(fn);
}

/**
 * The one object schema prism-http validates documented response headers against (validators/params.js:
 * createJsonSchemaFromParams), for the header lists it handles without a twist: simple style, scalar
 * schemas, nothing deprecated (a deprecated header that is present is a warning even when valid), no two
 * names equal but for case. Undefined for any other list.
 */
export function headersSchema(specs: readonly IHttpHeaderParam[]): object | undefined {
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
  return { type: 'object', properties, required };
}

/** Header values are validated with type coercion, as prism-http validates parameters. */
export function compileHeadersSchema(schema: object): ValidationFunction | undefined {
  return compiled(schema, true);
}

/**
 * headersSchema builds a new object on every call, which ajv's cache (by object) never recognises: the
 * function is kept per header list instead, so each status and media type of each operation sharing a
 * list (see shareEqualSchemas) does not compile it again.
 */
const headerFunctions = new WeakMap<readonly IHttpHeaderParam[], ValidationFunction | null>();
function compiledHeaders(specs: readonly IHttpHeaderParam[]): ValidationFunction | undefined {
  let fn = headerFunctions.get(specs);
  if (fn === undefined) {
    const schema = headersSchema(specs);
    headerFunctions.set(specs, (fn = (schema && compileHeadersSchema(schema)) ?? null));
  }
  return fn ?? undefined;
}

/**
 * Accepts documented response headers (lower-case names) that prism-http's header validator finds nothing
 * in. prism-http keeps only truthy values (lodash pickBy) of the documented names. `validate`: the
 * precompiled function of `headersSchema(specs)`.
 */
export function headersAcceptor(
  specs: readonly IHttpHeaderParam[],
  validate?: ValidationFunction,
): Acceptor<Readonly<Record<string, string>>> | undefined {
  const fn = validate ?? compiledHeaders(specs);
  if (!fn || !headersSchema(specs)) return undefined;
  const accept = acceptorOf(fn);
  const names = specs.map((s) => s.name.toLowerCase());
  return (headers) => {
    const values: Record<string, string> = {};
    for (const name of names) {
      const value = headers[name];
      if (value) values[name] = value;
    }
    return accept(values);
  };
}
