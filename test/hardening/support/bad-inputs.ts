/**
 * Generated and mutated input files for the bad-input test: a seeded PRNG (mulberry32), so a failure is
 * reproduced by its seed and index. Two families:
 * - structural mutations of a parsed seed, each certainly invalid (a required key gone, an unknown key,
 *   a wrong type, an unknown operation, a bad duration, regex or template, a fixture leaving its root…);
 * - text fuzz of a seed (deleted ranges, junk tokens, tabs, control bytes, invalid UTF-8, a BOM, deep
 *   nesting, alias bombs, truncation…), which may or may not stay valid: the test keeps those it
 *   makes invalid and checks every file for no exception.
 */
import { stringify } from 'yaml';

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)]!;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values of the wrong type for almost any field. */
const WRONG: readonly Json[] = [
  42,
  -1,
  3.5,
  true,
  null,
  [],
  [1, 2],
  {},
  { nested: { deeper: [] } },
  '',
  'x'.repeat(300),
];
const BAD_DURATIONS: readonly Json[] = [
  '5 parsecs',
  '-1s',
  '0',
  'PT',
  '1e309s',
  'forever',
  '',
  'ms',
  Number.POSITIVE_INFINITY,
  -3,
];

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Every step mapping of a scenario document. */
function steps(doc: Obj): Obj[] {
  const list = doc['steps'];
  return Array.isArray(list) ? list.filter(isObj) : [];
}

const KINDS = [
  'request',
  'poll',
  'await-notification',
  'expect-no-notification',
  'register-hub',
  'unregister-hub',
  'sleep',
  'set',
];

function kindOf(step: Obj): string | undefined {
  return Object.keys(step).find((k) => KINDS.includes(k) || k === 'control' || k === 'prompt');
}

/** Finds (path, value) pairs anywhere in a document, for targeted edits. */
function walk(v: Json, visit: (parent: Obj | Json[], key: string | number, value: Json) => void): void {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      visit(v, i, x);
      walk(x, visit);
    });
  else if (isObj(v))
    for (const [k, x] of Object.entries(v)) {
      visit(v, k, x);
      walk(x, visit);
    }
}

function setAt(parent: Obj | Json[], key: string | number, value: Json): void {
  (parent as Record<string | number, Json>)[key] = value;
}

/** A scenario mutation that must make the file invalid; returns a label, or undefined if it did not apply. */
type ScenarioMutation = (doc: Obj, rng: Rng) => string | undefined;

