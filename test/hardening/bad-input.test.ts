/**
 * Bad input to the harness (issue "Hardening", item 2): more than 10 000 generated or mutated scenario,
 * profile and config inputs, from a seeded PRNG (support/bad-inputs.ts; change SEED to explore, a failure
 * names the seed and index). Every one must end as "bad input": problems with file, line, column and a
 * stable code (exit 2), never an exception, a hang or exit 3.
 * - scenarios and profiles are loaded in-process (loadScenarioFiles in batches, loadProfileFile);
 * - a sample of them goes through bin/ (`validate` and `run`): exit 2, `file:line:col` on stderr, no stack;
 * - config = CLI options: bad flag combinations through runCli in-process: exit 2, the flag named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { loadProfileFile } from '../../emulators/seller/profile/load-profile';
import { runCli } from '../../src/cli/main';
import { loadScenarioFiles, PROBLEM_CODES, type Problem } from '../../src/scenario';
import {
  fuzzText,
  int,
  mulberry32,
  mutateProfile,
  mutateScenario,
  pick,
  PROFILE_SEED,
  type Rng,
} from './support/bad-inputs';
import { limiter } from '../support/limiter';
import { HARDENING_FIXTURES, ROOT, runHarness, tempDir } from './support/harness-process';
import { stringify } from 'yaml';

const SEED = 20_260_123;

const firstLines = (e: unknown): string =>
  String((e as Error).stack ?? e)
    .split('\n')
    .slice(0, 4)
    .join(' | ');
const COUNTS = {
  scenarioMutations: 3000,
  scenarioFuzz: 4000,
  profileMutations: 1500,
  profileFuzz: 2500,
  configs: 1500,
} as const;
const BATCH = 250;

const FIXTURE_ROOTS = [
  path.join(HARDENING_FIXTURES, 'fixtures'),
  path.join(ROOT, 'test/fixtures/scenarios/fixtures'),
];

function seedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'fixtures') walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(HARDENING_FIXTURES);
  walk(path.join(ROOT, 'test/fixtures/scenarios/valid'));
  return out.sort();
}

interface Generated {
  readonly file: string;
  readonly label: string;
  /** Certainly invalid (a structural mutation); fuzz may happen to stay valid. */
  readonly mustFail: boolean;
}

/** Problems are data with a position inside the file and a known code. */
function checkLocated(
  p: { file: string; line: number; column: number; code: string; message: string },
  text: string,
) {
  const lines = text.split(/\r\n|\r|\n/).length;
  const ok =
    Number.isInteger(p.line) &&
    Number.isInteger(p.column) &&
    p.line >= 1 &&
    p.column >= 1 &&
    p.line <= lines + 1 &&
    typeof p.message === 'string' &&
    p.message.length > 0;
  return ok ? undefined : `not located: ${JSON.stringify(p)} (${lines} lines)`;
}

const stats = {
  scenarios: { generated: 0, invalid: 0, stayedValid: 0 },
  profiles: { generated: 0, invalid: 0, stayedValid: 0 },
  configs: { generated: 0, invalid: 0 },
  bin: { invocations: 0, files: 0 },
};
const badScenarioFiles: string[] = [];
const badProfileFiles: string[] = [];

afterAll(() => {
  const total = stats.scenarios.invalid + stats.profiles.invalid + stats.configs.invalid;
  process.stdout.write(
    `bad input (seed ${SEED}): ${total} invalid inputs, all exit-2 material\n` +
      `  scenarios ${JSON.stringify(stats.scenarios)}\n  profiles  ${JSON.stringify(stats.profiles)}\n` +
      `  configs   ${JSON.stringify(stats.configs)}\n  through bin/ ${JSON.stringify(stats.bin)}\n`,
  );
});

