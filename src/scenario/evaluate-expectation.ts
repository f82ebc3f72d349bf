/**
 * Judges a response against an `expect:` block: status, body matchers, header matchers, `errorCode` and
 * `count`. `schema` and `echo` need the spec and the request, so their checks live with the other checks
 * (src/check); this module only carries their flags.
 */
import type { Expectation } from './expectation-types';
import { isJsonObject, preview, type JsonValue, type Variables } from './json';
import { evaluateMatcher, evaluateMatchers, type MatchResult } from './matchers';
import type { TemplateEnv } from './template';

/** The parts of a response an expectation looks at; the runner has parsed a JSON body already. */
export interface ResponseView {
  readonly status: number;
  /** Any case; repeated headers as an array. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Parsed JSON body; undefined for an empty or non-JSON body. */
  readonly body: JsonValue | undefined;
}

export type ExpectationCheck = 'status' | 'body' | 'header' | 'errorCode' | 'count';

export interface ExpectationResult extends MatchResult {
  readonly check: ExpectationCheck;
}

/** The `code` of a MEF error body: the object's own, or each element's for a 422 array. */
export function errorCodesOf(body: JsonValue | undefined): string[] {
  const items = Array.isArray(body) ? (body as readonly JsonValue[]) : [body];
  return items.flatMap((item) =>
    isJsonObject(item) && typeof item['code'] === 'string' ? [item['code']] : [],
  );
}

function headerValue(view: ResponseView, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(view.headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

export function evaluateExpectation(
  response: ResponseView,
  expectation: Expectation,
  vars: Variables,
  env: TemplateEnv = {},
): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const statusOk = expectation.status.length === 0 || expectation.status.includes(response.status);
  results.push({
    check: 'status',
    ok: statusOk,
    message: `status ${response.status}${statusOk ? '' : `, expected ${expectation.status.join(' or ')}`}`,
    actual: response.status,
  });
  for (const r of evaluateMatchers(response.body, expectation.body, vars, { env })) {
    results.push({ check: 'body', ...r });
  }
  for (const entry of expectation.headers) {
    const r = evaluateMatcher(headerValue(response, entry.path), entry.matcher, vars, { env, coerce: true });
    results.push({ check: 'header', ...r, message: `header ${entry.path}: ${r.message}`, path: entry.path });
  }
  if (expectation.errorCode) {
    const codes = errorCodesOf(response.body);
    const ok = codes.some((c) => expectation.errorCode?.includes(c));
    const wanted = expectation.errorCode.join(' or ');
    results.push({
      check: 'errorCode',
      ok,
      message: ok
        ? `error code ${codes.join(', ')}`
        : `expected error code ${wanted}, got ${codes.length ? codes.join(', ') : 'none'}`,
      actual: codes,
    });
  }
  if (expectation.count) {
    const body = response.body;
    if (!Array.isArray(body)) {
      results.push({
        check: 'count',
        ok: false,
        message: `count: expected a list, got ${preview(body)}`,
        actual: body,
      });
    } else {
      const r = evaluateMatcher(body.length, expectation.count, vars, { env });
      results.push({ check: 'count', ...r, message: `count: ${r.message}` });
    }
  }
  return results;
}