export const SCENARIO_MUTATIONS: readonly ScenarioMutation[] = [
  (d, r) => {
    const key = pick(r, ['id', 'title', 'requirements', 'steps']);
    delete d[key];
    return `missing ${key}`;
  },
  (d, r) => {
    d[pick(r, ['ids', 'step', 'Steps', 'timeout_', 'requirement', 'x-extra', 'capability'])] = 'unexpected';
    return 'unknown top-level key';
  },
  (d, r) => {
    const key = pick(r, ['id', 'title', 'requirements', 'steps', 'tags', 'capabilities', 'api', 'vars']);
    const wrong = pick(r, WRONG);
    if (key === 'title' && typeof wrong === 'string' && wrong !== '') d[key] = 42;
    else if (['tags', 'requirements', 'capabilities', 'api', 'steps'].includes(key) && Array.isArray(wrong))
      d[key] = { no: 'list' };
    else if (key === 'vars' && isObj(wrong)) d[key] = [1];
    else d[key] = wrong;
    return `wrong type for ${key}`;
  },
  (d) => {
    d['id'] = 'has spaces and / slashes';
    return 'bad id';
  },
  (d) => {
    d['steps'] = [];
    return 'no steps';
  },
  (d, r) => {
    const s = pick(r, steps(d));
    const k = s && kindOf(s);
    if (!s || !k) return undefined;
    s[pick(r, ['reqest', 'pol', 'wait', 'http', 'notify'])] = s[k] ?? null;
    delete s[k];
    return 'unknown step kind';
  },
  (d, r) => {
    const s = pick(r, steps(d));
    if (!s) return undefined;
    s[
      pick(
        r,
        KINDS.filter((k) => !(k in s)),
      )
    ] = { for: '1s' };
    return 'two step kinds';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null) || isObj(x['poll'] ?? null));
    if (!s) return undefined;
    const block = (s['request'] ?? s['poll']) as Obj;
    block['op'] = pick(r, ['createProductOrders', 'deleteEverything', 'listProductOrder ', '']);
    return 'unknown operation';
  },
  (d) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null));
    if (!s) return undefined;
    (s['request'] as Obj)['params'] = { noSuchParameter: 'x' };
    (s['request'] as Obj)['op'] = 'listProductOrder';
    return 'unknown parameter';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['poll'] ?? null) || isObj(x['await-notification'] ?? null));
    if (s) {
      const block = (s['poll'] ?? s['await-notification']) as Obj;
      block['within'] = pick(r, BAD_DURATIONS);
    } else {
      d['timeout'] = pick(r, BAD_DURATIONS);
    }
    return 'bad duration';
  },
  (d, r) => {
    d['vars'] = { v: pick(r, ['${', '${unclosed', '${now+}', '${ 1 + }', '${uuid()}', '${$$}']) };
    return 'bad template';
  },
  (d) => {
    d['vars'] = { v: '${neverDefined}' };
    return 'undefined variable';
  },
  (d, r) => {
    d['vars'] = { [pick(r, ['now', 'uuid', 'runId', 'scenarioId', 'today'])]: 'x' };
    return 'reserved variable';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null));
    if (!s) return undefined;
    s['expect'] = { status: 200, body: { 'a.b': { matches: pick(r, ['(', '[a-', '*x', '(?<', 'a{2,1}']) } } };
    return 'bad regex';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null));
    if (!s) return undefined;
    s['expect'] = { status: 200, body: { [pick(r, ['$..[', 'a..b', '[*', 'a[x]', '.'])]: 1 } };
    return 'bad path';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null));
    if (!s) return undefined;
    const ref = pick(r, [
      '../../etc/passwd',
      '/etc/passwd',
      '../../../package.json',
      'C:\\Windows\\win.ini',
      'does/not/exist.json',
      '..',
    ]);
    (s['request'] as Obj)['op'] = 'createProductOrder';
    (s['request'] as Obj)['body'] = { $fixture: ref };
    return 'bad fixture';
  },
  (d, r) => {
    d['capabilities'] = [pick(r, ['teleport', 'Notifications', 'cancel ', 'all'])];
    return 'unknown capability';
  },
  (d, r) => {
    d['api'] = [pick(r, ['sonata-v12', 'v11', 'cantata', 'SONATA-V11'])];
    return 'unknown api';
  },
  (d, r) => {
    d['steps'] = [
      ...steps(d),
      { 'await-notification': { type: pick(r, ['orderCreated', 'productOrderEvent', '']), within: '1h' } },
    ];
    return 'unknown event type';
  },
  (d, r) => {
    const s = steps(d).find((x) => isObj(x['request'] ?? null));
    if (!s) return undefined;
    s['save'] = { [pick(r, ['1abc', 'has space', ''])]: '$.id' };
    return 'bad save variable';
  },
  (d, r) => {
    // A value deep in the document replaced by a wrong type.
    const spots: [Obj | Json[], string | number, Json][] = [];
    walk(d, (p, k, v) => {
      if (typeof v === 'string' && ['op', 'within', 'every', 'for', 'type'].includes(String(k)))
        spots.push([p, k, v]);
    });
    if (spots.length === 0) return undefined;
    const [p, k] = pick(r, spots);
    setAt(p, k, pick(r, [42, true, null, [], { a: 1 }]));
    return `wrong type at ${String(k)}`;
  },
];

/** One certainly-invalid scenario file from a seed document. */
export function mutateScenario(seed: Obj, rng: Rng, id: string): { text: string; label: string } {
  for (;;) {
    const doc = clone(seed);
    doc['id'] = id;
    const label = pick(rng, SCENARIO_MUTATIONS)(doc, rng);
    if (label) return { text: stringify(doc, { aliasDuplicateObjects: false }), label };
  }
}

// ---------------------------------------------------------------------------------------------------
// profiles
// ---------------------------------------------------------------------------------------------------

export const PROFILE_SEED: Obj = {
  name: 'fuzz seed',
  capabilities: { cancel: true, notifications: false },
  timings: { acknowledgedToInProgress: '30s', inProgressToDone: '2h', milestoneEvery: 'PT20M' },
  rules: [
    { when: { externalIdPrefix: 'REJ' }, outcome: 'reject', reason: 'no' },
    { when: { productType: 'urn:x', itemAction: 'add' }, outcome: 'complete', milestones: ['a', 'b'] },
  ],
  defaultOutcome: 'complete',
  charge: { priceCategory: 'construction', priceType: 'nonRecurring', amount: 10, currency: 'EUR' },
  pagination: { maxPageSize: 50 },
  notifications: { maxAttempts: 2, backoff: '1s' },
  faults: [],
};

type ProfileMutation = (doc: Obj, rng: Rng) => string;

