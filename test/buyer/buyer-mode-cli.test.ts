/**
 * Buyer-testing mode through bin/: bad usage (exit 2, everything said at once), the console window for a
 * Buyer driven from outside (here the reference Buyer, in process, playing the automation), a command that
 * cannot run (errored, exit 3), roles kept apart (Seller runs ignore Buyer scenarios), and the Buyer
 * coverage figure of `list --requirements --buyer`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { readOrderFixture, runReferenceBuyer } from '../../emulators/buyer/reference';
import { loadApiSpec } from '../../src/spec';
import { BIN, ROOT, runBin, tempDir } from '../support/run-bin';
import { describeRun, errorCodes, readResults } from './support';

test('CI=true without --buyer-command is bad usage (exit 2), and says what to give', async () => {
  const r = await runBin(['run', '--role', 'buyer', 'scenarios/buyer']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('CI=true and no --buyer-command');
  expect(r.stderr).toContain('LSO_SELLER_URL');
});

test('Seller-only flags, an unknown role and Buyer flags in a Seller run are bad usage (exit 2)', async () => {
  const buyer = await runBin([
    'run',
    '--role',
    'buyer',
    'scenarios/buyer',
    '--target',
    'http://127.0.0.1:1/x',
    '--capabilities',
    'all',
    '--buyer-command',
    'true',
  ]);
  expect(buyer.code).toBe(2);
  expect(buyer.stderr).toContain('--target names a Seller under test');
  expect(buyer.stderr).toContain('--capabilities does not apply with --role buyer');
  const role = await runBin(['run', '--role', 'both']);
  expect(role.code).toBe(2);
  expect(role.stderr).toContain("--role must be seller or buyer, got 'both'");
  const seller = await runBin(['run', '--buyer-command', 'true', 'scenarios/buyer']);
  expect(seller.code).toBe(2);
  expect(seller.stderr).toContain('--buyer-command and --buyer-startup go with --role buyer');
});

test('a Seller run ignores Buyer scenarios, and a Buyer run Seller ones', async () => {
  const seller = await runBin([
    'run',
    'scenarios/buyer',
    '--reporter',
    'json',
    '--report-dir',
    tempDir('lso-r-'),
  ]);
  expect(seller.code).toBe(2);
  expect(seller.stderr).toContain('these are Buyer scenarios (role: buyer): run them with --role buyer');
  const buyer = await runBin(['run', '--role', 'buyer', 'scenarios/order', '--buyer-command', 'true']);
  expect(buyer.code).toBe(2);
  expect(buyer.stderr).toContain('no Buyer scenario (role: buyer) matches');
});

test('a Buyer command that cannot run errors the run (exit 3), it does not fail the Buyer', async () => {
  const dir = tempDir('lso-buyer-cmd-');
  const r = await runBin([
    'run',
    '--role',
    'buyer',
    'scenarios/buyer',
    '--grep',
    '^BUY-ORDER-REJECT$',
    '--buyer-command',
    'no-such-buyer-command-here',
    '--reporter',
    'json',
    '--report-dir',
    dir,
  ]);
  const results = readResults(dir);
  expect({ code: r.code, run: describeRun(results) }).toEqual({ code: 3, run: describeRun(results) });
  expect(errorCodes(results.scenarios[0]!)).toContain('harness.buyerCommand');
});

test('without a command the Seller URL and the window are announced; a Buyer acting within it passes', async () => {
  const dir = tempDir('lso-buyer-window-');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['CI'];
  const child = spawn(
    process.execPath,
    [
      BIN,
      'run',
      '--role',
      'buyer',
      'scenarios/buyer',
      '--grep',
      '^BUY-ORDER-001$',
      '--time-scale',
      '600',
      '--report-dir',
      dir,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /Seller URL: (\S+)/.exec(stdout)?.[1];
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(stdout).toContain('>>> BUY-ORDER-001');
    expect(stdout).toMatch(/Task: +register a hub, place an order/);
    expect(stdout).toMatch(/Window: +up to 10m00s for the Buyer's first request/);
    const fixture = readOrderFixture(`${ROOT}/scenarios/fixtures/orders/buyer/uni-install.json`);
    const lines: string[] = [];
    const outcome = await runReferenceBuyer({
      sellerUrl: url ?? '',
      spec: await loadApiSpec('sonata-v11'),
      order: fixture.order ?? {},
      chargePolicy: 'accept',
      task: 'order',
      listen: { host: '127.0.0.1', port: 0 },
      timeoutMs: 20_000,
      requestTimeoutMs: 5_000,
      pollEveryMs: 1_000,
      faults: [],
      log: (line) => lines.push(line),
    });
    expect({ terminal: outcome.terminal, state: outcome.state, lines }).toMatchObject({
      terminal: true,
      state: 'completed',
    });
    expect(await exit).toBe(0);
    expect(readResults(dir).summary).toMatchObject({ total: 1, passed: 1 });
  } finally {
    if (child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
  }
}, 60_000);

test('Ctrl-C stops the run with reports (exit 3) and the Buyer process with it', async () => {
  const dir = tempDir('lso-buyer-int-');
  const pidFile = `${dir}/buyer.pid`;
  const child = spawn(
    process.execPath,
    [
      BIN,
      'run',
      '--role',
      'buyer',
      'scenarios/buyer',
      '--grep',
      '^BUY-ORDER-001$',
      '--buyer-command',
      `echo $$ > ${pidFile}; exec sleep 60`,
      '--report-dir',
      dir,
    ],
    { cwd: ROOT, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: 'ignore' },
  );
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    while (!fs.existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    child.kill('SIGINT');
    expect(await exit).toBe(3);
    expect(readResults(dir).status).toBe('interrupted');
    expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000);

test('list --requirements --buyer gives the Buyer coverage of the Buyer scenarios only', async () => {
  const buyer = await runBin(['list', '--requirements', '--buyer']);
  expect(buyer.code).toBe(0);
  const figure = /Buyer-binding requirements covered: (\d+) of (\d+)/.exec(buyer.stdout);
  expect(Number(figure?.[1])).toBeGreaterThanOrEqual(20);
  expect(buyer.stdout).toContain('BUY-ORDER-001');
  expect(buyer.stdout).not.toMatch(/PO-CREATE-/);
  const seller = await runBin(['list', '--requirements']);
  expect(seller.stdout).not.toContain('BUY-');
});
