import type { Finding } from '../results';
import type { ExchangeCheck, ExchangeContext } from './check-types';
import { runChecks } from './run-checks';
import { echoCheck } from './echo-check';
import { idMatchesPath, listHonoursFilters } from './identity-checks';
import { paginationHeaders } from './list-checks';
import {
  contentType,
  jsonParses,
  noContentIsEmpty,
  responseSchema,
  statusDocumented,
} from './response-checks';
import { orderStateRules, taskStateRules } from './state-checks';

/** Every per-exchange check, by name; a run can switch any of them off (`--skip-check name`). */
export const EXCHANGE_CHECKS: readonly ExchangeCheck[] = [
  statusDocumented,
  contentType,
  jsonParses,
  noContentIsEmpty,
  responseSchema,
  paginationHeaders,
  echoCheck,
  orderStateRules,
  taskStateRules,
  idMatchesPath,
  listHonoursFilters,
];

export const CHECK_NAMES = EXCHANGE_CHECKS.map((c) => c.name);

/** Runs the applicable checks on one exchange. A check that throws is a harness bug, reported as such. */
export function runExchangeChecks(
  ctx: ExchangeContext,
  disabled: ReadonlySet<string> = new Set(),
): Finding[] {
  if (!ctx.exchange.response) return [];
  return runChecks(
    EXCHANGE_CHECKS,
    ctx,
    { operationId: ctx.exchange.operationId, exchangeId: ctx.exchange.id },
    disabled,
  );
}
