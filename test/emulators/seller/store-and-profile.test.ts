/** The bounded store, and behaviour profiles loaded from YAML with every problem at file:line:col. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProfileFile } from '../../../emulators/seller';
import { KNOWN_FAULTS } from '../../../emulators/seller/faults/fault-catalog';
import { formatSourceProblem } from '../../../src/util/yaml-source';
import { profileWith, startTestSeller, T } from './support/seller';

test('past store.maxOrders the oldest terminal orders are evicted, with their tasks and charges', async () => {
  const s = await startTestSeller({ profile: profileWith({ store: { maxOrders: 10 } }) });
  try {
    const held: string[] = [];
    for (let i = 0; i < 4; i++) held.push(String((await s.createOrder({ externalId: `HOLD-${i}` }))['id']));
    const done: string[] = [];
    for (let i = 0; i < 6; i++) done.push(String((await s.createOrder({ externalId: `OK-${i}` }))['id']));
    await s.advance(T.acknowledgedToInProgress);
    await s.advance(T.inProgressToDone); // the OK-* orders complete; the HOLD-* ones stay inProgress
    const fresh: string[] = [];
    for (let i = 0; i < 3; i++) fresh.push(String((await s.createOrder({ externalId: `NEW-${i}` }))['id']));
    expect(s.context.store.orders.size).toBe(10);
    expect(s.context.store.evicted).toBe(3);
    const status = async (id: string) => (await s.call('retrieveProductOrder', { params: { id } })).status;
    for (const id of done.slice(0, 3)) expect(await status(id)).toBe(404);
    for (const id of [...held, ...done.slice(3), ...fresh]) expect(await status(id)).toBe(200);
  } finally {
    await s.close();
  }
});

test('with no terminal order to evict, the store keeps growing rather than dropping live orders', async () => {
  const s = await startTestSeller({ profile: profileWith({ store: { maxOrders: 10 } }) });
  try {
    for (let i = 0; i < 12; i++) await s.createOrder({ externalId: `HOLD-${i}` });
    expect(s.context.store.orders.size).toBe(12);
    expect(s.context.store.evicted).toBe(0);
  } finally {
    await s.close();
  }
});

describe('loadProfileFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-profile-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const problems = (file: string) => loadProfileFile(file, KNOWN_FAULTS).problems.map(formatSourceProblem);

  test('a valid file overlays the default profile; durations in any accepted spelling', () => {
    const file = write(
      'good.yaml',
      [
        'name: fast',
        'capabilities: { charges: false }',
        'timings:',
        '  acknowledgedToInProgress: 2s',
        '  inProgressToDone: PT1H30M',
        '  taskDecision: 1500',
        'rules:',
        '  - when: { projectId: VIP }',
        '    outcome: fail',
        'pagination: { maxPageSize: 5 }',
        'notifications: { backoff: 250ms }',
      ].join('\n'),
    );
    const { profile, problems: found } = loadProfileFile(file, KNOWN_FAULTS);
    expect(found).toEqual([]);
    expect(profile).toMatchObject({
      name: 'fast',
      capabilities: { charges: false, cancel: true },
      timings: {
        acknowledgedToInProgress: 2000,
        inProgressToDone: 5_400_000,
        taskDecision: 1500,
        milestoneEvery: T.milestoneEvery,
      },
      pagination: { maxPageSize: 5, tooManyRecordsAbove: 100_000 },
      notifications: { backoff: 250, maxAttempts: 3 },
    });
    expect(profile?.rules[0]).toEqual({ when: { projectId: 'VIP' }, outcome: 'fail' });
    expect(profile?.rules.length).toBeGreaterThan(1); // the default rules follow unless replaceRules
  });

  test('bad YAML: yaml.syntax at the line and column', () => {
    const file = write('syntax.yaml', 'name: x\ntimings:\n  taskDecision: [1, 2\n');
    expect(problems(file)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:\\d+:\\d+  yaml\\.syntax  `)),
    ]);
  });

  test('unknown fields: profile.schema, each at its own position', () => {
    const file = write('unknown.yaml', 'name: x\ntimings:\n  tooSlow: 5s\nspeed: 11\n');
    expect(problems(file)).toEqual([
      `${file}:3:12  profile.schema  /timings: unknown field 'tooSlow'`,
      `${file}:4:8  profile.schema  (profile): unknown field 'speed'`,
    ]);
  });

  test('bad durations: profile.badDuration at the value; every problem reported at once', () => {
    const file = write(
      'durations.yaml',
      'timings:\n  inProgressToDone: two hours\n  taskDecision: 5 parsecs\n',
    );
    expect(problems(file)).toEqual([
      `${file}:2:21  profile.badDuration  expected a duration like 30s, 5m, 2h or PT5M, got "two hours"`,
      `${file}:3:17  profile.badDuration  expected a duration like 30s, 5m, 2h or PT5M, got "5 parsecs"`,
    ]);
  });

  test('wrong types and enums; unknown faults; a missing file', () => {
    const file = write(
      'types.yaml',
      'defaultOutcome: explode\nstore: { maxOrders: 3 }\nfaults: [noSuchFault]\n',
    );
    const found = problems(file);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${file}:1:17  profile\\.schema  /defaultOutcome`)),
      ]),
    );
    expect(found.some((p) => p.startsWith(`${file}:2:`) && p.includes('/store/maxOrders'))).toBe(true);
    expect(problems(write('fault.yaml', 'faults: [noSuchFault]\n'))).toEqual([
      expect.stringMatching(/:1:10 {2}profile\.unknownFault {2}unknown fault 'noSuchFault'$/),
    ]);
    expect(problems(path.join(dir, 'absent.yaml'))).toEqual([
      `${path.join(dir, 'absent.yaml')}:1:1  profile.unreadable  file not found`,
    ]);
  });
});
