import { writeJson } from '../../src/report';
import { hostileRun, mixedRun } from './sample-results';

describe('writeJson', () => {
  test('round-trips the RunResult', () => {
    const result = mixedRun();
    const text = writeJson(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,');
  });

  test('round-trips hostile content, control characters included', () => {
    const result = hostileRun();
    expect(JSON.parse(writeJson(result))).toEqual(result);
  });

  test('keys come out in model order whatever order the runner built them in', () => {
    const result = mixedRun();
    const shuffled = {
      errors: result.errors,
      requirements: result.requirements,
      scenarios: result.scenarios.map((s) => ({ ...s, zExtra: true, status: s.status, id: s.id })),
      summary: Object.fromEntries(Object.entries(result.summary).reverse()) as typeof result.summary,
      manifest: result.manifest,
      status: result.status,
      schemaVersion: result.schemaVersion,
    };
    const parsed = JSON.parse(writeJson(shuffled));
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'status',
      'manifest',
      'summary',
      'scenarios',
      'requirements',
      'errors',
    ]);
    expect(Object.keys(parsed.summary)).toEqual([
      'total',
      'passed',
      'failed',
      'errored',
      'skipped',
      'notApplicable',
    ]);
    const keys = Object.keys(parsed.scenarios[0]);
    expect(keys.slice(0, 4)).toEqual(['id', 'title', 'file', 'status']);
    expect(keys.at(-1)).toBe('zExtra');
    // Identical input in a different order gives identical text: runs diff cleanly.
    expect(writeJson(shuffled)).toBe(writeJson({ ...result, scenarios: shuffled.scenarios }));
  });
});
