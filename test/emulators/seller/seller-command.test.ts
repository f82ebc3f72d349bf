/**
 * `lso-harness seller` end to end through bin/: one line with the base URL, a working API, and a clean
 * exit 0 on SIGTERM. Runs the compiled CLI: `npm test` builds dist/ before jest does.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { loadApiSpec } from '../../../src/spec';
import { expectConformant } from './support/conformance';

const root = path.resolve(__dirname, '../../..');
const compiledCli = path.join(root, 'dist/src/cli/main.js');

test('seller --port 0: prints its URL, serves, stops cleanly on SIGTERM', async () => {
  if (!fs.existsSync(compiledCli)) {
    throw new Error(`${compiledCli} is missing: run \`npm run build\` first (\`npm test\` does it)`);
  }
  const child = spawn(
    process.execPath,
    ['bin/lso-harness.js', 'seller', '--port', '0', '--time-scale', '60'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const lines = createInterface({ input: child.stdout });
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL line within 20 s; stderr: ${stderr}`)), 20_000);
      lines.once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
    });
    const match =
      /^lso-harness seller: listening on (http:\/\/127\.0\.0\.1:\d+\/mefApi\/sonata\/productOrderingManagement\/v11)$/.exec(
        line,
      );
    expect(match).not.toBeNull();
    const res = await fetch(`${match?.[1] ?? ''}/productOrder`);
    const body = expectConformant(await loadApiSpec('sonata-v11'), 'listProductOrder', {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      text: await res.text(),
    });
    expect([res.status, body]).toEqual([200, []]);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stderr).toBe('');
});

test('seller with a bad profile: exit 2 and the problem at file:line:col', async () => {
  if (!fs.existsSync(compiledCli)) throw new Error(`${compiledCli} is missing: run \`npm run build\` first`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lso-cli-')), 'p.yaml');
  fs.writeFileSync(file, 'timings:\n  taskDecision: never\n');
  const child = spawn(process.execPath, ['bin/lso-harness.js', 'seller', '--profile', file], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toContain(`${file}:2:17  profile.badDuration`);
});
