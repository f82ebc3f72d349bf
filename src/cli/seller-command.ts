import type { Command } from 'commander';
import type { CliIo } from './main';
import { EXIT } from './exit-codes';

export function registerSellerCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('seller')
    .description('Serve the Seller emulator (for testing a Buyer, or poking by hand)')
    .action(() => {
      io.stderr.write('seller: not implemented yet\n');
      setExit(EXIT.runError);
    });
}
