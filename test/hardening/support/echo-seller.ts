/**
 * A Seller that leaks the Buyer's credentials back at it, every way it can: the Seller emulator behind a
 * server that echoes the Authorization header (raw, URL-encoded, base64) in response headers, a cookie
 * and JSON bodies, replaces order ids with the token (so expectation messages quote it), and answers
 * marked requests (`HOSTILE` in the URL) with a redirect whose URL carries the token.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSellerApp } from '../../../emulators/seller';
import { ScaledClock } from '../../../src/clock';
import { loadApiSpec, ProductSchemaRegistry } from '../../../src/spec';

export interface EchoSeller {
  readonly url: string;
  /** Bearer tokens the Seller received (to prove the run sent them). */
  readonly seen: Set<string>;
  close(): Promise<void>;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

export async function startEchoSeller(products = new ProductSchemaRegistry()): Promise<EchoSeller> {
  const spec = await loadApiSpec('sonata-v11');
  const emulator = createSellerApp({ spec, clock: new ScaledClock(36_000), products });
  const seen = new Set<string>();
  let origin = '';
  const server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    const token = auth.replace(/^Bearer\s+/i, '');
    if (token) seen.add(token);
    const leaks = {
      authorization: auth,
      token,
      tokenUrlEncoded: encodeURIComponent(token),
      tokenBase64: b64(token),
      tokenBase64Url: b64url(token),
      authorizationBase64: b64(auth),
    };
    res.setHeader('x-echo-authorization', auth);
    res.setHeader('x-echo-token', token);
    res.setHeader('x-echo-token-b64', b64(token));
    res.setHeader('set-cookie', `session=${token}; Path=/`);
    const leakUrl = `${origin}/login?access_token=${encodeURIComponent(token)}&b64=${b64url(token)}&raw=${token}`;
    if ((req.url ?? '').includes('HOSTILE')) {
      req.resume();
      const body = JSON.stringify({ ...leaks, next: leakUrl });
      res.writeHead(302, {
        location: leakUrl,
        'content-type': 'application/json;charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    // Every JSON object the emulator writes carries the leaks; retrieved orders get the token as id.
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => http.ServerResponse;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
        try {
          const doc = JSON.parse(chunk.toString()) as unknown;
          if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
            const out: Record<string, unknown> = { ...(doc as Record<string, unknown>), leaks };
            if (req.method === 'GET' && /\/productOrder\/[^/?]+/.test(req.url ?? '')) out['id'] = token;
            const text = JSON.stringify(out);
            res.setHeader('content-length', Buffer.byteLength(text));
            return end(text, ...rest);
          }
        } catch {
          // not JSON: as is
        }
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    emulator.app(req, res);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setBaseUrl(origin);
  return {
    url: `${origin}${spec.version.managementBasePath}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
