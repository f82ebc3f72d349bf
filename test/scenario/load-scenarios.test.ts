import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatProblem, loadScenarioFiles, type RequestStep, type Scenario } from '../../src/scenario';
import { loadApiFacts } from '../../src/spec';

const FIXTURES = 'test/fixtures/scenarios/fixtures';
const VALID = 'test/fixtures/scenarios/valid';

function byId(scenarios: readonly Scenario[], id: string): Scenario {
  const s = scenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

describe('loadScenarioFiles: valid files', () => {
  let loaded: Awaited<ReturnType<typeof loadScenarioFiles>>;
  beforeAll(async () => {
    loaded = await loadScenarioFiles([VALID], { fixtureRoots: [FIXTURES] });
  });

  test('finds *.yaml and *.yml recursively, sorted, with no problem', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.files).toEqual([`${VALID}/create-and-complete.yaml`, `${VALID}/nested/errors.yml`]);
    expect(loaded.scenarios.map((s) => s.id)).toEqual(['PO-CREATE-001', 'PO-ERRORS-001']);
  });

  test('scenario fields are normalised', () => {
    const s = byId(loaded.scenarios, 'PO-CREATE-001');
    expect(s).toMatchObject({
      title: 'Create an install order and follow it to completion',
      requirements: ['R10', 'R17', 'R18', 'R19', 'R23', 'R47'],
      capabilities: ['notifications'],
      tags: ['smoke', 'lifecycle'],
      fixtures: 'orders',
      vars: [{ var: 'buyerTag', value: 'lso-${runId}' }],
      file: `${VALID}/create-and-complete.yaml`,
      location: { line: 2, column: 5 },
    });
    expect(s.api).toBeUndefined();
    expect(s.steps.map((x) => x.kind)).toEqual([
      'register-hub',
      'request',
      'await-notification',
      'control',
      'poll',
      'request',
      'unregister-hub',
    ]);
  });

  test('request steps: fixture read, defaults filled, literals turned into equals', () => {
    const create = byId(loaded.scenarios, 'PO-CREATE-001').steps[1] as RequestStep;
    expect(create.name).toBe('create the order');
    expect(create.location).toEqual({ file: `${VALID}/create-and-complete.yaml`, line: 17, column: 5 });
    expect(create.body).toMatchObject({
      kind: 'fixture',
      fixture: 'access-eline-install.json',
      file: path.resolve(FIXTURES, 'orders/access-eline-install.json'),
      set: [{ path: 'projectId', value: '${buyerTag}' }],
      remove: [],
    });
    expect(create.expect).toMatchObject({ status: [201], schema: true, echo: true, headers: [] });
    expect(create.expect.body.map((e) => [e.path, e.matcher])).toEqual([
      ['state', { equals: 'acknowledged' }],
      ['id', { exists: true, type: 'string' }],
      ['productOrderItem[*].state', { equals: 'acknowledged' }],
      ['orderDate', { lte: '${now+PT1M}' }],
    ]);
    expect(create.save).toEqual([
      {
        var: 'orderId',
        from: 'body',
        path: '$.id',
        location: expect.objectContaining({ line: 33, column: 7 }),
      },
      {
        var: 'itemId',
        from: 'body',
        path: 'productOrderItem[0].id',
        location: expect.objectContaining({ line: 34, column: 7 }),
      },
    ]);
  });

  test('other steps: durations in ms, default statuses from the spec, canonical event types', () => {
    const steps = byId(loaded.scenarios, 'PO-CREATE-001').steps;
    expect(steps[0]).toMatchObject({ kind: 'register-hub', callback: 'listener', expect: { status: [201] } });
    expect(steps[2]).toMatchObject({ types: ['productOrderStateChangeEvent'], withinMs: 30_000, count: 1 });
    expect(steps[3]).toMatchObject({
      action: 'complete',
      order: '${orderId}',
      args: {},
      api: ['sonata-v11', 'cantata-v6'],
    });
    expect(steps[4]).toMatchObject({
      op: 'retrieveProductOrder',
      withinMs: 300_000,
      everyMs: 10_000,
      expect: { status: [200] },
    });
    expect(steps[5]).toMatchObject({ expect: { count: { gte: 1 }, headers: [{ path: 'X-Total-Count' }] } });
    expect(steps[6]).toMatchObject({ kind: 'unregister-hub', id: '${hubId}', expect: { status: [204] } });
  });

  test('raw input, optional steps, sleep, prompt, set', () => {
    const s = byId(loaded.scenarios, 'PO-ERRORS-001');
    expect(s.api).toEqual(['sonata-v11']);
    expect(s.steps[0]).toMatchObject({
      raw: { body: '{"productOrderItem": [', contentType: 'application/json' },
    });
    expect(s.steps[1]).toMatchObject({ body: { remove: ['productOrderItem[0].requestedCompletionDate'] } });
    expect(s.steps[3]).toMatchObject({ kind: 'set', values: [{ var: 'since' }, { var: 'limit', value: 5 }] });
    expect(s.steps[4]).toMatchObject({ optional: true, continueOnFailure: false, raw: { query: 'bogus=1' } });
    expect(s.steps[5]).toMatchObject({ kind: 'expect-no-notification', types: [], withinMs: 2000 });
    expect(s.steps[6]).toMatchObject({ kind: 'sleep', durationMs: 250 });
    expect(s.steps[7]).toMatchObject({ kind: 'prompt', timeoutMs: 600_000 });
  });

  test('a file given twice, or as a file and in its directory, is loaded once', async () => {
    const again = await loadScenarioFiles(
      [`${VALID}/nested/errors.yml`, VALID, `./${VALID}/nested/errors.yml`],
      {
        fixtureRoots: [FIXTURES],
      },
    );
    expect(again.problems).toEqual([]);
    expect(again.scenarios).toHaveLength(2);
  });
});

