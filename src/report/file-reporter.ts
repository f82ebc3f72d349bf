/**
 * A file reporter is a thin adapter: at the end of the run it renders the RunResult with its pure writer
 * and writes the file atomically. It does nothing during the run, so a crash mid-run leaves the previous
 * report whole rather than a half-written one.
 */
import * as path from 'node:path';
import type { Reporter } from './reporter';
import { REPORT_FILES, writeReport, type FileReporterName } from './write-reports';

export interface FileReporter extends Reporter {
  /** Where the file is (or will be) written. */
  readonly path: string;
}

export function createFileReporter(
  name: FileReporterName,
  options: { readonly dir: string; readonly secrets?: readonly string[] | undefined },
): FileReporter {
  return {
    name,
    path: path.join(options.dir, REPORT_FILES[name].file),
    async onRunEnd(result) {
      await writeReport(result, name, {
        dir: options.dir,
        ...(options.secrets ? { secrets: options.secrets } : {}),
      });
    },
  };
}
