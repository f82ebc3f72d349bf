import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempDir } from '../support/run-bin';

/**
 * Regression: `raw.body`, `raw.contentType` and `raw.query` are templates (docs/SCENARIO-FORMAT.md, and the
 * loader checks their variables), so the runner renders them before sending them verbatim.
 */
test('raw body and query are rendered before they are sent', async () => {
  const dir = tempDir('lso-raw-');
  const file = path.join(dir, 'raw.yaml');
  fs.writeFileSync(
    file,
    `id: RAW-1
title: raw templates
requirements: [R1]
vars: { ext: "raw-\${runId}", kind: json }
steps:
  - request:
      op: createProductOrder
      raw: { body: '{"externalId": "\${ext}", "productOrderItem": [', contentType: "application/\${kind}" }
    expect: { status: 400, errorCode: invalidBody }
  - request:
      op: listProductOrder
      raw: { query: "externalId=\${ext}" }
    expect: { status: 200, count: 0 }
`,
  );
  const r = await runBin(['run', file, '--report-dir', dir, '--reporter', 'json']);
  expect(r.code).toBe(0);
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as {
    runId?: string;
    scenarios: { steps: { exchanges: { request: { url: string; body?: string; headers: Record<string, string> } }[] }[] }[];
  };
  const [create, list] = results.scenarios[0]!.steps.map((s) => s.exchanges[0]!.request);
  expect(create!.body).toMatch(/^\{"externalId": "raw-[0-9a-f-]{36}", "productOrderItem": \[$/);
  expect(create!.headers['content-type']).toBe('application/json');
  expect(list!.url).toMatch(/\?externalId=raw-[0-9a-f-]{36}$/);
});
