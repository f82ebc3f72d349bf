/**
 * prism-http's own copies of ajv and ajv-formats (it may carry a version of its own of either) and its
 * date-time format: what a validation that must agree with prism-http's has to be built from. Precompiled
 * acceptors (acceptor-cache.ts) require this module by path for `formats`.
 */
import { createRequire } from 'node:module';
import type AjvClass from 'ajv';
import type { FormatDefinition } from 'ajv';

const prismRequire = createRequire(require.resolve('@stoplight/prism-http/dist/validator/validators/utils'));

/** The ajv module itself: its default export is the class, `_` its code template tag. */
export const codegen = prismRequire('ajv') as typeof import('ajv');
export const PrismAjv = (codegen as unknown as { default: typeof AjvClass }).default;
export const addPrismFormats = (prismRequire('ajv-formats') as { default: (ajv: AjvClass) => AjvClass })
  .default;

const dateTime = prismRequire('./dateTime') as {
  fmtDef: (validate: (s: string) => boolean, compare: (a: string, b: string) => number | undefined) => object;
  date_time: (s: string) => boolean;
  compareDateTime: (a: string, b: string) => number | undefined;
};

/** prism-http replaces ajv-formats' date-time with its own (validators/utils.js). */
export const prismDateTime = dateTime.fmtDef(
  dateTime.date_time,
  dateTime.compareDateTime,
) as FormatDefinition<string>;

/** Every format prism-http's ajv knows, by name: ajv-formats' full set with prism-http's date-time. */
export const formats: Record<string, unknown> = {
  ...(prismRequire('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> }).fullFormats,
  'date-time': prismDateTime,
};

/** Versions that decide what a compiled acceptor does: a precompiled one from other versions is not used. */
export function prismValidationVersions(): Record<string, string> {
  const version = (name: string): string =>
    (prismRequire(`${name}/package.json`) as { version: string }).version;
  const ours = createRequire(__filename);
  const own = (name: string): string => (ours(`${name}/package.json`) as { version: string }).version;
  return {
    ajv: version('ajv'),
    'ajv-formats': version('ajv-formats'),
    'prism-http': own('@stoplight/prism-http'),
    'json-schema-merge-allof': own('@stoplight/json-schema-merge-allof'),
  };
}