describe('generated bad input', () => {
  const dir = tempDir('lso-bad-input-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('scenario files: every mutation yields located problems with stable codes, never an exception', async () => {
    const rng = mulberry32(SEED);
    const seeds = seedFiles().map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
    const docs = seeds.map((s) => parse(s.text) as Record<string, never>);
    const generated: Generated[] = [];
    const total = COUNTS.scenarioMutations + COUNTS.scenarioFuzz;
    for (let i = 0; i < total; i++) {
      const batchDir = path.join(dir, 'scenarios', `b${Math.floor(i / BATCH)}`);
      fs.mkdirSync(batchDir, { recursive: true });
      const file = path.join(batchDir, `s${i}.yaml`);
      const k = int(rng, seeds.length);
      if (i < COUNTS.scenarioMutations) {
        const m = mutateScenario(docs[k]!, rng, `FUZZ-${i}`);
        fs.writeFileSync(file, m.text);
        generated.push({
          file,
          label: `#${i} ${m.label} (seed ${path.basename(seeds[k]!.file)})`,
          mustFail: true,
        });
      } else {
        const text = seeds[k]!.text.replace(/^id: .*$/m, `id: FUZZ-${i}`);
        fs.writeFileSync(file, fuzzText(text, rng));
        generated.push({
          file,
          label: `#${i} fuzz (seed ${path.basename(seeds[k]!.file)})`,
          mustFail: false,
        });
      }
    }
    stats.scenarios.generated = generated.length;

    const failures: string[] = [];
    const byBatch = new Map<string, Generated[]>();
    for (const g of generated) {
      const key = path.dirname(g.file);
      byBatch.set(key, [...(byBatch.get(key) ?? []), g]);
    }
    for (const [batchDir, batch] of byBatch) {
      let problems: readonly Problem[];
      try {
        problems = (await loadScenarioFiles([batchDir], { fixtureRoots: FIXTURE_ROOTS })).problems;
      } catch {
        // Find the file(s) that throw, one by one.
        for (const g of batch) {
          try {
            await loadScenarioFiles([g.file], { fixtureRoots: FIXTURE_ROOTS });
          } catch (e) {
            failures.push(`${g.label}: the loader threw ${firstLines(e)}`);
          }
        }
        continue;
      }
      const perFile = new Map<string, Problem[]>();
      for (const p of problems) perFile.set(p.file, [...(perFile.get(p.file) ?? []), p]);
      for (const g of batch) {
        const mine = perFile.get(g.file) ?? [];
        const text = fs.readFileSync(g.file, 'latin1');
        if (mine.length === 0) {
          if (g.mustFail) failures.push(`${g.label}: accepted although invalid`);
          else stats.scenarios.stayedValid++;
          continue;
        }
        stats.scenarios.invalid++;
        if (badScenarioFiles.length < 400 && (badScenarioFiles.length < 200 || !g.mustFail))
          badScenarioFiles.push(g.file);
        for (const p of mine) {
          const bad = checkLocated(p, text);
          if (bad) failures.push(`${g.label}: ${bad}`);
          if (!Object.hasOwn(PROBLEM_CODES, p.code)) failures.push(`${g.label}: unknown code ${p.code}`);
        }
      }
      // Problems never name a file outside the batch.
      for (const p of problems)
        if (!batch.some((g) => g.file === p.file))
          failures.push(`problem for a file not given: ${JSON.stringify(p)}`);
    }
    expect(failures.slice(0, 30)).toEqual([]);
    expect(stats.scenarios.invalid).toBeGreaterThan(total * 0.8);
  }, 300_000);

  test('profile files: every mutation yields located problems with profile.* or yaml.* codes, never an exception', () => {
    const rng = mulberry32(SEED + 1);
    const seedText = stringify(PROFILE_SEED);
    const failures: string[] = [];
    const profileDir = path.join(dir, 'profiles');
    fs.mkdirSync(profileDir, { recursive: true });
    const total = COUNTS.profileMutations + COUNTS.profileFuzz;
    for (let i = 0; i < total; i++) {
      const file = path.join(profileDir, `p${i}.yaml`);
      const mustFail = i < COUNTS.profileMutations;
      const m = mustFail ? mutateProfile(rng) : { text: fuzzText(seedText, rng), label: 'fuzz' };
      fs.writeFileSync(file, m.text);
      const label = `#${i} ${m.label}`;
      let result: ReturnType<typeof loadProfileFile>;
      try {
        result = loadProfileFile(file, KNOWN_FAULTS);
      } catch (e) {
        failures.push(`${label}: the profile loader threw ${firstLines(e)}`);
        continue;
      }
      if (result.profile) {
        if (mustFail) failures.push(`${label}: accepted although invalid`);
        else stats.profiles.stayedValid++;
        if (result.problems.length > 0) failures.push(`${label}: a profile and problems`);
        continue;
      }
      stats.profiles.invalid++;
      if (badProfileFiles.length < 60) badProfileFiles.push(file);
      if (result.problems.length === 0) failures.push(`${label}: no profile and no problem`);
      const text = fs.readFileSync(file, 'latin1');
      for (const p of result.problems) {
        const bad = checkLocated(p, text);
        if (bad) failures.push(`${label}: ${bad}`);
        if (!/^(profile|yaml)\.[A-Za-z]+$/.test(p.code)) failures.push(`${label}: unexpected code ${p.code}`);
        if (p.file !== file) failures.push(`${label}: problem names ${p.file}`);
      }
    }
    stats.profiles.generated = total;
    expect(failures.slice(0, 30)).toEqual([]);
    expect(stats.profiles.invalid).toBeGreaterThan(total * 0.8);
  }, 120_000);

  test('config: bad CLI option combinations end with exit 2 naming the flag, never an exception', async () => {
    const rng = mulberry32(SEED + 2);
    const notAFolder = path.join(dir, 'a-file');
    fs.writeFileSync(notAFolder, 'not a folder');
    const failures: string[] = [];
    for (let i = 0; i < COUNTS.configs; i++) {
      const { argv, expect: wanted } = badCommandLine(rng, notAFolder);
      const label = `#${i} lso-harness ${argv.map((a) => JSON.stringify(a)).join(' ')}`;
      let stderr = '';
      let stdout = '';
      const io = {
        stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
        stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
      };
      let code: number;
      try {
        code = await runCli(['node', 'lso-harness', ...argv], io);
      } catch (e) {
        failures.push(`${label}: runCli threw ${firstLines(e)}`);
        continue;
      }
      if (code !== 2) failures.push(`${label}: exit ${code}\n${stderr}${stdout.slice(0, 500)}`);
      for (const re of wanted)
        if (!re.test(stderr)) failures.push(`${label}: stderr does not match ${String(re)}:\n${stderr}`);
      if (/\n\s+at /.test(stderr)) failures.push(`${label}: stack trace on stderr`);
      stats.configs.invalid++;
    }
    stats.configs.generated = COUNTS.configs;
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);

  test('more than 10 000 bad inputs in all', () => {
    expect(stats.scenarios.invalid + stats.profiles.invalid + stats.configs.invalid).toBeGreaterThan(10_000);
  });

  describe('a sample through bin/', () => {
    const slot = limiter(2);
    const chunk = <T>(list: readonly T[], size: number): T[][] =>
      Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

    async function expectExit2(args: string[], files: readonly string[]): Promise<void> {
      const out = await slot(() => runHarness(args, { killAfterMs: 60_000 }));
      stats.bin.invocations++;
      stats.bin.files += files.length;
      const context = `lso-harness ${args.join(' ')}\n${out.stderr.slice(0, 3000)}`;
      expect({ code: out.code, killed: out.killed, context }).toEqual({ code: 2, killed: false, context });
      expect(out.stderr).not.toMatch(/\n\s+at |internal error/);
      for (const f of files) {
        const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect({ file: f, located: new RegExp(`${escaped}:\\d+:\\d+`).test(out.stderr) }).toEqual({
          file: f,
          located: true,
        });
      }
    }

    test('validate and run: scenario files (160), profile files (40 + 6)', async () => {
      expect(badScenarioFiles.length).toBeGreaterThanOrEqual(160);
      expect(badProfileFiles.length).toBeGreaterThanOrEqual(46);
      const scenarios = badScenarioFiles
        .filter((_, i) => i % Math.floor(badScenarioFiles.length / 160) === 0)
        .slice(0, 160);
      const jobs: Promise<void>[] = [];
      chunk(scenarios.slice(0, 80), 20).forEach((files) =>
        jobs.push(expectExit2(['validate', ...files], files)),
      );
      chunk(scenarios.slice(80), 20).forEach((files) =>
        jobs.push(expectExit2(['run', ...files, '--report-dir', path.join(dir, 'never')], files)),
      );
      chunk(badProfileFiles.slice(0, 40), 20).forEach((files) =>
        jobs.push(expectExit2(['validate', ...files], files)),
      );
      for (const file of badProfileFiles.slice(40, 46))
        jobs.push(
          expectExit2(
            [
              'run',
              path.join(HARDENING_FIXTURES, 'safe.yaml'),
              '--seller-profile',
              file,
              '--report-dir',
              path.join(dir, 'never'),
            ],
            [file],
          ),
        );
      await Promise.all(jobs);
      expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
    }, 300_000);
  });
});

