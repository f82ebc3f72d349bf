/**
 * Broken Buyers (issue 5): the reference Buyer with one deliberate mistake each, run through bin/ as the
 * Buyer under test of its catching scenario. Each run must exit 1 with that scenario failed on the finding
 * that names the mistake. Runs go two at a time (each is a harness plus one Buyer process).
 */
import { BUYER_FAULT_NAMES } from '../../emulators/buyer/reference';
import { runBin, tempDir } from '../support/run-bin';
import { BROKEN_BUYERS, type BrokenBuyer } from './broken-buyers';
import { limiter } from '../support/limiter';
import { buyerCommand, describeRun, errorCodes, readResults } from './support';

const slot = limiter(2);

test('the catalog holds at least 10 broken Buyers, one per fault of the reference Buyer', () => {
  expect(BROKEN_BUYERS.length).toBeGreaterThanOrEqual(10);
  expect(BROKEN_BUYERS.map((b) => b.fault).sort()).toEqual([...BUYER_FAULT_NAMES].sort());
});

test.concurrent.each(BROKEN_BUYERS.map((b): [string, BrokenBuyer] => [b.fault, b]))(
  '%s is caught',
  (_fault, broken) =>
    slot(async () => {
      const dir = tempDir('lso-broken-buyer-');
      const r = await runBin(
        [
          'run',
          '--role',
          'buyer',
          'scenarios/buyer',
          '--grep',
          `^${broken.scenario}$`,
          '--buyer-command',
          buyerCommand(broken.fault),
          '--reporter',
          'json',
          '--report-dir',
          dir,
        ],
        {},
        90_000,
      );
      const results = readResults(dir);
      const scenario = results.scenarios.find((s) => s.id === broken.scenario);
      const context = `${r.stderr}\n${describeRun(results)}`;
      expect({ code: r.code, status: scenario?.status, context }).toEqual({
        code: 1,
        status: 'failed',
        context,
      });
      const codes = scenario ? errorCodes(scenario) : [];
      expect({ caughtBy: codes.filter((c) => broken.codes.includes(c)).length > 0, codes }).toEqual({
        caughtBy: true,
        codes,
      });
    }),
  120_000,
);
