/**
 * The scenario format's Buyer side: `role: buyer`, `buyerTask`, the `seller:` profile overlay, the three
 * Buyer steps, and the problems of steps or keys in the wrong role, each at its line and column.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem, loadScenarioFiles, type Scenario } from '../../src/scenario';
import { ROOT, tempDir } from '../support/run-bin';

const OPTIONS = { fixtureRoots: [path.join(ROOT, 'scenarios/fixtures')] };

async function load(text: string): Promise<{ scenarios: readonly Scenario[]; problems: string[] }> {
  const dir = tempDir('lso-buyer-format-');
  fs.writeFileSync(path.join(dir, 'scenario.yaml'), text);
  const r = await loadScenarioFiles([dir], OPTIONS);
  return { scenarios: r.scenarios, problems: r.problems.map((p) => formatProblem(p).replace(`${dir}/`, '')) };
}

test('the built-in Buyer scenarios load as role buyer; every other scenario is role seller', async () => {
  const r = await loadScenarioFiles([path.join(ROOT, 'scenarios')], OPTIONS);
  expect(r.problems).toEqual([]);
  const buyer = r.scenarios.filter((s) => s.role === 'buyer');
  expect(buyer.length).toBeGreaterThanOrEqual(10);
  expect(buyer.every((s) => s.file.includes(`${path.sep}buyer${path.sep}`))).toBe(true);
  expect(r.scenarios.filter((s) => s.role === 'seller').every((s) => !s.id.startsWith('BUY-'))).toBe(true);
});

test('a Buyer scenario: task, profile overlay and the three steps, normalised', async () => {
  const { scenarios, problems } = await load(`id: B-1
role: buyer
buyerTask: cancel
title: t
requirements: [R76]
seller: { timings: { chargeResponseWindow: 2h }, defaultOutcome: complete }
steps:
  - expect-buyer-request: { op: createProductOrder, where: { body.externalId: { exists: true } }, within: 1h, count: 1 }
    save: { orderId: response.id }
  - expect-delivery: { type: productOrderItemExpectedCompletionDateSet, within: 30m }
    expect: { status: [200, 204] }
  - send-event: { type: productOrderStateChangeEvent, replay: first }
  - send-event: { type: chargeCreateEvent, event: { id: "\${orderId}" } }
    expect: { status: 204 }
  - send-event: { type: chargeCreateEvent, raw: "{", contentType: text/plain }
    expect: { status: 400 }
`);
  expect(problems).toEqual([]);
  const s = scenarios[0]!;
  expect(s).toMatchObject({ role: 'buyer', buyerTask: 'cancel', seller: { defaultOutcome: 'complete' } });
  expect(s.steps.map((st) => st.kind)).toEqual([
    'expect-buyer-request',
    'expect-delivery',
    'send-event',
    'send-event',
    'send-event',
  ]);
  expect(s.steps[0]).toMatchObject({ op: 'createProductOrder', withinMs: 3_600_000, count: 1 });
  // The v10 spelling is accepted and kept canonical; the listener's default answer is 204.
  expect(s.steps[1]).toMatchObject({
    types: ['productOrderItemExpectedCompletionDateSetEvent'],
    expect: { status: [200, 204] },
  });
  expect(s.steps[2]).toMatchObject({ source: { kind: 'replay', which: 'first' }, expect: { status: [204] } });
  expect(s.steps[4]).toMatchObject({ source: { kind: 'raw', text: '{', contentType: 'text/plain' } });
});

test('steps and keys of the other role, a bad seller profile and an ambiguous send-event are reported', async () => {
  const { problems } = await load(`id: B-2
role: buyer
title: t
requirements: [R7]
capabilities: [charges]
seller: { timings: { chargeWindow: 2h }, defaultOutcome: never }
steps:
  - request: { op: listProductOrder }
  - expect-buyer-request: { op: createProductOrdr, within: 1h }
  - send-event: { type: chargeCreateEvent, replay: last, raw: "{" }
`);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^scenario\.yaml:5:1 {2}scenario\.wrongRole {2}capabilities is for seller scenarios/,
      ),
      expect.stringMatching(/scenario\.yaml:6:\d+ {2}scenario\.sellerProfile {2}seller: /),
      expect.stringMatching(
        /^scenario\.yaml:8:5 {2}scenario\.wrongRole {2}a request step belongs in seller scenarios/,
      ),
      expect.stringMatching(/scenario\.unknownOperation {2}unknown operationId "createProductOrdr"/),
      expect.stringMatching(/scenario\.schema {2}send-event takes exactly one of event, replay, body, raw/),
    ]),
  );
  const seller = await load(`id: S-1
title: t
requirements: [R7]
buyerTask: order
steps:
  - expect-delivery: { type: chargeCreateEvent, within: 1h }
`);
  expect(seller.problems).toEqual([
    expect.stringMatching(/^scenario\.yaml:4:1 {2}scenario\.wrongRole {2}buyerTask is for buyer scenarios/),
    expect.stringMatching(
      /^scenario\.yaml:6:5 {2}scenario\.wrongRole {2}an expect-delivery step belongs in buyer scenarios/,
    ),
  ]);
});