// ---------------------------------------------------------------------------------------------------
// CLI option combinations
// ---------------------------------------------------------------------------------------------------

interface BadOption {
  readonly args: (rng: Rng, notAFolder: string) => string[];
  readonly says: RegExp;
  /** Must come last (a flag missing its value). */
  readonly last?: boolean;
}

const RUN_BAD: readonly BadOption[] = [
  { args: (r) => ['--timeout', pick(r, ['0', 'soon', '-5s', '5 parsecs', 'PT'])], says: /--timeout/ },
  { args: (r) => ['--concurrency', pick(r, ['0', '-1', '1.5', 'many', '257', ''])], says: /--concurrency/ },
  { args: (r) => ['--listen-port', pick(r, ['-1', '65536', 'http', '1.5', ''])], says: /--listen-port/ },
  { args: (r) => ['--api', pick(r, ['sonata-v12', 'v11', '', 'SONATA-V11'])], says: /--api/ },
  {
    args: (r) => [
      '--target',
      pick(r, ['ftp://x/y', 'not a url', 'http//no-colon', '://', 'file:///etc/passwd']),
    ],
    says: /--target/,
  },
  { args: (r) => ['--reporter', pick(r, ['bogus', '', ',', 'json,xml'])], says: /reporter/ },
  { args: (r) => ['--capabilities', pick(r, ['teleport', 'cancel,warp', 'CANCEL'])], says: /capabilit/ },
  { args: (r) => ['--grep', pick(r, ['(', '[a-', '*', '?<'])], says: /--grep/ },
  {
    args: (r) => ['--time-scale', pick(r, ['0', '-1', 'fast', 'Infinity', 'NaN', ''])],
    says: /--time-scale/,
  },
  { args: (r) => ['--shard', pick(r, ['0/2', '3/2', 'x', '1/0', '1', '-1/3'])], says: /shard/ },
  {
    args: (r) => ['--callback-url', pick(r, ['not a url', '::', 'ftp://buyer.example/cb', '/relative'])],
    says: /--callback-url/,
  },
  {
    args: (r) => ['--listen-host', pick(r, ['999.1.1.1', 'not a host!', '', 'http://127.0.0.1'])],
    says: /--listen-host/,
  },
  { args: (_r, notAFolder) => ['--report-dir', notAFolder], says: /--report-dir/ },
  { args: (r) => ['--fixtures', pick(r, ['/nonexistent/fixtures', 'no/such/dir'])], says: /--fixtures/ },
  { args: (r) => ['--skip-check', pick(r, ['no-such-check', 'Schema', ''])], says: /--skip-check/ },
  { args: () => ['--token-file', '/nonexistent/token'], says: /--token-file/ },
  {
    args: () => ['--token-env', 'LSO_HARNESS_FUZZ_UNSET_VARIABLE'],
    says: /LSO_HARNESS_FUZZ_UNSET_VARIABLE|--token-env/,
  },
  { args: (r) => [pick(r, ['--frobnicate', '--targets', '-x', '--no-such-flag=1'])], says: /unknown option/ },
  {
    args: () => [
      '--target',
      'http://127.0.0.1:9/mefApi/sonata/productOrderingManagement/v11',
      '--seller-profile',
      'p.yaml',
    ],
    says: /cannot go with --target/,
  },
  {
    args: (r) => [pick(r, ['--timeout', '--report-dir', '--target', '--concurrency'])],
    says: /argument missing|missing/,
    last: true,
  },
];

