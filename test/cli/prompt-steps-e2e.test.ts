import * as fs from 'node:fs';
import * as path from 'node:path';
import { startBrokenSeller, type BrokenSeller } from '../support/broken-seller';
import { runBin, tempDir } from '../support/run-bin';

interface Results {
  summary: { passed: number; failed: number; skipped: number; notApplicable: number };
  scenarios: { id: string; status: string; message?: string; steps: { status: string }[] }[];
}

const SCENARIO = `id: PROMPT-1
title: a person acts in the back office between two requests
requirements: [R1]
steps:
  - request: { op: retrieveProductOrder, params: { id: "none-\${uuid}" } }
    expect: { status: 404 }
  - prompt: { message: "Reject the order in your back office" }
  - name: would fail if it ran
    request: { op: retrieveProductOrder, params: { id: "none-\${uuid}" } }
    expect: { status: 200 }
`;

function scenarioFile(): { dir: string; file: string } {
  const dir = tempDir('lso-prompt-');
  const file = path.join(dir, 'prompt.yaml');
  fs.writeFileSync(file, SCENARIO);
  return { dir, file };
}

function read(dir: string): Results {
  return JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
}

describe('prompt steps', () => {
  let seller: BrokenSeller | undefined;
  afterEach(async () => seller?.close());

  test('against the embedded Seller a prompt scenario is not applicable (no back office to ask about)', async () => {
    const { dir, file } = scenarioFile();
    const r = await runBin(['run', file, '--reporter', 'json', '--report-dir', dir]);
    expect(r.code).toBe(0);
    const s = read(dir).scenarios[0];
    expect(s).toMatchObject({ status: 'notApplicable' });
    expect(s?.message).toMatch(/prompt/);
  });

  test('under CI a prompt is skipped, and so are the steps after it and the scenario', async () => {
    seller = await startBrokenSeller({});
    const { dir, file } = scenarioFile();
    const r = await runBin(['run', file, '--target', seller.url, '--reporter', 'json', '--report-dir', dir], {
      CI: 'true',
    });
    expect(r.code).toBe(0);
    const results = read(dir);
    expect(results.summary).toMatchObject({ passed: 0, failed: 0, skipped: 1 });
    expect(results.scenarios[0]?.steps.map((st) => st.status)).toEqual(['passed', 'skipped', 'skipped']);
  });
});
