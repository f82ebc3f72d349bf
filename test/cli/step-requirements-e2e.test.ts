import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempDir } from '../support/run-bin';

interface Results {
  scenarios: { id: string; status: string; requirements: string[] }[];
  requirements: { id: string; verdict: string; scenarios: string[] }[];
}

const SCENARIO = `id: STEP-REQ-1
title: step requirements count for the scenario, on the versions the step runs on
requirements: [R1]
steps:
  - request: { op: listProductOrder, params: { externalId: "none-\${uuid}" } }
    requirements: [R61]
    expect: { status: 200, count: 0 }
  - api: [sonata-v10]
    requirements: [R62]
    request: { op: listProductOrder, params: { externalId: "none-\${uuid}" } }
`;

test("a passing scenario gives evidence for its steps' requirements too (not for steps left out)", async () => {
  const dir = tempDir('lso-stepreq-');
  const file = path.join(dir, 'step-req.yaml');
  fs.writeFileSync(file, SCENARIO);
  const r = await runBin(['run', file, '--reporter', 'json', '--report-dir', dir]);
  expect(r.code).toBe(0);
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
  expect(results.scenarios[0]).toMatchObject({ status: 'passed', requirements: ['R1', 'R61'] });
  const verdict = (id: string) => results.requirements.find((q) => q.id === id);
  expect(verdict('R61')).toMatchObject({ verdict: 'conformant', scenarios: ['STEP-REQ-1'] });
  expect(verdict('R62')).toMatchObject({ verdict: 'notTested', scenarios: [] });
});
