/**
 * Secret redaction. The runner redacts exchanges before they enter the RunResult; the writers apply
 * this again, only when handed a `secrets` list, as a last line of defence: a token echoed back in a
 * response body or error message must not end up in a CI artefact.
 */
import type { RunResult } from '../results/model';
import { base64Forms } from '../util/secret-forms';
import { escapeMarkup } from './markup-escape';

export const REDACTED = '***';

/** Shorter secrets are ignored: replacing a 3-character string would shred the report. */
export const MIN_SECRET_LENGTH = 4;

export const SENSITIVE_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

// `authorization: Bearer abc` in a message or curl line, `"authorization": "Bearer abc"` in JSON text.
const HEADER_TEXT =
  /\b(proxy-authorization|authorization|set-cookie|cookie|x-api-key)(["']?\s*:\s*["']?)([^\r\n'"<>]*)/gi;

/** Keeps the auth scheme (`Bearer ***`): it helps a reader and reveals nothing. */
function redactHeaderValue(name: string, value: string): string {
  if (name.toLowerCase().endsWith('authorization')) {
    const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value.trim());
    if (scheme) return `${scheme[1]} ${REDACTED}`;
  }
  return value === '' ? value : REDACTED;
}

/** Each secret as it may appear once encoded for a URL, JSON text or markup, longest first. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s.length < MIN_SECRET_LENGTH) continue;
    for (const f of [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1), escapeMarkup(s)]) forms.add(f);
    for (const f of base64Forms(s)) forms.add(f);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function replaceForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

function replaceHeaderText(text: string): string {
  return text.replace(HEADER_TEXT, (_m, name: string, sep: string, value: string) => {
    return `${name}${sep}${redactHeaderValue(name, value)}`;
  });
}

/** Replaces every occurrence of each secret (≥ 4 characters) and the values of sensitive headers with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return replaceHeaderText(replaceForms(text, secretForms(secrets)));
}

/** A copy of `headers` with the values of sensitive headers replaced. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SENSITIVE_HEADERS.includes(name.toLowerCase()) ? redactHeaderValue(name, value) : value;
  }
  return out;
}

/**
 * How a report redacts: `value` for each string of the result (by the key it sits under), `output` for
 * the rendered text. The secrets' forms are worked out once per report, not once per string.
 */
export interface ReportRedactor {
  value(value: string, key: string | undefined): string;
  output(text: string): string;
}

export function reportRedactor(secrets: readonly string[]): ReportRedactor {
  const forms = secretForms(secrets);
  return {
    value: (value, key) =>
      key !== undefined && SENSITIVE_HEADERS.includes(key.toLowerCase())
        ? redactHeaderValue(key, value)
        : replaceHeaderText(replaceForms(value, forms)),
    output: (text) => replaceForms(text, forms),
  };
}

/** A copy of `value` with every string redacted (`key`: the key it sits under, for header names). */
export function redactValue(value: unknown, redactor: ReportRedactor, key?: string): unknown {
  if (typeof value === 'string') return redactor.value(value, key);
  if (Array.isArray(value)) return value.map((v: unknown) => redactValue(v, redactor));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value))
      out[k] = redactValue((value as Record<string, unknown>)[k], redactor, k);
    return out;
  }
  return value;
}

/** Every string of the result redacted (bodies, URLs, headers, messages, expected/actual values). */
export function redactRunResult(result: RunResult, secrets: readonly string[]): RunResult {
  return redactValue(result, reportRedactor(secrets)) as RunResult;
}

/** What every writer accepts. */
export interface WriterOptions {
  /** Last line of defence: these strings (and sensitive header values) are replaced with `***`. */
  readonly secrets?: readonly string[];
}

/**
 * Renders with the secrets and sensitive header values scrubbed from every string of the input, then
 * the secrets (in any encoding) from the output. The header pattern is not run on the output: in markup
 * a value's end is an entity, not a quote, and the pattern would eat the rest of the line.
 */
export function renderRedacted(
  result: RunResult,
  secrets: readonly string[] | undefined,
  render: (result: RunResult) => string,
): string {
  if (secrets === undefined) return render(result);
  const redactor = reportRedactor(secrets);
  return redactor.output(render(redactValue(result, redactor) as RunResult));
}
