/**
 * Fans every hook out to several reporters, one after the other (so console output stays in order),
 * isolating each: a reporter that throws or rejects is recorded and the others still run. The runner
 * reports the collected failures at the end instead of failing the run for them.
 */
import type { RunResult, ScenarioResult, StepResult } from '../results/model';
import type { HookName, Reporter, RunStartInfo, ScenarioStartInfo } from './reporter';

export interface ReporterFailure {
  readonly reporter: string;
  readonly hook: HookName;
  readonly error: unknown;
}

export class ReporterMultiplexer implements Reporter {
  readonly name = 'multiplexer';
  readonly #reporters: readonly Reporter[];
  readonly #failures: ReporterFailure[] = [];

  constructor(reporters: readonly Reporter[]) {
    this.#reporters = [...reporters];
  }

  /** Every hook failure so far, in the order they happened. */
  get errors(): readonly ReporterFailure[] {
    return [...this.#failures];
  }

  readonly onRunStart = (info: RunStartInfo): Promise<void> =>
    this.#each('onRunStart', (r) => r.onRunStart?.(info));
  readonly onScenarioStart = (s: ScenarioStartInfo): Promise<void> =>
    this.#each('onScenarioStart', (r) => r.onScenarioStart?.(s));
  readonly onStepEnd = (scenarioId: string, step: StepResult): Promise<void> =>
    this.#each('onStepEnd', (r) => r.onStepEnd?.(scenarioId, step));
  readonly onScenarioEnd = (result: ScenarioResult): Promise<void> =>
    this.#each('onScenarioEnd', (r) => r.onScenarioEnd?.(result));
  readonly onRunEnd = (result: RunResult): Promise<void> =>
    this.#each('onRunEnd', (r) => r.onRunEnd?.(result));

  async #each(hook: HookName, call: (r: Reporter) => void | Promise<void> | undefined): Promise<void> {
    for (const [i, reporter] of this.#reporters.entries()) {
      try {
        await call(reporter);
      } catch (error) {
        this.#failures.push({ reporter: reporter.name ?? `reporter #${i + 1}`, hook, error });
      }
    }
  }
}
