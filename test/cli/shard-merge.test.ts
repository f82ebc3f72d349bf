import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseShard, selectShard } from '../../src/run/shard';
import { runBin, tempDir } from '../support/run-bin';

interface Results {
  status: string;
  summary: Record<string, number>;
  scenarios: { id: string; status: string }[];
  requirements: { id: string; verdict: string; scenarios: string[] }[];
  manifest: { shard?: string };
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Results;

describe('sharding', () => {
  test('parseShard accepts i/n and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1-2']) expect(typeof parseShard(bad)).toBe('string');
  });

  test('n shards hold every scenario exactly once, whatever the input order', () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ id: `S-${String(i).padStart(2, '0')}` }));
    const shuffled = [...items].reverse();
    for (const n of [1, 2, 3, 5, 23, 30]) {
      const parts = Array.from({ length: n }, (_, i) => selectShard(shuffled, { index: i + 1, count: n }));
      expect(
        parts
          .flat()
          .map((s) => s.id)
          .sort(),
      ).toEqual(items.map((s) => s.id));
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(parts).toEqual(
        Array.from({ length: n }, (_, i) => selectShard(items, { index: i + 1, count: n })),
      );
    }
  });

  test('three shards merged equal one unsharded run (through bin/)', async () => {
    // The smoke set keeps this under a minute on 2 busy cores; the split logic is the same for any size.
    const dir = tempDir('lso-shard-');
    const args = ['run', 'scenarios/order', '--tag', 'smoke', '--reporter', 'json'];
    const whole = await runBin([...args, '--report-dir', path.join(dir, 'whole')]);
    expect(whole.code).toBe(0);
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runBin([...args, '--shard', `${i}/3`, '--report-dir', path.join(dir, `s${i}`)])),
    );
    for (const s of shards) expect(s.code).toBe(0);
    const merge = await runBin([
      'merge-reports',
      ...[1, 2, 3].map((i) => path.join(dir, `s${i}`, 'results.json')),
      '--report-dir',
      path.join(dir, 'merged'),
    ]);
    expect(merge.code).toBe(0);
    const a = read(path.join(dir, 'whole', 'results.json'));
    const b = read(path.join(dir, 'merged', 'results.json'));
    const byId = (r: Results) => r.scenarios.map((s) => `${s.id}:${s.status}`).sort();
    expect(byId(b)).toEqual(byId(a));
    expect(b.summary).toEqual(a.summary);
    expect(b.status).toBe(a.status);
    const verdicts = (r: Results) =>
      r.requirements.map((q) => `${q.id}:${q.verdict}:${[...q.scenarios].sort().join(',')}`).sort();
    expect(verdicts(b)).toEqual(verdicts(a));
    expect(read(path.join(dir, 's2', 'results.json')).manifest.shard).toBe('2/3');
    expect(fs.existsSync(path.join(dir, 'merged', 'junit.xml'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'merged', 'report.html'))).toBe(true);
  }, 120_000);

  test('merge-reports refuses a scenario present in two inputs (exit 2)', async () => {
    const dir = tempDir('lso-merge-bad-');
    const run = await runBin([
      'run',
      'scenarios/order/retrieve-unknown.yaml',
      '--reporter',
      'json',
      '--report-dir',
      dir,
    ]);
    expect(run.code).toBe(0);
    const file = path.join(dir, 'results.json');
    const r = await runBin(['merge-reports', file, file, '--report-dir', path.join(dir, 'm')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than one/);
  });
});
