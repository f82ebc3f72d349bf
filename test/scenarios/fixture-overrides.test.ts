import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildRequestBody, loadScenarioFiles, type Scenario } from '../../src/scenario';
import { globToRegExp } from '../../src/scenario/fixture-overrides';
import type { JsonValue } from '../../src/scenario/json';
import { selectPath } from '../../src/scenario/select-path';

const BUILT_IN = path.join(__dirname, '..', '..', 'scenarios', 'fixtures');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lso-overrides-'));
}

const SCENARIO = `id: OV-1
title: t
requirements: [R1]
steps:
  - request:
      op: createProductOrder
      body:
        $fixture: orders/access-eline/install.json
        set: { externalId: mine }
  - request:
      op: createProductOrder
      body: { $fixture: orders/uni-install.json }
`;

async function load(roots: string[]) {
  const dir = tempDir();
  const file = path.join(dir, 'ov.yaml');
  fs.writeFileSync(file, SCENARIO);
  return loadScenarioFiles([file], { fixtureRoots: [...roots, BUILT_IN] });
}

/** The body step `i` would send (templates rendered). */
function body(scenario: Scenario, i: number): (selector: string) => JsonValue | undefined {
  const step = scenario.steps[i];
  if (step?.kind !== 'request' || !step.body) throw new Error('no body');
  const built = buildRequestBody(step.body, {}, { now: () => 0, runId: 'r', scenarioId: 'OV-1' });
  if (!built.ok) throw new Error('template');
  return (selector) => {
    const r = selectPath(built.value, selector);
    return r.ok ? r.values[0] : undefined;
  };
}

describe('fixture overrides (one file for offering ids, places, contacts)', () => {
  test('globs', () => {
    expect(globToRegExp('orders/**').test('orders/epl/install.json')).toBe(true);
    expect(globToRegExp('orders/*.json').test('orders/epl/install.json')).toBe(false);
    expect(globToRegExp('orders/**/install.json').test('orders/install.json')).toBe(true);
    expect(globToRegExp('orders/*/install.json').test('orders/epl/install.json')).toBe(true);
    expect(globToRegExp('orders/epl/?nstall.json').test('orders/epl/install.json')).toBe(true);
    expect(globToRegExp('a.json').test('aXjson')).toBe(false);
  });

  test('an overrides.yaml in a --fixtures folder patches the built-in fixtures; scenario edits still win', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'overrides.yaml'),
      `# every order fixture
- files: "orders/**"
  merge:
    projectId: ACME
    relatedContactInformation:
      - { role: productOrderContact, name: Ann, emailAddress: ann@acme.example, number: "+1" }
  set:
    "productOrderItem[*].billingAccount.id": BA-7
    externalId: from-overrides
- files: orders/access-eline/install.json
  set:
    "productOrderItem[0].product.productOffering.id": ACME-OVC
    "productOrderItem[1].product.place":
      - role: INSTALL_LOCATION
        place: { "@type": GeographicSiteRef, id: SITE-42 }
  remove: ["productOrderItem[0].agreementName"]
`,
    );
    const loaded = await load([dir]);
    expect(loaded.problems).toEqual([]);
    const [scenario] = loaded.scenarios;
    const eline = body(scenario!, 0);
    expect(eline('externalId')).toBe('mine');
    expect(eline('projectId')).toBe('ACME');
    expect(eline('relatedContactInformation')).toEqual([
      { role: 'productOrderContact', name: 'Ann', emailAddress: 'ann@acme.example', number: '+1' },
    ]);
    expect(eline('productOrderItem[0].product.productOffering.id')).toBe('ACME-OVC');
    expect(eline('productOrderItem[0].agreementName')).toBeUndefined();
    expect(eline('productOrderItem[1].billingAccount.id')).toBe('BA-7');
    expect(eline('productOrderItem[1].product.place[0].place.id')).toBe('SITE-42');
    const uni = body(scenario!, 1);
    expect(uni('externalId')).toBe('from-overrides');
    expect(uni('productOrderItem[0].product.productOffering.id')).toBe('000075');
  });

  test('--fixtures may name the overrides file itself; the first root has the last word', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'acme.json');
    fs.writeFileSync(file, JSON.stringify({ merge: { projectId: 'FIRST' } }));
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'overrides.json'), JSON.stringify([{ merge: { projectId: 'SECOND' } }]));
    const loaded = await load([file, other]);
    expect(loaded.problems).toEqual([]);
    expect(body(loaded.scenarios[0]!, 1)('projectId')).toBe('FIRST');
  });

  test('a malformed overrides file is reported on every fixture that uses it', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'overrides.yaml'),
      '- files: 3\n  sett: {}\n  set: { "a[": 1 }\n  remove: x\n',
    );
    const loaded = await load([dir]);
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.problems.map((p) => p.code)).toEqual(['scenario.fixtureInvalid', 'scenario.fixtureInvalid']);
    const message = loaded.problems[0]!.message;
    for (const bit of ['unknown key(s) sett', '.files', 'bad path', '.remove'])
      expect(message).toContain(bit);
  });

  test('an overrides file that is not YAML is reported', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'overrides.yaml'), 'a: [\n');
    const loaded = await load([dir]);
    expect(loaded.problems[0]).toMatchObject({ code: 'scenario.fixtureInvalid' });
    expect(loaded.problems[0]!.message).toMatch(/overrides.*not valid YAML/);
  });
});
