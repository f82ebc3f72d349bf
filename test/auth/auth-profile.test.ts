import * as path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createNotificationListener } from '../../emulators/buyer';
import { loadProfileFile, profileFromValue } from '../../emulators/seller';
import { ManualClock } from '../../src/clock';
import { loadApiSpec } from '../../src/spec';
import { profileWith, startTestSeller } from '../emulators/seller/support/seller';

const at = () => ({ line: 1, column: 1 });
const ROOT = path.join(__dirname, '../..');

describe('the auth block of a profile', () => {
  test('oauth2 and bearer profiles load; capabilities.authentication follows auth.mode', () => {
    for (const file of ['auth-oauth2.yaml', 'auth-bearer.yaml']) {
      const loaded = loadProfileFile(path.join(ROOT, 'scenarios/profiles', file));
      expect(loaded.problems).toEqual([]);
      expect(loaded.profile?.capabilities.authentication).toBe(true);
    }
    const oauth2 = loadProfileFile(path.join(ROOT, 'scenarios/profiles/auth-oauth2.yaml')).profile!;
    expect(oauth2.auth.mode).toBe('oauth2');
    expect(oauth2.auth.tokenTtl).toBe(3_600_000);
    expect(oauth2.auth.clients[1]).toEqual({
      clientId: 'buyer-b-portal',
      clientSecret: 'buyer-b-test-secret-0002',
      buyerId: 'buyer-b',
    });
    expect(oauth2.notifications.bearerToken).toBe('lso-harness-listener-token-0004');
    const bearer = loadProfileFile(path.join(ROOT, 'scenarios/profiles/auth-bearer.yaml')).profile!;
    expect(bearer.auth.tokens).toEqual([
      { token: 'lso-harness-static-token-0001' },
      { token: 'buyer-b-static-token-0002', buyerId: 'buyer-b' },
    ]);
    const none = profileFromValue({ name: 'plain' }, 'plain.yaml', at).profile!;
    expect(none.auth.mode).toBe('none');
    expect(none.capabilities.authentication).toBe(false);
  });

  test('every mistake is reported with its code', () => {
    const problems = (value: unknown) =>
      profileFromValue(value, 'p.yaml', at).problems.map((p) => `${p.code}: ${p.message}`);
    expect(problems({ auth: { mode: 'bearer' } })).toEqual([
      'profile.auth: auth.mode bearer needs at least one entry in auth.tokens',
    ]);
    expect(problems({ auth: { mode: 'oauth2', tokens: ['long-enough-token'] } })).toEqual([
      'profile.auth: auth.mode oauth2 needs at least one entry in auth.clients',
    ]);
    expect(problems({ auth: { mode: 'none', tokens: ['long-enough-token'] } })).toHaveLength(1);
    expect(
      problems({
        auth: {
          mode: 'oauth2',
          clients: [
            { clientId: 'a', clientSecret: 'secret-secret' },
            { clientId: 'a', clientSecret: 'secret-secret' },
          ],
        },
      }),
    ).toEqual(["profile.auth: duplicate clientId 'a'"]);
    expect(problems({ capabilities: { authentication: true } })).toEqual([
      'profile.auth: capabilities.authentication follows auth.mode; set auth: { mode: bearer | oauth2 } instead',
    ]);
    expect(
      problems({ auth: { mode: 'oauth2', clients: [{ clientId: 'a', clientSecret: 'short' }] } })[0],
    ).toMatch(/^profile\.schema/);
    expect(problems({ auth: { tokens: ['long-enough-token'] } })[0]).toMatch(/^profile\.schema.*mode/);
    expect(
      problems({
        auth: {
          mode: 'oauth2',
          clients: [{ clientId: 'a', clientSecret: 'secret-secret' }],
          tokenTtl: 'soon',
        },
      })[0],
    ).toMatch(/^profile\.badDuration/);
    expect(problems(parse('notifications: { bearerToken: short }'))[0]).toMatch(/^profile\.schema/);
  });
});

describe('notifications.bearerToken', () => {
  test("the Seller authenticates to the Buyer's listener with it; without it the listener answers 401", async () => {
    const spec = await loadApiSpec('sonata-v11');
    const listener = createNotificationListener({
      spec,
      clock: new ManualClock(),
      auth: { token: 'listener-token-123' },
    });
    const handle = await listener.listen({ host: '127.0.0.1', port: 0 });
    const run = async (bearerToken?: string) => {
      const seller = await startTestSeller({
        profile: profileWith({
          notifications: { maxAttempts: 1, backoff: 10, ...(bearerToken ? { bearerToken } : {}) },
        }),
      });
      try {
        const hub = await request(seller.server.origin)
          .post(`${spec.version.managementBasePath}/hub`)
          .set('Content-Type', 'application/json;charset=utf-8')
          .send(JSON.stringify({ callback: handle.url, query: 'eventType=productOrderStateChangeEvent' }));
        expect(hub.status).toBe(201);
        await seller.createOrder();
        await seller.advance(60_000);
        return seller.context.dispatcher.deliveries().map((d) => d.status);
      } finally {
        await seller.close();
      }
    };
    try {
      expect(await run('listener-token-123')).toEqual([204]);
      expect(await run()).toEqual([401]);
      expect(await run('another-token-456')).toEqual([401]);
      const refused = listener.notifications().filter((n) => !n.valid);
      expect(refused.map((n) => n.violations[0]?.keyword)).toEqual(['credentials', 'credentials']);
      expect(
        refused.map((n) => (JSON.parse(n.exchange.response?.body ?? '{}') as { code: string }).code),
      ).toEqual(['missingCredentials', 'invalidCredentials']);
      // The token never shows in what the listener recorded.
      expect(JSON.stringify(listener.notifications())).not.toContain('listener-token-123');
    } finally {
      await handle.close();
    }
  });
});
