import type { Finding } from '../../results';
import { formatDuration } from '../../util/duration';
import type { BuyerExit, BuyerProcess } from './buyer-process';

/**
 * The Buyer process as evidence: its output and how it ended (info), a non-zero exit of its own (a
 * warning: its exit code is its own business), and a command that could not run at all (harness error:
 * nothing was tested).
 */
export function processFindings(buyer: BuyerProcess | undefined, exit: BuyerExit | undefined): Finding[] {
  if (!buyer || !exit) return [];
  const output = buyer.output();
  const how = exit.spawnError
    ? `could not start: ${exit.spawnError}`
    : exit.stopped
      ? `was stopped at the end of the scenario after ${formatDuration(exit.ranMs)}`
      : `exited with ${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`} after ${formatDuration(exit.ranMs)}`;
  const out: Finding[] = [
    {
      check: 'buyer-process',
      code: 'buyer.process.output',
      severity: 'info',
      message: `the Buyer command \`${buyer.command}\` ${how}; its output is attached`,
      requirements: [],
      actual: { stdout: output.stdout, stderr: output.stderr },
    },
  ];
  const notFound = exit.code === 126 || exit.code === 127;
  if (exit.spawnError || (notFound && !exit.stopped))
    out.push({
      check: 'buyer-process',
      code: 'harness.buyerCommand',
      severity: 'error',
      message: `the Buyer command could not run (${exit.spawnError ?? `exit ${exit.code}: not found or not executable`}): check --buyer-command`,
      requirements: [],
    });
  else if (!exit.stopped && exit.code !== 0)
    out.push({
      check: 'buyer-process',
      code: 'buyer.process.exitCode',
      severity: 'warning',
      message: `the Buyer under test ended on its own with ${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}`,
      requirements: [],
    });
  return out;
}
