import type { Command } from 'commander';
import * as path from 'node:path';
import { coverage, formatCoverage } from '../requirements';
import { formatProblem, loadScenarioFiles } from '../scenario';
import { builtInScenarios, packageRoot } from '../util/package-root';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';

export function registerListCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('list')
    .description('List the scenarios, or the requirements and which scenarios cover them')
    .argument('[paths...]', 'scenario files or folders (default: the built-in catalog)')
    .option('--requirements', 'print requirement coverage instead of scenarios')
    .option('--buyer', 'with --requirements: the Buyer-binding requirements instead of the Seller ones')
    .option('--json', 'machine-readable output')
    .action(async (paths: string[], opts: { requirements?: boolean; buyer?: boolean; json?: boolean }) => {
      const targets = paths.length ? paths : [builtInScenarios()];
      const loaded = await loadScenarioFiles(targets, {
        fixtureRoots: [path.join(packageRoot(), 'scenarios', 'fixtures')],
      });
      if (loaded.problems.length > 0)
        throw new UsageError('the scenario files have problems', loaded.problems.map(formatProblem));
      if (opts.requirements) {
        // Each party's coverage comes from the scenarios that test that party (role).
        const role = opts.buyer ? 'buyer' : 'seller';
        const input = loaded.scenarios
          .filter((sc) => sc.role === role)
          .map((sc) => ({
            id: sc.id,
            requirements: sc.requirements,
            stepRequirements: sc.steps.flatMap((st) => st.requirements),
          }));
        const result = coverage(input, opts.buyer ? 'Buyer' : 'Seller');
        io.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCoverage(result)}\n`);
      } else if (opts.json) {
        io.stdout.write(
          `${JSON.stringify(
            loaded.scenarios.map((s) => ({
              id: s.id,
              title: s.title,
              file: s.file,
              role: s.role,
              requirements: s.requirements,
              capabilities: s.capabilities,
              tags: s.tags,
            })),
            null,
            2,
          )}\n`,
        );
      } else {
        for (const s of loaded.scenarios) {
          io.stdout.write(
            `${s.id.padEnd(24)} ${s.title}\n${' '.repeat(25)}${[s.requirements.join(' '), s.capabilities.length ? `needs: ${s.capabilities.join(', ')}` : ''].filter(Boolean).join('  ')}\n`,
          );
        }
        io.stdout.write(`\n${loaded.scenarios.length} scenario(s)\n`);
      }
      setExit(EXIT.ok);
    });
}
