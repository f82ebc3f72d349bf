/**
 * The reference Buyer is the good candidate: through bin/ it passes every Buyer-side scenario, on Mplify
 * 123.1 (Sonata v11) and MEF 123 (Sonata v10), with the reports of a Seller run showing the Buyer role. It
 * is also a tool on its own: `lso-harness buyer` against a Seller (here the emulator) follows an order to
 * its end and prints what happened, whatever the charge policy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startSeller, type SellerServer } from '../../emulators/seller';
import { ScaledClock } from '../../src/clock';
import { loadApiSpec } from '../../src/spec';
import { ROOT, runBin, tempDir } from '../support/run-bin';
import { buyerCommand, describeRun, readResults } from './support';

const BUYER_SCENARIOS = fs.readdirSync(path.join(ROOT, 'scenarios/buyer')).filter((f) => f.endsWith('.yaml'));

describe.each(['sonata-v11', 'sonata-v10'])('the reference Buyer on %s', (api) => {
  test('passes every Buyer-side scenario; the reports show the Buyer role', async () => {
    const dir = tempDir('lso-ref-buyer-');
    const r = await runBin(
      [
        'run',
        '--role',
        'buyer',
        'scenarios/buyer',
        '--api',
        api,
        '--buyer-command',
        buyerCommand(),
        '--report-dir',
        dir,
      ],
      {},
      120_000,
    );
    const results = readResults(dir);
    expect({ code: r.code, stderr: r.stderr, run: describeRun(results) }).toEqual({
      code: 0,
      stderr: '',
      run: describeRun(results),
    });
    expect(results.summary).toMatchObject({ total: BUYER_SCENARIOS.length, passed: BUYER_SCENARIOS.length });
    expect(results.manifest).toMatchObject({ role: 'buyer', apiVersion: api });
    expect(results.manifest.target).toBe('command node bin/lso-harness.js buyer');
    // Verdicts on the Buyer-binding requirements, none against the Buyer.
    expect(results.requirements.filter((q) => q.verdict === 'conformant').map((q) => q.id)).toEqual(
      expect.arrayContaining(['R11', 'R12', 'R76', 'R89', 'R96', 'R97', 'R105', 'R106']),
    );
    expect(results.requirements.every((q) => q.role === 'Buyer' || q.role === 'Both')).toBe(true);
    expect(r.stdout).toContain('Buyer under test: command node bin/lso-harness.js buyer');
    expect(r.stdout).toContain('the harness plays the Seller');
    const junit = new XMLParser({ ignoreAttributes: false }).parse(
      fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'),
    ) as { testsuites: { testsuite: { '@_name': string; '@_tests': string } } };
    expect(junit.testsuites.testsuite['@_name']).toBe(`lso-harness ${api} buyer`);
    expect(Number(junit.testsuites.testsuite['@_tests'])).toBe(BUYER_SCENARIOS.length);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain(
      'Buyer (the harness plays the Seller)',
    );
    // The Buyer's own account is evidence in every scenario.
    for (const s of results.scenarios) {
      const output = s.steps.flatMap((st) => st.findings).find((f) => f.code === 'buyer.process.output');
      expect({ id: s.id, output: output !== undefined }).toEqual({ id: s.id, output: true });
    }
  }, 150_000);
});

describe('lso-harness buyer against a Seller', () => {
  let seller: SellerServer | undefined;
  beforeAll(async () => {
    seller = await startSeller({ spec: await loadApiSpec('sonata-v11'), clock: new ScaledClock(36_000) });
  });
  afterAll(async () => seller?.close());

  test('follows an order to completion and prints the timeline (exit 0)', async () => {
    const r = await runBin(['buyer', '--seller', seller!.url, '--poll-every', '2s', '--timeout', '60s']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    for (const line of ['hub registered', 'order placed', 'order state', 'done', 'hub unregistered'])
      expect(r.stdout).toContain(line);
    expect(r.stdout).toMatch(/done\s+order \S+ is completed/);
  });

  test('declines a charge by policy: the order fails, which is still a terminal state (exit 0)', async () => {
    const dir = tempDir('lso-ref-fixture-');
    const fixture = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'scenarios/fixtures/orders/buyer/uni-install.json'), 'utf8'),
    ) as Record<string, unknown>;
    fs.writeFileSync(
      path.join(dir, 'charge.json'),
      JSON.stringify({ ...fixture, externalId: 'CHARGE-${uuid}' }),
    );
    const r = await runBin([
      'buyer',
      '--seller',
      seller!.url,
      '--fixture',
      path.join(dir, 'charge.json'),
      '--charge-policy',
      'decline',
      '--timeout',
      '60s',
    ]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/charge answered\s+rejected for 1 item/);
    expect(r.stdout).toMatch(/is failed/);
  });

  test('bad usage exits 2 with every problem at once', async () => {
    const r = await runBin(['buyer', '--charge-policy', 'maybe', '--fault', 'nonsense'], {
      LSO_SELLER_URL: '',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seller <url> is required');
    expect(r.stderr).toContain("--charge-policy must be accept, decline, ignore, got 'maybe'");
    expect(r.stderr).toContain("unknown --fault 'nonsense'");
  });
});
