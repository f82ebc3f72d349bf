import * as path from 'node:path';
import type { Request, Response } from 'express';
import { createHttpClient, createIdGenerator } from '../../emulators/buyer';
import { ALL_CAPABILITIES } from '../../src/capabilities';
import { ScaledClock } from '../../src/clock';
import type { RunResult } from '../../src/results';
import { ControlClient } from '../../src/run/control-client';
import { runScenarios } from '../../src/run/run-scenarios';
import { loadScenarioFiles } from '../../src/scenario';
import { loadApiSpec } from '../../src/spec';
import { startBrokenSeller, type BrokenSeller } from '../support/broken-seller';

/**
 * The order catalog can fail: each key scenario, run against a Seller emulator with one deliberate
 * deviation, fails with the finding that names it. (Against the faithful emulator they pass: the catalog
 * run in CI.) Control steps reach the broken Seller's own control API, so lifecycle scenarios run too; the
 * runner and the Seller share one clock, as they do when the Seller is embedded.
 */
const ROOT = path.join(__dirname, '..', '..');
const ORDER = path.join(ROOT, 'scenarios', 'order');

type Json = Record<string, unknown>;
type Mutate = (body: unknown, req: Request, res: Response) => unknown;

const isOrder = (req: Request) => /\/productOrder\/[^/]+$/.test(req.path);
const items = (body: unknown) => ((body as Json).productOrderItem ?? []) as Json[];

/** Drops query parameters whose names match, before the emulator sees them. */
function dropQuery(pattern: RegExp) {
  return (req: Request, _res: Response, next: () => void) => {
    const url = new URL(req.url, 'http://x');
    for (const name of [...url.searchParams.keys()]) if (pattern.test(name)) url.searchParams.delete(name);
    req.url = `${url.pathname}${url.search}`;
    next();
  };
}

/** Turns the emulator's refusal into an acceptance: a Seller that lets the mistake through. */
function accept(when: (text: string, req: Request) => boolean): Mutate {
  return (body, req, res) => {
    if (res.statusCode < 400 || !when(JSON.stringify(body), req)) return body;
    res.status(req.method === 'POST' ? 201 : 200);
    return { id: 'accepted-anyway', state: 'acknowledged' };
  };
}

const cases: {
  name: string;
  file: string;
  mutate?: Mutate;
  before?: (req: Request, res: Response, next: () => void) => void;
  codes: string[];
}[] = [
  {
    name: 'create does not echo an item attribute (R17)',
    file: 'create-echo.yaml',
    mutate: (body, req) => {
      if (req.method === 'POST' && items(body)[0]) items(body)[0]!['endCustomerName'] = 'someone else';
      return body;
    },
    codes: ['echo.changed', 'expect.body'],
  },
  {
    name: 'a completed order has no completionDate (R47)',
    file: 'create-eline-install.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req) && (body as Json).state === 'completed')
        delete (body as Json).completionDate;
      return body;
    },
    codes: ['attribute.required'],
  },
  {
    name: 'failed items keep an expectedCompletionDate (R28, R49)',
    file: 'lifecycle-fail.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req))
        for (const i of items(body)) if (i.state === 'failed') i.expectedCompletionDate = '2031-01-01T00:00:00Z';
      return body;
    },
    codes: ['attribute.forbidden', 'expect.body'],
  },
  {
    name: 'a revised expected date comes without a Seller note (R52)',
    file: 'lifecycle-complete.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req)) for (const i of items(body)) delete i.note;
      return body;
    },
    codes: ['expect.body'],
  },
  {
    name: 'a rejected item has no terminationError (R64)',
    file: 'lifecycle-reject.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req)) for (const i of items(body)) delete i.terminationError;
      return body;
    },
    codes: ['attribute.required', 'expect.body'],
  },
  {
    name: 'a delete item with product attributes is accepted (R46)',
    file: 'create-negative-rules.yaml',
    mutate: accept((text) => text.includes('(R46)')),
    codes: ['expect.status'],
  },
  {
    name: 'a note can be rewritten through PATCH (R22)',
    file: 'patch-notes.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req)) {
        const note = ((body as Json).note ?? []) as Json[];
        if (note[0]) note[0].text = 'rewritten';
      }
      return body;
    },
    codes: ['expect.body'],
  },
  {
    name: 'a completed order can still be patched (409)',
    file: 'patch-errors.yaml',
    mutate: accept((text, req) => req.method === 'PATCH' && text.includes('"conflict"')),
    codes: ['expect.status'],
  },
  {
    name: 'the list ignores the state filter',
    file: 'list-filter-attributes.yaml',
    before: dropQuery(/^state$/),
    codes: ['expect.count'],
  },
  {
    name: 'the list ignores the item date filters',
    file: 'list-filter-dates.yaml',
    before: dropQuery(/^item(Requested|Expected)CompletionDate\./),
    codes: ['expect.count'],
  },
  {
    name: 'the list ignores offset',
    file: 'list-pagination.yaml',
    before: dropQuery(/^offset$/),
    codes: ['expect.body'],
  },
  {
    name: 'the list ignores undeclared and malformed parameters',
    file: 'list-negative.yaml',
    before: dropQuery(/^(colour|state|limit|offset|orderDate\..*|itemRequestedCompletionDate\..*)$/),
    codes: ['expect.status'],
  },
  {
    name: 'a later retrieve shows another orderDate (R19)',
    file: 'retrieve-order.yaml',
    mutate: (body, req) => {
      if (req.method === 'GET' && isOrder(req) && (body as Json).state === 'completed')
        (body as Json).orderDate = '2020-01-01T00:00:00.000Z';
      return body;
    },
    codes: ['expect.body'],
  },
];

