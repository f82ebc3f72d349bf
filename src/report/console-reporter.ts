/**
 * The console reporter: a line per finished scenario (✓ passed, ✗ failed, ! errored, - skipped or not
 * applicable) with a `[done/total]` counter on long runs, then the summary. It writes to an injected
 * stream and colours through its own chalk instance, so nothing depends on process globals.
 */
import type { ScenarioResult } from '../results/model';
import { formatDuration } from '../util/duration';
import { explainScenario } from './collect-findings';
import { formatScenarioLine, formatSummary, paintStatus, painter } from './format-summary';
import { STATUS_SYMBOL } from './labels';
import { makeVisible } from './markup-escape';
import { redactSecrets } from './redact';
import type { Reporter, RunStartInfo } from './reporter';

/** From this many planned scenarios on, each line carries `[done/total]`. */
export const PROGRESS_THRESHOLD = 10;

export interface ConsoleReporterOptions {
  readonly stream: NodeJS.WritableStream;
  readonly color?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Also print a line per step (the runner may interleave scenarios, so each names its scenario). */
  readonly verbose?: boolean;
  readonly secrets?: readonly string[];
}

/**
 * Colour when the stream is a terminal and NO_COLOR (https://no-color.org) is unset or empty.
 * FORCE_COLOR wins over both, as in Node itself: `0`/`false` turns colour off, any other value on.
 */
export function shouldUseColor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return (stream as NodeJS.WritableStream & { isTTY?: boolean }).isTTY === true;
}

export function createConsoleReporter(options: ConsoleReporterOptions): Reporter {
  const color = options.color ?? shouldUseColor(options.stream, options.env ?? process.env);
  const c = painter(color);
  const write = (text: string): void => {
    options.stream.write(options.secrets ? redactSecrets(text, options.secrets) : text);
  };
  let total = 0;
  let done = 0;

  return {
    name: 'console',
    onRunStart(info: RunStartInfo) {
      total = info.total;
      const version = info.harnessVersion ? ` ${info.harnessVersion}` : '';
      const where = `${makeVisible(info.target)}${info.embeddedTarget ? ' (embedded Seller emulator)' : ''}`;
      const caps =
        info.capabilities && info.capabilities.length > 0 ? info.capabilities.join(', ') : 'none declared';
      const count = `${info.total} scenario${info.total === 1 ? '' : 's'}`;
      if (info.role === 'buyer') {
        // Buyer-testing mode: the Buyer is under test, the harness plays the Seller.
        write(`${c.bold(`lso-harness${version}`)} · ${info.apiVersion} · Buyer under test: ${where}\n`);
        write(c.gray(`the harness plays the Seller (an emulator per scenario) · ${count}\n\n`));
        return;
      }
      write(`${c.bold(`lso-harness${version}`)} · ${info.apiVersion} · ${where}\n`);
      write(c.gray(`capabilities: ${caps} · ${count}\n\n`));
    },
    onStepEnd(scenarioId, step) {
      if (!options.verbose) return;
      const symbol = paintStatus(c, step.status, STATUS_SYMBOL[step.status]);
      write(
        c.gray(
          `    ${symbol} ${makeVisible(scenarioId)} ${makeVisible(step.name)} (${formatDuration(step.durationMs)})\n`,
        ),
      );
    },
    onScenarioEnd(result: ScenarioResult) {
      done += 1;
      const progress = total >= PROGRESS_THRESHOLD ? { done, total } : undefined;
      write(`  ${formatScenarioLine(result, { color, ...(progress ? { progress } : {}) })}\n`);
      // The first reason right away, so a long run shows trouble as it happens.
      if (result.status === 'failed' || result.status === 'errored') {
        const [first] = explainScenario(result, 1);
        if (first !== undefined) write(`      ${paintStatus(c, result.status, makeVisible(first))}\n`);
      }
    },
    onRunEnd(result) {
      write(`\n${formatSummary(result, { color })}`);
    },
  };
}
