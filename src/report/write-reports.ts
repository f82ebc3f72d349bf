/**
 * The report files and their fixed names (a contract users script against, DESIGN.md), and a one-call
 * way to write the ones asked for. Every file is attempted even if another fails, so a broken writer
 * never costs the user the other reports.
 */
import * as path from 'node:path';
import type { RunResult } from '../results/model';
import { writeHtml } from './html-writer';
import { writeJson } from './json-writer';
import { writeJunit } from './junit-writer';
import type { WriterOptions } from './redact';
import { writeFileAtomic } from './write-atomic';

export const REPORT_FILES = {
  json: { file: 'results.json', write: writeJson },
  junit: { file: 'junit.xml', write: writeJunit },
  html: { file: 'report.html', write: writeHtml },
} as const satisfies Record<string, { file: string; write: (r: RunResult, o?: WriterOptions) => string }>;

export type FileReporterName = keyof typeof REPORT_FILES;

export const isFileReporter = (name: string): name is FileReporterName => Object.hasOwn(REPORT_FILES, name);

export class ReportWriteError extends Error {
  readonly code = 'report.writeFailed';
  constructor(
    readonly failures: readonly { readonly file: string; readonly error: unknown }[],
    readonly written: readonly string[],
  ) {
    super(
      `could not write ${failures
        .map((f) => `${f.file} (${f.error instanceof Error ? f.error.message : String(f.error)})`)
        .join(', ')}`,
    );
    this.name = 'ReportWriteError';
  }
}

/** Renders and writes one report file; resolves to its path. */
export async function writeReport(
  result: RunResult,
  name: FileReporterName,
  options: WriterOptions & { readonly dir: string },
): Promise<string> {
  const { file, write } = REPORT_FILES[name];
  const target = path.join(options.dir, file);
  await writeFileAtomic(target, write(result, { ...(options.secrets ? { secrets: options.secrets } : {}) }));
  return target;
}

/**
 * Writes `results.json`, `junit.xml`, `report.html` for the file reporters among `reporters` (others, like
 * `console`, are ignored) and resolves to the paths written.
 */
export async function writeReports(
  result: RunResult,
  options: WriterOptions & { readonly dir: string; readonly reporters: readonly string[] },
): Promise<string[]> {
  const names = [...new Set(options.reporters.filter(isFileReporter))];
  const written: string[] = [];
  const failures: { file: string; error: unknown }[] = [];
  for (const name of names) {
    try {
      written.push(await writeReport(result, name, options));
    } catch (error) {
      failures.push({ file: REPORT_FILES[name].file, error });
    }
  }
  if (failures.length > 0) throw new ReportWriteError(failures, written);
  return written;
}