function codes(result: RunResult): string[] {
  return result.scenarios.flatMap((s) => [
    ...s.findings.map((f) => f.code),
    ...s.steps.flatMap((st) => st.findings.filter((f) => f.severity === 'error').map((f) => f.code)),
  ]);
}

/** Runs scenario files against a (broken) Seller the way `lso-harness run` runs the embedded one. */
async function run(seller: BrokenSeller, clock: ScaledClock, files: readonly string[]): Promise<RunResult> {
  const loaded = await loadScenarioFiles(
    files.map((f) => path.join(ORDER, f)),
    { fixtureRoots: [path.join(ROOT, 'scenarios', 'fixtures')] },
  );
  expect(loaded.problems).toEqual([]);
  const ids = createIdGenerator('ex');
  const client = createHttpClient({ clock, ids, timeoutMs: 10_000 });
  try {
    return await runScenarios({
        scenarios: loaded.scenarios,
        spec: await loadApiSpec('sonata-v11'),
        targetUrl: seller.url,
        embedded: true,
        client,
        ids,
        clock,
        capabilities: [...ALL_CAPABILITIES],
        control: new ControlClient(client, new URL(seller.url).origin),
        concurrency: 4,
        reporters: [],
        listener: { host: '127.0.0.1', port: 0 },
        ci: true,
        prompt: () => Promise.resolve(false),
        disabledChecks: [],
        secrets: [],
        signal: new AbortController().signal,
        catalogue: [],
        options: {},
        runId: 'catches',
      });
  } finally {
    client.close();
  }
}

describe('the order catalog catches a Seller that deviates', () => {
  let seller: BrokenSeller | undefined;
  afterEach(async () => seller?.close());

  test('the same scenarios pass against the faithful emulator behind the same proxy', async () => {
    const clock = new ScaledClock(36_000);
    seller = await startBrokenSeller({ mutate: (body) => body, clock });
    const result = await run(seller, clock, [...new Set(cases.map((c) => c.file))]);
    expect(result.scenarios.filter((s) => s.status !== 'passed').map((s) => s.id)).toEqual([]);
  });

  test.each(cases)('$name ($file)', async ({ file, mutate, before, codes: expected }) => {
    const clock = new ScaledClock(36_000);
    seller = await startBrokenSeller({ ...(mutate ? { mutate } : {}), ...(before ? { before } : {}), clock });
    const result = await run(seller, clock, [file]);
    expect(result.scenarios.map((s) => s.status)).toEqual(['failed']);
    expect(codes(result)).toEqual(expect.arrayContaining(expected));
  });
});
