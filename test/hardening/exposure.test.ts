/**
 * Emulator exposure (issue "Hardening", item 6):
 * - `lso-harness seller` binds 127.0.0.1 unless told otherwise (another address of the machine, even
 *   127.0.0.2, is refused);
 * - its control API answers 404 unless `--control-api` (or `controlApi: true`) switches it on; the
 *   embedded run switches it on for its control steps;
 * - a `$fixture` reference cannot read outside its fixture folder: `..`, absolute paths and symlinks
 *   pointing out are refused with `scenario.fixtureOutsideRoot` at the reference's line and column.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createSellerApp, DEFAULT_PROFILE } from '../../emulators/seller';
import { loadScenarioFiles } from '../../src/scenario';
import { loadApiSpec } from '../../src/spec';
import {
  HARDENING_FIXTURES,
  readReports,
  runHarness,
  startHarness,
  tempDir,
  waitForOutput,
  type HarnessProcess,
} from './support/harness-process';

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Starts `lso-harness seller …` and resolves its printed base URL. */
async function serve(args: string[]): Promise<{ proc: HarnessProcess; url: URL }> {
  const proc = startHarness(['seller', ...args], { killAfterMs: 60_000 });
  await waitForOutput(proc, /listening on http/, 30_000);
  const line = /listening on (\S+)/.exec(proc.output().stdout)?.[1];
  return { proc, url: new URL(line ?? '') };
}

async function stop(proc: HarnessProcess): Promise<number | null> {
  proc.child.kill('SIGINT');
  return (await proc.done).code;
}

describe('lso-harness seller', () => {
  test('binds 127.0.0.1 by default; the control API is off (404) while the API answers', async () => {
    const { proc, url } = await serve(['--port', '0']);
    try {
      expect(url.hostname).toBe('127.0.0.1');
      const port = Number(url.port);
      expect(await connects('127.0.0.1', port)).toBe(true);
      // Linux routes all of 127/8 to loopback: a socket bound to 127.0.0.1 only refuses 127.0.0.2.
      expect(await connects('127.0.0.2', port)).toBe(false);
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) expect(await connects(external.address, port)).toBe(false);

      const api = await request(url.origin).get(`${url.pathname}/productOrder`);
      expect(api.status).toBe(200);
      for (const p of ['/_lso/control/info', '/_lso/control/hubs', '/_lso/control/deliveries']) {
        const res = await request(url.origin).get(p);
        expect({ path: p, status: res.status }).toEqual({ path: p, status: 404 });
      }
      const post = await request(url.origin).post('/_lso/control/reset').send({});
      expect(post.status).toBe(404);
    } finally {
      expect(await stop(proc)).toBe(0);
    }
  }, 60_000);

  test('--control-api switches the control API on; --host binds elsewhere when told', async () => {
    const { proc, url } = await serve(['--control-api', '--host', '127.0.0.2']);
    try {
      expect(url.hostname).toBe('127.0.0.2');
      expect(await connects('127.0.0.1', Number(url.port))).toBe(false);
      const info = await request(url.origin).get('/_lso/control/info');
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ api: 'sonata-v11' });
    } finally {
      expect(await stop(proc)).toBe(0);
    }
  }, 60_000);

  test('the emulator library defaults to no control API, a profile can switch it on', async () => {
    const spec = await loadApiSpec('sonata-v11');
    expect(DEFAULT_PROFILE.controlApi).toBe(false);
    const closed = createSellerApp({ spec });
    const open = createSellerApp({ spec, profile: { ...DEFAULT_PROFILE, controlApi: true } });
    try {
      expect((await request(closed.app).get('/_lso/control/info')).status).toBe(404);
      expect((await request(open.app).get('/_lso/control/info')).status).toBe(200);
    } finally {
      closed.close();
      open.close();
    }
  });

  test('lso-harness run switches the control API on for its embedded Seller (control steps pass)', async () => {
    const dir = tempDir('lso-exposure-run-');
    const out = await runHarness([
      'run',
      path.join(HARDENING_FIXTURES, 'control-step.yaml'),
      '--fixtures',
      path.join(HARDENING_FIXTURES, 'fixtures'),
      '--report-dir',
      dir,
    ]);
    const { results } = readReports(dir);
    expect({ code: out.code, status: results.scenarios[0]?.status, stderr: out.stderr }).toEqual({
      code: 0,
      status: 'passed',
      stderr: '',
    });
  }, 60_000);
});

describe('fixture references stay inside their fixture folder', () => {
  const root = tempDir('lso-exposure-fixtures-');
  const fixtures = path.join(root, 'fixtures');
  const outside = path.join(root, 'outside');

  beforeAll(() => {
    fs.mkdirSync(path.join(fixtures, 'orders'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.json'), '{"stolen": true}');
    fs.writeFileSync(path.join(fixtures, 'orders', 'ok.json'), '{"externalId": "x"}');
    // A symlink inside the root that points out of it, and a symlinked folder doing the same.
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(fixtures, 'orders', 'link.json'));
    fs.symlinkSync(outside, path.join(fixtures, 'escape'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const scenario = (ref: string, fixturesKey = '') =>
    [
      'id: HARD-FIXTURE',
      'title: a fixture reference',
      'requirements: [R1]',
      ...(fixturesKey ? [`fixtures: ${fixturesKey}`] : []),
      'steps:',
      '  - request:',
      '      op: createProductOrder',
      `      body: { $fixture: ${JSON.stringify(ref)} }`,
      '',
    ].join('\n');

  const escapes: [string, string, string][] = [
    ['parent folders', '../../etc/passwd', ''],
    ['parent folders from a fixtures folder', '../../../etc/passwd', 'orders'],
    ['an absolute path', '/etc/passwd', ''],
    ['an absolute path to a real fixture', '', ''],
    ['a Windows drive path', 'C:\\Windows\\win.ini', ''],
    ['a symlinked file pointing out', 'orders/link.json', ''],
    ['a symlinked folder pointing out', 'escape/secret.json', ''],
  ];

  test.each(escapes)('%s is refused with scenario.fixtureOutsideRoot', async (_name, given, fixturesKey) => {
    const ref = given || path.join(fixtures, 'orders', 'ok.json');
    const file = path.join(root, `s-${Math.random().toString(36).slice(2)}.yaml`);
    const text = scenario(ref, fixturesKey);
    fs.writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('$fixture')) + 1;
    const loaded = await loadScenarioFiles([file], { fixtureRoots: [fixtures] });
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ file, line, code: 'scenario.fixtureOutsideRoot' }),
    ]);
    expect(JSON.stringify(loaded)).not.toContain('stolen');
  });

  test('a fixture inside the root still loads', async () => {
    const file = path.join(root, 'inside.yaml');
    fs.writeFileSync(file, scenario('orders/ok.json'));
    const loaded = await loadScenarioFiles([file], { fixtureRoots: [fixtures] });
    expect(loaded.problems).toEqual([]);
  });

  test('through bin/: validate names file:line:col and the code, exit 2', async () => {
    const file = path.join(root, 'escape.yaml');
    fs.writeFileSync(file, scenario('../../etc/passwd'));
    const out = await runHarness(['validate', file, '--fixtures', fixtures]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+\\s+scenario\\.fixtureOutsideRoot`),
    );
    expect(out.stderr).not.toMatch(/root:x:0|\n\s+at /);
  }, 60_000);
});
