import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAULT_CATALOG, KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { WIRE_FAULTS } from '../../emulators/seller/faults/wire-faults';
import { profileFromValue } from '../../emulators/seller/profile/load-profile';
import { REQUIREMENT_CATALOGUE } from '../../src/requirements';

const ROOT = path.join(__dirname, '..', '..');
const SELLER = path.join(ROOT, 'emulators', 'seller');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every `ctx.fault('name')` the emulator asks, by name. */
function askedFaults(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(SELLER))
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\.fault\('([^']+)'\)/g)) names.add(m[1]!);
  return names;
}

describe('the fault catalogue', () => {
  test('has at least 25 faults, unique kebab-case names, a summary and requirements each', () => {
    expect(FAULT_CATALOG.length).toBeGreaterThanOrEqual(25);
    expect(new Set(KNOWN_FAULTS).size).toBe(KNOWN_FAULTS.length);
    for (const f of FAULT_CATALOG) {
      expect(f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.summary.length).toBeGreaterThan(10);
      expect(f.requirements.length).toBeGreaterThan(0);
    }
  });

  test('names requirements of the catalogue, sections of the guide or rules of the OpenAPI file', () => {
    const ids = new Set(REQUIREMENT_CATALOGUE.map((r) => r.id));
    const bad = FAULT_CATALOG.flatMap((f) =>
      f.requirements
        .filter((r) => !ids.has(r) && !/^§\d/.test(r) && !r.startsWith('OAS: '))
        .map((r) => `${f.name}: ${r}`),
    );
    expect(bad).toEqual([]);
  });

  test('every fault is known to the profile loader; an unknown one is refused at its position', () => {
    const locate = () => ({ line: 1, column: 1 });
    const ok = profileFromValue({ faults: [...KNOWN_FAULTS] }, 'p.yaml', locate, KNOWN_FAULTS);
    expect(ok.problems).toEqual([]);
    expect(ok.profile?.faults).toEqual(KNOWN_FAULTS);
    const bad = profileFromValue({ faults: ['no-such-fault'] }, 'p.yaml', locate, KNOWN_FAULTS);
    expect(bad.problems.map((p) => p.code)).toEqual(['profile.unknownFault']);
  });

  test('every fault is implemented where its kind says, and nothing asks for an unknown fault', () => {
    const asked = askedFaults();
    const wire = Object.keys(WIRE_FAULTS);
    expect([...asked].filter((n) => !KNOWN_FAULTS.includes(n))).toEqual([]);
    expect(wire.filter((n) => !KNOWN_FAULTS.includes(n))).toEqual([]);
    for (const f of FAULT_CATALOG) {
      if (f.kind === 'response')
        expect({ fault: f.name, wire: wire.includes(f.name) }).toEqual({ fault: f.name, wire: true });
      else expect({ fault: f.name, asked: asked.has(f.name) }).toEqual({ fault: f.name, asked: true });
    }
  });

  test('every fault is documented in docs/SELLER-EMULATOR.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'SELLER-EMULATOR.md'), 'utf8');
    expect(KNOWN_FAULTS.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });
});
