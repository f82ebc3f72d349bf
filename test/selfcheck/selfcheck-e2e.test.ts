import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runBin, tempDir } from '../support/run-bin';

interface SelfcheckJson {
  verdict: string;
  apiVersion: string;
  wallMs: number;
  scenarioCount: number;
  caught: number;
  missed: number;
  baselines: { without: string[]; passed: boolean; summary: { passed: number } }[];
  faults: {
    fault: string;
    requirements: string[];
    verdict: string;
    caughtBy: string[];
    evidence: { scenario: string; codes: string[] }[];
  }[];
}

const PAGINATION = path.join(ROOT, 'scenarios', 'order', 'list-pagination.yaml');

describe('lso-harness selfcheck (end to end through bin/)', () => {
  jest.setTimeout(120_000);

  test('a caught fault: exit 0, JSON on stdout, selfcheck.json and selfcheck.md in the report dir', async () => {
    const dir = tempDir('lso-selfcheck-');
    const r = await runBin(
      ['selfcheck', PAGINATION, '--fault', 'list-ignores-limit', '--json', '--report-dir', dir],
      {},
      110_000,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SelfcheckJson;
    expect(out).toMatchObject({
      verdict: 'passed',
      apiVersion: 'sonata-v11',
      scenarioCount: 1,
      caught: 1,
      missed: 0,
    });
    expect(out.wallMs).toBeGreaterThan(0);
    expect(out.baselines).toMatchObject([{ without: [], passed: true, summary: { passed: 1 } }]);
    expect(out.faults).toMatchObject([
      {
        fault: 'list-ignores-limit',
        requirements: ['D5'],
        verdict: 'caught',
        caughtBy: ['PO-LIST-PAGE-001'],
      },
    ]);
    expect(out.faults[0]!.evidence[0]!.codes).toContain('pagination.overLimit');
    expect(r.stderr).toMatch(/selfcheck \[2\/2\] list-ignores-limit: caught/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'selfcheck.json'), 'utf8'))).toMatchObject({
      verdict: 'passed',
    });
    expect(fs.readFileSync(path.join(dir, 'selfcheck.md'), 'utf8')).toMatch(
      /\| `list-ignores-limit` \| D5 \| .* \| PO-LIST-PAGE-001 \| caught \|/,
    );
  });

  test('a fault no scenario catches: exit 1 and the table says missed', async () => {
    const r = await runBin(['selfcheck', PAGINATION, '--fault', 'no-notifications'], {}, 110_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^no-notifications\s+R109 R104\s+-\s+missed$/m);
    expect(r.stdout).toMatch(/0 of 1 faults caught/);
    expect(r.stdout).toMatch(/selfcheck: failed/);
  });

  test('an unknown fault is bad usage (exit 2) and lists the known ones', async () => {
    const r = await runBin(['selfcheck', '--fault', 'no-such-fault']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown fault no-such-fault/);
    expect(r.stderr).toMatch(/known: .*create-answers-200/);
    expect(r.stdout).toBe('');
  });
});
