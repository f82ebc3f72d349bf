import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  createFileReporter,
  ReportWriteError,
  writeFileAtomic,
  writeHtml,
  writeJson,
  writeJunit,
  writeReports,
} from '../../src/report';
import { mixedRun } from './sample-results';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lso-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  test('creates the directory, replaces the file, leaves no temp file', async () => {
    const file = path.join(dir, 'a', 'b', 'out.txt');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second ✓');
    expect(await readFile(file, 'utf8')).toBe('second ✓');
    expect(await readdir(path.dirname(file))).toEqual(['out.txt']);
  });

  test('fails cleanly when the target is a directory', async () => {
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow();
    expect(
      (await readdir(path.dirname(dir))).filter((f) => f.endsWith('.tmp') && f.includes(path.basename(dir))),
    ).toEqual([]);
  });
});

describe('writeReports', () => {
  test('writes the fixed file names for the file reporters asked for', async () => {
    const result = mixedRun();
    const out = path.join(dir, 'reports');
    const written = await writeReports(result, {
      dir: out,
      reporters: ['console', 'json', 'junit', 'html', 'json'],
    });
    expect(written).toEqual(['results.json', 'junit.xml', 'report.html'].map((f) => path.join(out, f)));
    expect(await readFile(path.join(out, 'results.json'), 'utf8')).toBe(writeJson(result));
    expect(await readFile(path.join(out, 'junit.xml'), 'utf8')).toBe(writeJunit(result));
    expect(await readFile(path.join(out, 'report.html'), 'utf8')).toBe(writeHtml(result));
    expect(await writeReports(result, { dir: out, reporters: ['console'] })).toEqual([]);
  });

  test('writes what it can and reports the rest', async () => {
    // A directory where junit.xml should go makes that one write fail.
    await writeFileAtomic(path.join(dir, 'junit.xml', 'blocker'), '');
    const error = await writeReports(mixedRun(), { dir, reporters: ['json', 'junit', 'html'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportWriteError);
    expect(error).toMatchObject({
      code: 'report.writeFailed',
      written: [path.join(dir, 'results.json'), path.join(dir, 'report.html')],
    });
    expect((error as ReportWriteError).failures.map((f) => f.file)).toEqual(['junit.xml']);
  });

  test('a file reporter writes its file at the end of the run', async () => {
    const reporter = createFileReporter('junit', { dir });
    expect(reporter.path).toBe(path.join(dir, 'junit.xml'));
    await reporter.onRunEnd?.(mixedRun());
    expect(await readFile(reporter.path, 'utf8')).toBe(writeJunit(mixedRun()));
  });
});
