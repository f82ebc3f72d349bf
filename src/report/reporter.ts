/**
 * Reporters are objects with optional, awaitable hooks, called by the runner as the run unfolds (STYLE.md:
 * "events out, reporters in"). `--reporter console,json` is typed by the name → factory map, and the
 * multiplexer keeps one crashing reporter from taking the run or the other reporters down with it.
 */
import type { RunResult, ScenarioResult, StepResult } from '../results/model';
import { createConsoleReporter } from './console-reporter';
import { createFileReporter } from './file-reporter';

/** What is known when the run starts, before any scenario ran. */
export interface RunStartInfo {
  /** Scenarios planned (including those that will be skipped or not applicable). */
  readonly total: number;
  readonly target: string;
  readonly apiVersion: string;
  readonly role?: 'seller' | 'buyer';
  readonly embeddedTarget?: boolean;
  readonly harnessVersion?: string;
  readonly capabilities?: readonly string[];
}

export interface ScenarioStartInfo {
  readonly id: string;
  readonly title: string;
  readonly file: string;
}

type Hook<A extends unknown[]> = (...args: A) => void | Promise<void>;

export interface Reporter {
  /** Used in the multiplexer's error records. */
  readonly name?: string;
  readonly onRunStart?: Hook<[info: RunStartInfo]>;
  readonly onScenarioStart?: Hook<[scenario: ScenarioStartInfo]>;
  readonly onStepEnd?: Hook<[scenarioId: string, step: StepResult]>;
  readonly onScenarioEnd?: Hook<[result: ScenarioResult]>;
  readonly onRunEnd?: Hook<[result: RunResult]>;
}

export type HookName = Exclude<keyof Reporter, 'name'>;

export interface ReporterOptions {
  /** Where the console reporter writes (the CLI passes its stdout). */
  readonly stream: NodeJS.WritableStream;
  /** Where file reporters write `results.json`, `junit.xml`, `report.html`. */
  readonly reportDir: string;
  /** Console colours; default: on for a TTY unless NO_COLOR is set (FORCE_COLOR honoured). */
  readonly color?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Strings to scrub from every output, as a last line of defence. */
  readonly secrets?: readonly string[];
}

export const REPORTERS = {
  console: (o: ReporterOptions): Reporter => createConsoleReporter(o),
  json: (o: ReporterOptions): Reporter =>
    createFileReporter('json', { dir: o.reportDir, secrets: o.secrets }),
  junit: (o: ReporterOptions): Reporter =>
    createFileReporter('junit', { dir: o.reportDir, secrets: o.secrets }),
  html: (o: ReporterOptions): Reporter =>
    createFileReporter('html', { dir: o.reportDir, secrets: o.secrets }),
} as const satisfies Record<string, (o: ReporterOptions) => Reporter>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

/** Bad `--reporter` value; the CLI maps it to exit 2 by `code`. */
export class ReporterListError extends Error {
  readonly code: 'report.unknownReporter' | 'report.noReporter';
  constructor(readonly unknown: readonly string[]) {
    super(
      unknown.length === 0
        ? `no reporter given: expected a comma-separated list of ${REPORTER_NAMES.join(', ')}`
        : `unknown reporter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}: ` +
            `expected a comma-separated list of ${REPORTER_NAMES.join(', ')}`,
    );
    this.name = 'ReporterListError';
    this.code = unknown.length === 0 ? 'report.noReporter' : 'report.unknownReporter';
  }
}

const isReporterName = (name: string): name is ReporterName => (REPORTER_NAMES as string[]).includes(name);

/** `'console,json'` (or repeated flags) → `['console', 'json']`, deduplicated; all unknown names at once. */
export function parseReporterList(input: string | readonly string[]): ReporterName[] {
  const names = (typeof input === 'string' ? [input] : input)
    .flatMap((part) => part.split(','))
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  const unknown = names.filter((n) => !isReporterName(n));
  if (unknown.length > 0 || names.length === 0) throw new ReporterListError(unknown);
  return [...new Set(names.filter(isReporterName))];
}

export function createReporters(names: readonly ReporterName[], options: ReporterOptions): Reporter[] {
  return names.map((name) => REPORTERS[name](options));
}
