/**
 * The Seller emulators of a buyer-testing run: one server, one emulator per slot (`/s/<n>`, or the root for
 * a person), and the recorder in front of each, which sees every Buyer request as sent and the emulator's
 * answer, without changing either. The harness's own control calls are not the Buyer's and are not kept.
 */
import { DEFAULT_PROFILE } from '../../emulators/seller';
import { createIdGenerator } from '../../emulators/buyer';
import { ScaledClock } from '../../src/clock';
import { SellerHub } from '../../src/run/buyer';
import { loadApiSpec, ProductSchemaRegistry, type ApiSpec } from '../../src/spec';

let spec: ApiSpec;
let hub: SellerHub;
const clock = new ScaledClock(600);
const products = new ProductSchemaRegistry();

beforeAll(async () => {
  spec = await loadApiSpec('sonata-v11');
  hub = await SellerHub.start({ spec, host: '127.0.0.1', port: 0 });
});
afterAll(async () => hub.close());

const open = (atRoot = false) =>
  hub.open({
    profile: { ...DEFAULT_PROFILE, controlApi: true },
    clock,
    products,
    ids: createIdGenerator('br'),
    atRoot,
  });

test('each slot is its own Seller; the recorder keeps what the Buyer sent and what it was answered', async () => {
  const a = open();
  const b = open();
  expect(a.url).toMatch(/\/s\/\d+\/mefApi\/sonata\/productOrderingManagement\/v11$/);
  expect(a.url).not.toBe(b.url);
  const json = { 'content-type': 'application/json;charset=utf-8' };
  const hubAnswer = await fetch(`${a.url}/hub`, {
    method: 'POST',
    headers: { ...json, authorization: 'Bearer secret' },
    body: JSON.stringify({ callback: 'http://127.0.0.1:1/cb' }),
  });
  expect(hubAnswer.status).toBe(201);
  const hubId = ((await hubAnswer.json()) as { id: string }).id;
  expect(
    (await fetch(`${a.url}/productOrder`, { method: 'POST', headers: json, body: '{"productOrderItem": [' }))
      .status,
  ).toBe(400);
  // A query parameter the operation does not define: the emulator refuses it, the record keeps it.
  expect((await fetch(`${a.url}/productOrder/nope?state=completed`)).status).toBe(400);
  expect((await fetch(`${a.url}/nothing-here`)).status).toBe(404);
  expect((await fetch(`${a.controlOrigin}/_lso/control/info`)).status).toBe(200);
  // Another slot's hub does not exist here.
  expect((await fetch(`${b.url}/hub/${hubId}`)).status).toBe(404);

  const records = a.recorder.requests();
  expect(records.map((r) => [r.operationId, r.status])).toEqual([
    ['registerListener', 201],
    ['createProductOrder', 400],
    ['retrieveProductOrder', 400],
    [undefined, 404],
  ]);
  const [registered, broken, retrieve, nowhere] = records;
  expect(registered).toMatchObject({
    json: { callback: 'http://127.0.0.1:1/cb' },
    responseJson: { id: hubId },
  });
  expect(registered?.headers['authorization']).toBe('***');
  expect(broken?.jsonError).toBeDefined();
  expect(broken?.bodyText).toBe('{"productOrderItem": [');
  expect(retrieve).toMatchObject({
    params: { id: 'nope' },
    query: { state: 'completed' },
    path: '/productOrder/nope',
  });
  expect(nowhere?.path).toBe('/nothing-here');
  expect(b.recorder.requests().map((r) => r.operationId)).toEqual(['retrieveHub']);
  a.close();
  b.close();
  expect((await fetch(`${a.url}/productOrder`)).status).toBe(404);
});

test('a slot at the root serves a fixed URL; closing it leaves the root empty', async () => {
  const slot = open(true);
  expect(slot.url).toBe(`${hub.publicBase}${spec.version.managementBasePath}`);
  const r = await fetch(`${slot.url}/productOrder`);
  expect(r.status).toBe(200);
  expect(slot.recorder.requests()[0]).toMatchObject({ operationId: 'listProductOrder', status: 200 });
  slot.close();
  expect((await fetch(`${slot.url}/productOrder`)).status).toBe(404);
});
