import type { SendResult } from '../../emulators/buyer';
import type { Finding } from '../results';
import { evaluateExpectation } from '../scenario/evaluate-expectation';
import { selectPath } from '../scenario/matchers';
import type { Expectation, JsonValue, SaveEntry } from '../scenario/types';
import type { ScenarioState } from './run-context';

/** The scenario author's own expectations, as findings (check `expect`). */
export function judgeExpectation(
  send: SendResult,
  expectation: Expectation,
  state: ScenarioState,
  requirements: readonly string[],
): Finding[] {
  const response = send.exchange.response;
  if (!response || send.exchange.error) return []; // the transport finding says why
  const results = evaluateExpectation(
    { status: response.status, headers: response.headers, body: send.json as JsonValue | undefined },
    expectation,
    state.vars,
    state.env,
  );
  return results
    .filter((r) => !r.ok)
    .map((r) => ({
      check: 'expect',
      // A matcher that could not be evaluated is the harness's (or the author's) problem, not the target's.
      code: r.errored ? 'harness.expectation' : `expect.${r.check}`,
      severity: 'error' as const,
      message: r.message,
      requirements: [...requirements],
      exchangeId: send.exchange.id,
      ...(r.path !== undefined ? { pointer: r.path } : {}),
      ...(r.actual !== undefined ? { actual: r.actual } : {}),
    }));
}

/** What `save` takes: the value a definite path reaches, or the list a `[*]` path reaches (none: nothing). */
function savedValue(body: JsonValue | undefined, path: string): JsonValue | undefined {
  const s = selectPath(body, path);
  if (!s.ok) return undefined;
  if (s.wildcard) return s.values.length > 0 ? s.values : undefined;
  return s.values[0];
}

/**
 * Saves values into the scenario's variables. A value the path does not reach is a failed step: later
 * steps would only fail more confusingly.
 */
export function saveValues(
  entries: readonly SaveEntry[],
  body: unknown,
  headers: Readonly<Record<string, string>> | undefined,
  state: ScenarioState,
  exchangeId?: string,
): Finding[] {
  const out: Finding[] = [];
  for (const entry of entries) {
    const value =
      entry.from === 'header'
        ? headers?.[entry.header.toLowerCase()]
        : savedValue(body as JsonValue | undefined, entry.path);
    if (value === undefined) {
      out.push({
        check: 'save',
        code: 'save.missing',
        severity: 'error',
        message: `cannot save ${entry.var}: ${entry.from === 'header' ? `no header ${entry.header}` : `nothing at ${entry.path}`}`,
        requirements: [...state.requirements],
        ...(exchangeId ? { exchangeId } : {}),
      });
      continue;
    }
    state.vars[entry.var] = value;
  }
  return out;
}
