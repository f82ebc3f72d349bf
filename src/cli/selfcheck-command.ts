import type { Command } from 'commander';
import * as path from 'node:path';
import { FAULT_CATALOG, faultNamed, type FaultDefinition } from '../../emulators/seller/faults/fault-catalog';
import { writeFileAtomic } from '../report/write-atomic';
import { formatProblem, loadScenarioFiles } from '../scenario';
import {
  formatSelfcheckMarkdown,
  formatSelfcheckText,
  runSelfcheck,
  type SelfcheckResult,
} from '../selfcheck';
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersionId, loadApiSpec } from '../spec';
import { packageRoot } from '../util/package-root';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';
import { EMBEDDED_TIME_SCALE } from './run-options';

interface SelfcheckCliOptions {
  api: string;
  fault?: string[];
  jobs: string;
  concurrency: string;
  timeScale: string;
  json?: boolean;
  reportDir?: string;
}

function whole(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

function pickFaults(names: readonly string[] | undefined): FaultDefinition[] {
  if (!names || names.length === 0) return [...FAULT_CATALOG];
  const unknown = names.filter((n) => !faultNamed(n));
  if (unknown.length > 0)
    throw new UsageError(`unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`, [
      `known: ${FAULT_CATALOG.map((f) => f.name).join(', ')}`,
    ]);
  return [...new Set(names)].map((n) => faultNamed(n)!);
}

export function registerSelfcheckCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command('selfcheck')
    .description(
      'Run the catalog against the Seller emulator with each deliberate fault and report which scenarios catch it',
    )
    .argument('[paths...]', 'scenario files or folders (default: the built-in catalog)')
    .option('--api <version>', `API variant: ${API_VERSIONS.join(', ')}`, DEFAULT_API_VERSION)
    .option('--fault <name>', 'only this fault (repeatable; default: every fault of the catalogue)', collect)
    .option('--jobs <n>', 'catalog runs at once, each against its own Seller', '4')
    .option('--concurrency <n>', 'scenarios at once within one catalog run', '4')
    .option('--time-scale <n>', 'clock speed-up of each run', String(EMBEDDED_TIME_SCALE))
    .option('--json', 'print selfcheck.json on stdout instead of the table')
    .option('--report-dir <dir>', 'also write selfcheck.json and selfcheck.md there')
    .addHelpText(
      'after',
      `
Runs the catalog once against the faithful Seller emulator (the baseline: it must pass), then once per
fault with that fault switched on. A fault is caught by the scenarios that fail with it and pass without
it. Exit 0 when the baseline passes and every fault is caught, 1 otherwise, 2 for bad usage.
Faults: docs/SELLER-EMULATOR.md#faults-and-the-self-check.

Examples:
  $ lso-harness selfcheck
  $ lso-harness selfcheck --fault list-ignores-limit --fault no-seller-contact --json
  $ lso-harness selfcheck --report-dir reports/selfcheck`,
    )
    .action(async (paths: string[], opts: SelfcheckCliOptions) => {
      setExit(await selfcheckCommand(paths, opts, io));
    });
}

async function selfcheckCommand(paths: string[], opts: SelfcheckCliOptions, io: CliIo): Promise<number> {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(e.message, ...e.details);
      return undefined;
    }
  };
  if (!isApiVersionId(opts.api))
    problems.push(`--api must be one of ${API_VERSIONS.join(', ')}, got '${opts.api}'`);
  const faults = attempt(() => pickFaults(opts.fault));
  const jobs = attempt(() => whole(opts.jobs, '--jobs', 1, 64));
  const concurrency = attempt(() => whole(opts.concurrency, '--concurrency', 1, 256));
  const timeScale = Number(opts.timeScale);
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    problems.push(`--time-scale must be a positive number, got '${opts.timeScale}'`);
  if (problems.length > 0 || !faults || !jobs || !concurrency || !isApiVersionId(opts.api))
    throw new UsageError('invalid options', problems);
  const root = packageRoot();
  const loaded = await loadScenarioFiles(paths.length ? paths : [path.join(root, 'scenarios')], {
    fixtureRoots: [path.join(root, 'scenarios', 'fixtures')],
  });
  if (loaded.problems.length > 0)
    throw new UsageError(
      `${loaded.problems.length} problem(s) in the scenario files; nothing ran`,
      loaded.problems.map(formatProblem),
    );
  // The self-check judges the Seller catalog; Buyer-role scenarios test a Buyer, not this Seller.
  const scenarios = loaded.scenarios.filter((sc) => sc.role === 'seller');
  if (scenarios.length === 0) throw new UsageError('no Seller scenario to run');
  const abort = new AbortController();
  const onSignal = () => {
    io.stderr.write('\nlso-harness selfcheck: interrupted; finishing the runs in flight\n');
    abort.abort();
  };
  process.once('SIGINT', onSignal);
  let result: SelfcheckResult;
  try {
    result = await runSelfcheck({
      scenarios,
      spec: await loadApiSpec(opts.api),
      faults,
      jobs,
      concurrency,
      timeScale,
      signal: abort.signal,
      onRunEnd: ({ fault, baseline, done, total }) => {
        const what = fault
          ? `${fault.fault}: ${fault.verdict}${fault.caughtBy.length ? ` by ${fault.caughtBy.length} scenario(s)` : ''}`
          : `baseline${baseline?.without.length ? ` without ${baseline.without.join(', ')}` : ''}: ${baseline?.passed ? 'passed' : 'FAILED'}`;
        const ms = fault?.run.durationMs ?? baseline?.durationMs ?? 0;
        io.stderr.write(`selfcheck [${done}/${total}] ${what} (${(ms / 1000).toFixed(1)} s)\n`);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
  }
  if (opts.reportDir) {
    await writeFileAtomic(
      path.join(opts.reportDir, 'selfcheck.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    await writeFileAtomic(path.join(opts.reportDir, 'selfcheck.md'), formatSelfcheckMarkdown(result));
  }
  io.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatSelfcheckText(result));
  if (abort.signal.aborted) return EXIT.runError;
  return result.verdict === 'passed' ? EXIT.ok : EXIT.nonConformant;
}