describe('loadScenarioFiles: inline cases', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-scenario-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const header = 'id: T-1\ntitle: t\nrequirements: [R1]\n';
  const codes = (r: { problems: readonly { code: string; line: number; column: number }[] }): string[] =>
    r.problems.map((p) => `${p.code}@${p.line}:${p.column}`);

  test('a symlink that leads out of the fixture root is refused', async () => {
    const outside = write('outside/secret.json', '{"secret": true}');
    fs.mkdirSync(path.join(dir, 'root'));
    fs.symlinkSync(outside, path.join(dir, 'root', 'link.json'));
    const file = write(
      's.yaml',
      `${header}steps:\n  - request: { op: createProductOrder, body: { $fixture: link.json } }\n`,
    );
    const r = await loadScenarioFiles([file], { fixtureRoots: [path.join(dir, 'root')] });
    expect(codes(r)).toEqual(['scenario.fixtureOutsideRoot@5:58']);
  });

  test('files are loaded one by one: many scenarios, one fixture looked up once, versions loaded as needed', async () => {
    write('root/o.json', '{"from": "root"}');
    const files = Array.from({ length: 30 }, (_, i) =>
      write(
        `s${String(i).padStart(2, '0')}.yaml`,
        `id: T-${i}\ntitle: t\nrequirements: [R1]\n${i < 20 ? 'api: [sonata-v11]\n' : ''}steps:\n  - request: { op: createProductOrder, body: { $fixture: o.json } }\n`,
      ),
    );
    // The module object itself: the loader's `import * as fs` reads its properties through it.
    const real = jest.spyOn(nodeFs, 'realpathSync');
    const loaded: string[] = [];
    try {
      const r = await loadScenarioFiles(files, {
        fixtureRoots: [path.join(dir, 'root')],
        loadSpec: (id) => {
          loaded.push(id);
          return Promise.resolve(loadApiFacts(id));
        },
      });
      expect(r.problems).toEqual([]);
      expect(r.scenarios).toHaveLength(30);
      // Two real paths (the file, its root) for the one lookup, not two per scenario.
      expect(real.mock.calls.filter(([p]) => String(p).startsWith(dir))).toHaveLength(2);
    } finally {
      real.mockRestore();
    }
    // The first twenty target v11 only; the rest every version: each loaded once, when first needed.
    expect(loaded[0]).toBe('sonata-v11');
    expect([...loaded].sort()).toEqual([...new Set(loaded)].sort());
    expect(loaded).toHaveLength(4);
  });

  test('fixture roots are searched in order; `fixtures:` may not leave them', async () => {
    write('a/o.json', '{"from": "a"}');
    write('b/o.json', '{"from": "b"}');
    write('b/only-b.yaml', 'from: b\n');
    const file = write(
      's.yaml',
      `${header}steps:\n  - request: { op: createProductOrder, body: { $fixture: o.json } }\n  - request: { op: createProductOrder, body: { $fixture: only-b.yaml } }\n`,
    );
    const r = await loadScenarioFiles([file], { fixtureRoots: [path.join(dir, 'a'), path.join(dir, 'b')] });
    expect(r.problems).toEqual([]);
    expect(r.scenarios[0]?.steps.map((s) => (s as RequestStep).body)).toMatchObject([
      { content: { from: 'a' } },
      { content: { from: 'b' } },
    ]);
    const bad = write('t.yaml', `${header}fixtures: ../up\nsteps:\n  - sleep: { for: 1s }\n`);
    expect(codes(await loadScenarioFiles([bad], { fixtureRoots: [dir] }))).toEqual([
      'scenario.fixtureOutsideRoot@4:11',
    ]);
  });

  test('templates inside a fixture are checked against the variables defined', async () => {
    write('root/o.json', '{"projectId": "${project}", "x": "${runId}"}');
    const file = write(
      's.yaml',
      `${header}steps:\n  - request: { op: createProductOrder, body: { $fixture: o.json } }\n`,
    );
    const r = await loadScenarioFiles([file], { fixtureRoots: [path.join(dir, 'root')] });
    expect(codes(r)).toEqual(['scenario.undefinedVariable@5:58']);
    expect(r.problems[0]?.message).toMatch(/^in fixture o.json: \$\{project\}/);
  });

  test('the v10 spelling of an event type is accepted and normalised; the v11 one is checked per version', async () => {
    const file = write(
      's.yaml',
      `${header}api: [sonata-v10]\nsteps:\n  - await-notification: { type: productOrderItemExpectedCompletionDateSet, within: 1s }\n  - await-notification: { type: productOrderItemExpectedCompletionDateSetEvent, within: 1s }\n  - register-hub: { query: "eventType=productOrderItemExpectedCompletionDateSetEvent,nope" }\n`,
    );
    const r = await loadScenarioFiles([file], { fixtureRoots: [] });
    expect(codes(r)).toEqual(['scenario.unknownEventType@8:28']);
    expect(r.problems[0]?.message).toBe('unknown event type "nope"');
  });

  test('variables: vars, set and save define them in order; a step cannot use its own save', async () => {
    const file = write(
      's.yaml',
      `${header}vars: { a: "\${runId}", b: "\${a}-x" }\nsteps:\n  - set: { c: "\${b}", d: "\${c}" }\n  - request: { op: retrieveProductOrder, params: { id: "\${d}" } }\n    expect: { body: { id: "\${e}" } }\n    save: { e: id }\n  - request: { op: retrieveProductOrder, params: { id: "\${e}" } }\n`,
    );
    const r = await loadScenarioFiles([file], { fixtureRoots: [] });
    expect(codes(r)).toEqual(['scenario.undefinedVariable@8:27']);
    expect(r.problems[0]?.message).toMatch(/e is not defined/);
  });

  test('expect and save are refused on kinds that do not take them', async () => {
    const file = write(
      's.yaml',
      `${header}steps:\n  - sleep: { for: 1s }\n    expect: { status: 200 }\n    save: { x: id }\n`,
    );
    expect(codes(await loadScenarioFiles([file], { fixtureRoots: [] }))).toEqual([
      'scenario.schema@6:5',
      'scenario.schema@7:5',
    ]);
  });

  test('a missing path is reported, and loading goes on with the others', async () => {
    const file = write('s.yaml', `${header}steps:\n  - sleep: { for: 1s }\n`);
    const r = await loadScenarioFiles([path.join(dir, 'nope'), file], { fixtureRoots: [] });
    expect(codes(r)).toEqual(['file.notFound@1:1']);
    expect(r.scenarios.map((s) => s.id)).toEqual(['T-1']);
  });

  test('an injected spec loader is used instead of the vendored files', async () => {
    const file = write('s.yaml', `${header}steps:\n  - request: { op: createProductOrder }\n`);
    const seen: string[] = [];
    const r = await loadScenarioFiles([file], {
      fixtureRoots: [],
      loadSpec: (id) => {
        seen.push(id);
        return Promise.resolve({ management: { operations: new Map() }, eventTypes: [] });
      },
    });
    expect(seen).toEqual(['sonata-v11', 'sonata-v10', 'cantata-v6', 'cantata-v5']);
    expect(codes(r)).toEqual(['scenario.unknownOperation@5:20']);
  });
});