export const PROFILE_MUTATIONS: readonly ProfileMutation[] = [
  (d, r) => ((d[pick(r, ['speed', 'capability', 'Timings', 'fault', 'rule'])] = 1), 'unknown key'),
  (d, r) => {
    const key = pick(r, ['name', 'capabilities', 'timings', 'rules', 'charge', 'faults', 'defaultOutcome']);
    d[key] =
      key === 'name'
        ? pick(r, [1, [], {}, true])
        : pick(r, [1, 'text', true, key === 'rules' || key === 'faults' ? {} : []]);
    return `wrong type for ${key}`;
  },
  (d, r) => {
    (d['timings'] as Obj)[pick(r, ['acknowledgedToInProgress', 'inProgressToDone', 'taskDecision'])] = pick(
      r,
      BAD_DURATIONS.filter((x) => typeof x === 'string' && x !== ''),
    );
    return 'bad duration';
  },
  (d, r) => ((d['faults'] = [pick(r, ['explode', 'drop-all', '', 'no-such-fault'])]), 'unknown fault'),
  (d, r) => (
    ((d['capabilities'] as Obj)[pick(r, ['teleport', 'Cancel', 'all'])] = true),
    'unknown capability'
  ),
  (d, r) => (((d['capabilities'] as Obj)['cancel'] = pick(r, ['yes', 1, null])), 'capability not boolean'),
  (d, r) => {
    (d['rules'] as Json[]).push(
      pick<Json>(r, [
        { when: {}, outcome: 'complete' },
        { outcome: 'reject' },
        { when: { externalIdPrefix: 'X' } },
        'x',
      ]),
    );
    return 'bad rule';
  },
  (d, r) => (((d['rules'] as Obj[])[0]!['outcome'] = pick(r, ['explode', '', 7])), 'bad outcome'),
  (d, r) => ((d['defaultOutcome'] = pick(r, ['maybe', 'COMPLETE', null])), 'bad default outcome'),
  (d, r) => (
    ((d['charge'] as Obj)[pick(r, ['amount', 'currency', 'priceType'])] = pick(r, [
      -5,
      'EURO',
      'monthly',
      '',
    ])),
    'bad charge'
  ),
  (d, r) => (((d['pagination'] as Obj)['maxPageSize'] = pick(r, ['ten', [], { n: 1 }])), 'bad pagination'),
  (d, r) => (((d['notifications'] as Obj)['backoff'] = pick(r, ['soon', '-2s', 'PT'])), 'bad backoff'),
  (d, r) => ((d['extends'] = pick(r, ['other', 'base', 1])), 'bad extends'),
];

export function mutateProfile(rng: Rng): { text: string; label: string } {
  const doc = clone(PROFILE_SEED);
  const label = pick(rng, PROFILE_MUTATIONS)(doc, rng);
  return { text: stringify(doc), label };
}

// ---------------------------------------------------------------------------------------------------
// text fuzz
// ---------------------------------------------------------------------------------------------------

const JUNK = [
  ':',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&anchor ',
  '*alias',
  '!!binary ',
  '!!js/function ',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\t',
  '#',
  '|',
  '>',
  '? ',
  '@',
  '`',
  '${',
  '\u0000',
  '\u0007',
  '\u202e',
  '\ud800',
  '\r',
  '\n\n',
  'é',
  '😀',
];

type TextMutation = (text: string, rng: Rng) => string | Buffer;

export const TEXT_MUTATIONS: readonly TextMutation[] = [
  (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + t.slice(at + 1 + int(r, 40));
  },
  (t, r) => {
    const at = int(r, t.length + 1);
    return t.slice(0, at) + pick(r, JUNK) + t.slice(at);
  },
  (t, r) => t.slice(0, int(r, t.length)),
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines.splice(i, 0, lines[int(r, lines.length)] ?? '');
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    const j = int(r, lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines[i] = pick(r, [' ', '  ', '\t', '   ']) + (lines[i] ?? '');
    return lines.join('\n');
  },
  (t) => `\ufeff${t}`,
  (t) => t.replace(/\n/g, '\r\n'),
  (t, r) => {
    const buf = Buffer.from(t);
    const at = int(r, buf.length + 1);
    return Buffer.concat([
      buf.subarray(0, at),
      Buffer.from(pick(r, [[0xff], [0xc3], [0xe2, 0x82], [0x00], [0xfe, 0xff]])),
      buf.subarray(at),
    ]);
  },
  (t, r) => `${t}\n${pick(r, ['key', 'steps', 'id', 'x'])}: ${'['.repeat(2000 + int(r, 50_000))}`,
  (t) =>
    `${t}\nbomb: &a [x, x, x, x, x, x, x, x, x, x]\nb1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nb2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nb3: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
  (t, r) => `${t}\nlong: ${'z'.repeat(100_000 + int(r, 100_000))}\n`,
  (t) => `${t}\n---\n${t}`,
  (t, r) => t.replace(/: /g, () => (r() < 0.1 ? ':' : ': ')),
  (_t, r) =>
    pick(r, ['', ' ', '\n', '~', 'null', '42', '[]', '"just a string"', '- a\n- b\n', '{', '\u0000']),
  (t, r) => {
    // Several edits at once.
    let out: string | Buffer = t;
    for (let i = 0; i < 2 + int(r, 4); i++) {
      const m = pick(r, TEXT_MUTATIONS.slice(0, 6));
      out = m(typeof out === 'string' ? out : out.toString('latin1'), r);
    }
    return out;
  },
];

export function fuzzText(seed: string, rng: Rng): string | Buffer {
  return pick(rng, TEXT_MUTATIONS)(seed, rng);
}
