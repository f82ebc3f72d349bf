import type { Exchange, Finding } from '../results';
import type { ApiSpec } from '../spec';

/** What a per-exchange check sees: the exchange, its parsed body, and what was sent. */
export interface ExchangeContext {
  readonly spec: ApiSpec;
  readonly exchange: Exchange;
  /** The response body parsed as JSON, when it was. */
  readonly json?: unknown;
  readonly jsonError?: string;
  /** The request body as sent (parsed), for echo checks. */
  readonly requestBody?: unknown;
  /** Requirement ids of the scenario and step, added to every finding. */
  readonly requirements: readonly string[];
}

/** A small named function in the registry (STYLE.md §7): findings are data, never thrown. */
export interface ExchangeCheck {
  readonly name: string;
  /** Operations it applies to; absent: every management operation. */
  readonly operations?: readonly string[];
  run(ctx: ExchangeContext): Finding[];
}

export function finding(
  ctx: Pick<ExchangeContext, 'exchange' | 'requirements'>,
  check: string,
  code: string,
  message: string,
  extra: Partial<Omit<Finding, 'check' | 'code' | 'message'>> = {},
): Finding {
  const requirements = [...new Set([...(extra.requirements ?? []), ...ctx.requirements])];
  return {
    severity: 'error',
    exchangeId: ctx.exchange.id,
    ...extra,
    check,
    code,
    message,
    requirements,
  };
}
