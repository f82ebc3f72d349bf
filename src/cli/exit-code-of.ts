import type { RunResult } from '../results';
import { EXIT, type ExitCode } from './exit-codes';

/** The run's exit code: only the CLI turns an outcome into one (DESIGN.md, CLI contract). */
export function exitCodeOf(result: RunResult): ExitCode {
  if (result.status === 'interrupted' || result.status === 'errored') return EXIT.runError;
  if (result.errors.length > 0 && result.summary.failed === 0) return EXIT.runError;
  if (result.status === 'failed') return EXIT.nonConformant;
  return EXIT.ok;
}
