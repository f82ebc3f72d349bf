import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatProblem, loadScenarioFiles } from '../../src/scenario';

/** The examples of docs/SCENARIO-FORMAT.md load without problems (whole scenarios, and step lists wrapped in one). */
describe('docs/SCENARIO-FORMAT.md examples', () => {
  const doc = fs.readFileSync('docs/SCENARIO-FORMAT.md', 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const wrap = (steps: string, i: number): string =>
    `id: DOC-${i}\ntitle: doc example\nrequirements: [R1]\nfixtures: orders\n` +
    `vars: { orderId: PO-1, hubId: H-1, runId2: x }\nsteps:\n${steps.replace(/^/gm, '  ')}`;

  test('every scenario and step example is valid', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-doc-'));
    try {
      let n = 0;
      blocks.forEach((block, i) => {
        const file = path.join(dir, `doc-${i}.yaml`);
        const indent = (text: string, by: number): string => text.replace(/^/gm, ' '.repeat(by));
        if (block.startsWith('id:')) fs.writeFileSync(file, block);
        else if (block.startsWith('- ')) fs.writeFileSync(file, wrap(block, i));
        else if (/^(expect|save):/.test(block)) {
          fs.writeFileSync(file, wrap(`- request: { op: listProductOrder }\n${indent(block, 2)}`, i));
        } else if (block.startsWith('body:') && block.includes('$fixture')) {
          fs.writeFileSync(file, wrap(`- request:\n    op: createProductOrder\n${indent(block, 4)}`, i));
        } else if (block.startsWith('body:')) {
          fs.writeFileSync(
            file,
            wrap(`- request: { op: listProductOrder }\n  expect:\n${indent(block, 4)}`, i),
          );
        } else if (block.startsWith('productOrderItem')) {
          const body = `body:\n${indent(block, 2)}`;
          fs.writeFileSync(
            file,
            wrap(`- request: { op: listProductOrder }\n  expect:\n${indent(body, 4)}`, i),
          );
        } else return;
        n += 1;
      });
      expect(n).toBe(blocks.length);
      const r = await loadScenarioFiles([dir], { fixtureRoots: ['test/fixtures/scenarios/fixtures'] });
      expect(r.problems.map(formatProblem)).toEqual([]);
      expect(r.scenarios).toHaveLength(n);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
