/** The reporters: pure writers (RunResult → string), the reporter hooks, and the file plumbing. */
export { createConsoleReporter, PROGRESS_THRESHOLD, shouldUseColor } from './console-reporter';
export type { ConsoleReporterOptions } from './console-reporter';
export { toCurl, shellQuote } from './curl';
export { createFileReporter } from './file-reporter';
export type { FileReporter } from './file-reporter';
export { formatScenarioLine, formatSummary, MAX_FINDINGS_PER_SCENARIO } from './format-summary';
export type { FormatOptions } from './format-summary';
export { DEFAULT_MAX_BODY_CHARS, writeHtml } from './html-writer';
export type { HtmlWriterOptions } from './html-writer';
export { writeJson } from './json-writer';
export { writeJunit } from './junit-writer';
export { VERDICT_LABEL, STATUS_LABEL, RUN_STATUS_LABEL } from './labels';
export { redactHeaders, redactRunResult, redactSecrets, REDACTED, SENSITIVE_HEADERS } from './redact';
export type { WriterOptions } from './redact';
export { createReporters, parseReporterList, REPORTER_NAMES, REPORTERS, ReporterListError } from './reporter';
export type {
  HookName,
  Reporter,
  ReporterName,
  ReporterOptions,
  RunStartInfo,
  ScenarioStartInfo,
} from './reporter';
export { ReporterMultiplexer } from './reporter-multiplexer';
export type { ReporterFailure } from './reporter-multiplexer';
export { writeFileAtomic } from './write-atomic';
export { isFileReporter, REPORT_FILES, ReportWriteError, writeReport, writeReports } from './write-reports';
export type { FileReporterName } from './write-reports';