const HARMLESS = [
  ['--tag', 'smoke'],
  ['--concurrency', '2'],
  ['--reporter', 'json'],
  ['--no-color'],
  ['--requirement', 'R1'],
];

const SELLER_BAD: readonly BadOption[] = [
  { args: (r) => ['--port', pick(r, ['-1', '70000', 'abc', '1.5', ''])], says: /--port/ },
  { args: (r) => ['--api', pick(r, ['sonata-v12', 'v11', ''])], says: /--api/ },
  { args: (r) => ['--time-scale', pick(r, ['0', '-3', 'fast', 'Infinity'])], says: /--time-scale/ },
  { args: (r) => ['--host', pick(r, ['999.1.1.1', 'not a host!', '', 'http://127.0.0.1'])], says: /--host/ },
  { args: (r) => [pick(r, ['--frobnicate', '--ports'])], says: /unknown option/ },
  { args: () => ['--port'], says: /argument missing|missing/, last: true },
];

function badCommandLine(rng: Rng, notAFolder: string): { argv: string[]; expect: RegExp[] } {
  const kind = rng();
  if (kind < 0.75) {
    const chosen = new Set<BadOption>();
    for (let n = 1 + int(rng, 3); chosen.size < n;) chosen.add(pick(rng, RUN_BAD));
    const list = [...chosen].sort((a, b) => Number(!!a.last) - Number(!!b.last));
    const lastOnes = list.filter((o) => o.last);
    const usable = lastOnes.length > 1 ? list.filter((o) => !o.last || o === lastOnes[0]) : list;
    // Harmless flags first, so that none of them overrides a bad value given later.
    const argv = ['run', '/nonexistent/scenarios', ...(rng() < 0.5 ? pick(rng, HARMLESS) : [])];
    for (const o of usable) argv.push(...o.args(rng, notAFolder));
    // Commander rejects an unknown option or a missing value before the command runs: one of those is
    // reported, and the others are not checked.
    const stoppers = usable.filter((o) => o.last || o.says.source === 'unknown option');
    if (stoppers.length > 0)
      return { argv, expect: [new RegExp(stoppers.map((o) => o.says.source).join('|'))] };
    return { argv, expect: usable.map((o) => o.says) };
  }
  if (kind < 0.9) {
    const o = pick(rng, SELLER_BAD);
    // A profile that does not exist: even a flag wrongly accepted can never start a server here.
    const argv = ['seller', '--profile', '/nonexistent/profile.yaml', ...o.args(rng, notAFolder)];
    return { argv, expect: [o.says] };
  }
  const argv = pick(rng, [
    ['frobnicate'],
    ['validate', '--frobnicate'],
    ['validate', '/nonexistent/file.yaml'],
    ['validate', '--fixtures'],
    ['list', '--frobnicate'],
    ['run', '--reporter'],
  ]);
  return { argv, expect: [/./] };
}
