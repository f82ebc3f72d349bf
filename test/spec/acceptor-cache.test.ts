import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptorCacheDir, acceptorFile, precompiledAcceptors } from '../../src/spec/acceptor-cache';
import { loadApiFacts, loadApiSpec, API_VERSION_INFO, type ApiVersionId } from '../../src/spec';
import { HttpValidator } from '../../src/spec/http-validator';
import { bodyAcceptor, compileHeadersSchema } from '../../src/spec/prism-fast-accept';
import { startTestSeller } from '../emulators/seller/support/seller';

const VERSIONS = Object.keys(API_VERSION_INFO) as ApiVersionId[];

/**
 * `npm test` builds before jest runs, so the cache is there; it must describe what the code compiles today
 * (a stale cache would give verdicts for other schemas).
 */
describe('precompiled response acceptors (dist/spec-cache/acceptors-*)', () => {
  it.each(VERSIONS)('hold a function for every acceptor schema of %s, filed under its schema', async (id) => {
    const facts = loadApiFacts(id);
    for (const side of [facts.management, facts.notification]) {
      const precompiled = precompiledAcceptors(side.source.sha256);
      expect(precompiled).toBeDefined();
      const manifest = JSON.parse(
        fs.readFileSync(path.join(acceptorCacheDir(), `${side.source.sha256}.json`), 'utf8'),
      ) as { body: Record<string, string>; headers: Record<string, string> };
      const fresh = (await HttpValidator.create(side.source.doc)).acceptorSchemas();
      expect(fresh.length).toBeGreaterThan(0);
      for (const entry of fresh) {
        expect({ key: entry.key, file: manifest[entry.kind][entry.key] }).toEqual({
          key: entry.key,
          file: acceptorFile(entry),
        });
        expect(typeof precompiled![entry.kind](entry.key)).toBe('function');
      }
      expect(Object.keys(manifest.body).length + Object.keys(manifest.headers).length).toBe(fresh.length);
    }
  });

  it('give the verdicts of acceptors compiled at run time, on real answers and near misses', async () => {
    const seller = await startTestSeller();
    try {
      const created = await seller.createOrder({ externalId: 'PRE-1', items: 2 });
      const listed = await seller.call('listProductOrder', { query: { externalId: 'PRE-1' } });
      const facts = loadApiFacts('sonata-v11');
      const precompiled = precompiledAcceptors(facts.management.source.sha256)!;
      const entries = (await HttpValidator.create(facts.management.source.doc)).acceptorSchemas();
      const item = (created['productOrderItem'] as Record<string, unknown>[])[0];
      const values: unknown[] = [
        created,
        listed.body,
        { ...created, orderDate: '2026-02-30T10:00:00Z' },
        { ...created, orderDate: '2026-01-05 09:00:00Z' },
        { ...created, state: 'sideways' },
        { ...created, productOrderItem: [{ ...item, quantity: 'x' }] },
        { code: 'notFound', message: 'no such order' },
        { code: 'notFound', reason: 'x'.repeat(300) },
        [{ ...created, id: 3 }],
        {},
        null,
      ];
      const headerSets = [
        { 'x-total-count': '3', 'x-result-count': '3', 'x-pagination-throttled': 'false' },
        { 'x-total-count': 'lots' },
        { 'x-result-count': '1.5' },
        { 'x-pagination-throttled': 'perhaps' },
        {},
      ];
      let yes = 0;
      let no = 0;
      for (const entry of entries) {
        const pre = precompiled[entry.kind](entry.key)!;
        const runtime =
          entry.kind === 'body'
            ? bodyAcceptor(entry.schema)!
            : (v: unknown) => compileHeadersSchema(entry.schema)!(structuredClone(v)) === true;
        for (const value of entry.kind === 'body' ? values : headerSets) {
          const verdict = pre(structuredClone(value)) === true;
          expect({ key: entry.key, value, verdict }).toEqual({
            key: entry.key,
            value,
            verdict: runtime(value),
          });
          if (verdict) yes++;
          else no++;
        }
      }
      expect(yes).toBeGreaterThan(5);
      expect(no).toBeGreaterThan(50);
    } finally {
      await seller.close();
    }
  });

  it('are what the loaded spec validates with, and a document without any compiles at run time', async () => {
    const spec = await loadApiSpec('sonata-v11');
    const manifest = JSON.parse(
      fs.readFileSync(path.join(acceptorCacheDir(), `${spec.management.source.sha256}.json`), 'utf8'),
    ) as { body: Record<string, string> };
    const file = path.join(
      acceptorCacheDir(),
      `${manifest.body['retrieveProductOrder 404 application/json;charset=utf-8']}.js`,
    );
    const headers = { 'content-type': 'application/json;charset=utf-8' };
    const body = { code: 'notFound', reason: 'no such order' };
    expect(
      spec.management.http.validateResponse('retrieveProductOrder', { status: 404, headers, body }),
    ).toEqual([]);
    expect(require.cache[require.resolve(file)]).toBeDefined();

    expect(precompiledAcceptors('0'.repeat(64))).toBeUndefined();
    const plain = await HttpValidator.create(spec.management.source.doc);
    for (const wrong of [body, { ...body, reason: 12 }, { message: 'x' }]) {
      const input = { status: 404, headers, body: wrong };
      expect(plain.validateResponse('retrieveProductOrder', input)).toEqual(
        spec.management.http.validateResponse('retrieveProductOrder', input),
      );
    }
  });
});
