import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadScenarioFiles } from '../../src/scenario';

/** Bad input is reported, never thrown: whatever the shape, the loader returns problems with positions. */
const SHAPES = [
  'just a string',
  '- a\n- list',
  '42',
  'null',
  '~',
  'id: 1\ntitle: [x]\nrequirements: R1\nsteps: nope',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps: [1, "two", null, [], {}]',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - request: null\n  - poll: []\n  - sleep: 5s\n  - set: null\n  - control: {}',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - request: { op: [1], params: [1, 2], body: { $fixture: 3 }, headers: 1, raw: "x", expect: 5, save: [] }',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - request: { op: listProductOrder }\n    expect: { body: [1], headers: { "bad header": 1 }, count: "x", status: [], errorCode: [] }',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - poll: { op: listProductOrder, until: { a: { not: { all: { length: { oneOf: 3 } } } } }, within: .inf }',
  'id: X\ntitle: t\nrequirements: [R1]\nvars: [1]\ncapabilities: cancel\napi: sonata-v11\nfixtures: 7\ntimeout: -1s\nsteps:\n  - await-notification: { type: [1, null], where: 3, within: 0s, count: 0 }',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - set: { "": 1, "1a": 2, __proto__: 3, constructor: "${constructor}" }',
  'id: X\ntitle: t\nrequirements: [R1]\nsteps:\n  - request: { op: listProductOrder, params: { __proto__: x } }\n    save: { a: { header: 1 }, b: "[" }',
  'id: X\r\ntitle: t\r\nrequirements: [R1]\r\nsteps:\r\n  - sleep: { for: never }\r\n',
  'a: &a [*a]',
  '? [complex, key]\n: value',
  'id: !!binary aGVsbG8=\ntitle: t',
];

describe('robustness', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-robust-'));
    SHAPES.forEach((text, i) =>
      fs.writeFileSync(path.join(dir, `shape-${String(i).padStart(2, '0')}.yaml`), text),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every odd shape gives problems, none throws, every problem has a position', async () => {
    const { problems, scenarios } = await loadScenarioFiles([dir], { fixtureRoots: [dir] });
    expect(scenarios).toEqual([]);
    const files = new Set(problems.map((p) => path.basename(p.file)));
    expect(files.size).toBe(SHAPES.length);
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.message).not.toMatch(/\n\s+at /);
    }
  });
});
