import type { Finding } from '../results';

/** The shape every check registry shares: a name, the operations it applies to, a run. */
export interface NamedCheck<C> {
  readonly name: string;
  readonly operations?: readonly string[];
  run(ctx: C): Finding[];
}

/**
 * Runs the checks of a registry that apply to `operationId` and are not disabled. A check that throws is
 * a harness bug, reported as one (`harness.checkCrashed`) instead of taking the run down.
 */
export function runChecks<C>(
  checks: readonly NamedCheck<C>[],
  ctx: C,
  target: { readonly operationId: string | undefined; readonly exchangeId: string },
  disabled: ReadonlySet<string>,
): Finding[] {
  const out: Finding[] = [];
  for (const check of checks) {
    if (disabled.has(check.name)) continue;
    if (check.operations && !check.operations.includes(target.operationId ?? '')) continue;
    try {
      out.push(...check.run(ctx));
    } catch (err) {
      out.push({
        check: check.name,
        code: 'harness.checkCrashed',
        severity: 'error',
        message: `the ${check.name} check failed inside the harness: ${(err as Error).message}`,
        requirements: [],
        exchangeId: target.exchangeId,
      });
    }
  }
  return out;
}
