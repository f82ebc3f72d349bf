import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseVendoredYaml, sha256Of, specCacheDir } from '../../src/spec/spec-cache';
import { specsDir } from '../../src/spec';

function listYaml(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listYaml(full);
    return entry.name.endsWith('.yaml') ? [full] : [];
  });
}

describe('spec cache (build-time JSON copies of the vendored YAML)', () => {
  it('gives exactly what parsing the YAML gives, for every vendored file, copy or not', () => {
    for (const file of listYaml(specsDir())) {
      const text = fs.readFileSync(file, 'utf8');
      expect(parseVendoredYaml(text)).toEqual(parse(text));
    }
  });

  it('parses text it has no copy of (an edited file misses the cache)', () => {
    const text = 'openapi: 3.0.1\ninfo: { title: edited, version: "1" }\n';
    expect(fs.existsSync(path.join(specCacheDir(), `${sha256Of(text)}.json`))).toBe(false);
    expect(parseVendoredYaml(text)).toEqual({ openapi: '3.0.1', info: { title: 'edited', version: '1' } });
  });
});
