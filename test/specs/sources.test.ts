import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const specs = path.join(__dirname, '../../specs');

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [path.relative(specs, full).split(path.sep).join('/')];
  });
}

describe('vendored specs', () => {
  const table = fs.readFileSync(path.join(specs, 'SOURCES.md'), 'utf8');
  const rows = [...table.matchAll(/^\| `([^`]+)` \| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1]!, m[2]!] as const);

  test('SOURCES.md lists every vendored file and nothing else', () => {
    const listed = rows.map(([file]) => file).sort();
    const present = listFiles(specs)
      .filter((f) => f !== 'SOURCES.md')
      .sort();
    expect(listed).toEqual(present);
    expect(listed.length).toBeGreaterThan(100);
  });

  test.each(rows)('%s is unchanged (SHA-256 as recorded)', (file, sha) => {
    const actual = createHash('sha256')
      .update(fs.readFileSync(path.join(specs, file)))
      .digest('hex');
    expect(actual).toBe(sha);
  });

  test('licence and copyright notices travel with the files', () => {
    for (const f of ['LICENSE', 'COPYRIGHT', 'cantata/LICENSE', 'cantata/COPYRIGHT']) {
      expect(fs.existsSync(path.join(specs, f))).toBe(true);
    }
    expect(fs.readFileSync(path.join(specs, 'LICENSE'), 'utf8')).toContain('Apache License');
  });
});
