import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations';
import { API_VERSIONS, loadApiFacts } from '../../src/spec';
import { oas3Operations } from '../../src/spec/oas3-operations';

describe.each([...API_VERSIONS])('oas3Operations (%s)', (api) => {
  const facts = loadApiFacts(api);
  test.each(['management', 'notification'] as const)(
    'the %s document gives exactly what prism-http getHttpOperationsFromSpec gives',
    async (side) => {
      const doc = facts[side].source.doc;
      const ours = await oas3Operations(structuredClone(doc));
      const prisms = await getHttpOperationsFromSpec(structuredClone(doc));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.map((o) => o.iid)).toEqual(prisms.map((o) => o.iid));
      // The whole model, generated ids and bundled schemas included (`__bundled__` is JSON-safe).
      expect(JSON.stringify(ours)).toBe(JSON.stringify(prisms));
    },
  );
});

test('a document that is not OpenAPI 3 is refused', async () => {
  await expect(oas3Operations({ swagger: '2.0' } as never)).rejects.toThrow(/not an OpenAPI 3 document/);
});
