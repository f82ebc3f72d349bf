import { Command, CommanderError } from 'commander';
import { harnessVersion } from '../util/package-root';
import { registerBuyerCommand } from './buyer-command';
import { EXIT, UsageError } from './exit-codes';
import { registerListCommand } from './list-command';
import { registerMergeCommand } from './merge-command';
import { registerRunCommand } from './run-command';
import { registerSelfcheckCommand } from './selfcheck-command';
import { registerSellerCommand } from './seller-command';
import { registerValidateCommand } from './validate-command';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const defaultIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/**
 * Builds the `lso-harness` program. Each command resolves to an exit code through `setExit`; nothing
 * here calls process.exit, so the CLI runs inside tests as it runs from bin/.
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('lso-harness');
  program
    .description(
      'Conformance harness for the MEF/Mplify LSO Sonata & Cantata Product Order Management API\n' +
        '(Mplify 123.1: Sonata v11 / Cantata v6; MEF 123: Sonata v10 / Cantata v5).',
    )
    .version(harnessVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Exit codes:
  0  every applicable check passed
  1  at least one conformance failure
  2  bad usage or invalid input (scenario, profile, spec): nothing ran
  3  the run could not complete (harness or infrastructure error); reports still written

Examples:
  $ lso-harness run                       run the catalog against the embedded Seller emulator
  $ lso-harness run --target https://seller.example/mefApi/sonata/productOrderingManagement/v11
  $ lso-harness seller --port 8080        serve the Seller emulator for a Buyer under test
  $ lso-harness run --role buyer --buyer-command "node bin/lso-harness.js buyer"
                                          test a Buyer (here the reference Buyer) with the Buyer scenarios`,
  );
  registerRunCommand(program, io, setExit);
  registerSellerCommand(program, io, setExit);
  registerBuyerCommand(program, io, setExit);
  registerValidateCommand(program, io, setExit);
  registerListCommand(program, io, setExit);
  registerMergeCommand(program, io, setExit);
  registerSelfcheckCommand(program, io, setExit);
  return program;
}

/** Entry point used by bin/lso-harness.js; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exitCode 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`lso-harness: ${err.message}\n${err.details.map((d) => `  ${d}\n`).join('')}`);
      return EXIT.badInput;
    }
    throw err;
  }
}
