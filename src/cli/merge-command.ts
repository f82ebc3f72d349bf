import type { Command } from 'commander';
import * as fs from 'node:fs';
import { binds, REQUIREMENT_CATALOGUE } from '../requirements';
import { parseReporterList, writeReports, type ReporterName } from '../report';
import type { RunResult } from '../results';
import { mergeResults } from '../run/merge-results';
import { exitCodeOf } from './exit-code-of';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';

function readResult(file: string): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const r = data as Partial<RunResult> | null;
  if (!r || typeof r !== 'object' || r.schemaVersion !== 1 || !Array.isArray(r.scenarios) || !r.manifest) {
    throw new UsageError(`${file} is not a results.json of lso-harness (schemaVersion 1)`);
  }
  return r as RunResult;
}

export function registerMergeCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('merge-reports')
    .description('Merge the results.json of several shards (--shard i/n) into one set of reports')
    .argument('<results...>', 'results.json files, one per shard')
    .option('--report-dir <dir>', 'where the merged results.json, junit.xml and report.html go', 'reports')
    .option('--reporter <list>', 'which files to write: json, junit, html', 'json,junit,html')
    .addHelpText(
      'after',
      '\nThe exit code is that of the merged run (0, 1 or 3), so a CI job can gate on it; 2 for unreadable or\nmismatched inputs (different API versions or spec files, a scenario in two shards).',
    )
    .action(async (files: string[], opts: { reportDir: string; reporter: string }) => {
      const reporters = parseReporterList(opts.reporter).filter(
        (r): r is Exclude<ReporterName, 'console'> => r !== 'console',
      );
      const merged = mergeResults(
        files.map(readResult),
        REQUIREMENT_CATALOGUE.filter((r) => binds(r, 'Seller')),
      );
      if (typeof merged === 'string') throw new UsageError(merged);
      const written = await writeReports(merged, { dir: opts.reportDir, reporters });
      const s = merged.summary;
      io.stdout.write(
        `merged ${files.length} result(s): ${s.total} scenarios, ${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ${s.skipped + s.notApplicable} skipped or not applicable\n`,
      );
      for (const w of written) io.stdout.write(`  ${w}\n`);
      setExit(exitCodeOf(merged));
    });
}

export { EXIT };
