import type { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { loadProfileFile } from '../../emulators/seller/profile/load-profile';
import { formatProblem, loadScenarioFiles } from '../scenario';
import { builtInScenarios, packageRoot } from '../util/package-root';
import { formatSourceProblem } from '../util/yaml-source';
import { EXIT } from './exit-codes';
import type { CliIo } from './main';

/** A YAML file with `steps` (or an `id`) is a scenario; anything else is a Seller behaviour profile. */
function looksLikeProfile(file: string): boolean {
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) return false;
  try {
    const data = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return !!data && typeof data === 'object' && !('steps' in data) && !('id' in data);
  } catch {
    return false; // the scenario loader reports the syntax error with its position
  }
}

function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The Seller profiles kept in `profiles` folders at or under `dir`: the scenario walk skips those folders
 * (NON_SCENARIO_FOLDERS), so `validate scenarios` checks them here, as profiles.
 */
function profilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, inProfiles: boolean): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full, inProfiles || entry.name === 'profiles');
      else if (inProfiles && /\.ya?ml$/i.test(entry.name)) out.push(full);
    }
  };
  walk(dir, path.basename(path.resolve(dir)) === 'profiles');
  return out.sort();
}

export function registerValidateCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('Check scenario and Seller-profile files without running anything')
    .argument('[files...]', 'scenario files or folders, profile files (default: the built-in catalog)')
    .option('--fixtures <dir>', 'extra fixture folder (repeatable)', (v: string, p: string[] = []) => [
      ...p,
      v,
    ])
    .addHelpText(
      'after',
      '\nEvery problem is printed as file:line:col  code  message. Exit 0: all valid; 2: problems found.',
    )
    .action(async (files: string[], opts: { fixtures?: string[] }) => {
      const targets = files.length ? files : [builtInScenarios()];
      const profileFolders = targets.filter(
        (f) => isDirectory(f) && path.basename(path.resolve(f)) === 'profiles',
      );
      const profiles = [
        ...targets.filter((f) => fs.existsSync(f) && looksLikeProfile(f)),
        ...targets.filter(isDirectory).flatMap(profilesUnder),
      ];
      const scenarioPaths = targets.filter((f) => !profiles.includes(f) && !profileFolders.includes(f));
      const lines: string[] = [];
      let count = 0;
      for (const file of profiles) {
        const loaded = loadProfileFile(file, KNOWN_FAULTS);
        lines.push(...loaded.problems.map(formatSourceProblem));
        count++;
      }
      if (scenarioPaths.length > 0) {
        const fixtureRoots = [
          ...(opts.fixtures ?? []).map((f) => path.resolve(f)),
          path.join(packageRoot(), 'scenarios', 'fixtures'),
        ];
        const loaded = await loadScenarioFiles(scenarioPaths, { fixtureRoots });
        lines.push(...loaded.problems.map(formatProblem));
        count += loaded.files.length;
      }
      if (lines.length > 0) {
        io.stderr.write(`${lines.join('\n')}\n${lines.length} problem(s) in ${count} file(s)\n`);
        setExit(EXIT.badInput);
        return;
      }
      io.stdout.write(`${count} file(s) valid\n`);
      setExit(EXIT.ok);
    });
}
