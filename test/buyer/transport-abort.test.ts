/**
 * Regression (found by the reference Buyer stopped mid-conversation): a request sent with a signal that is
 * already aborted was destroyed before its 'error' listener existed, and the unheard 'error' killed the
 * process. It must come back as an `aborted` exchange, like any other abort.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../emulators/buyer';

test('a send with an already aborted signal is an aborted exchange, not a crash', async () => {
  const server = http.createServer((_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = createHttpClient({ timeoutMs: 2000 });
  try {
    const abort = new AbortController();
    abort.abort();
    const { port } = server.address() as AddressInfo;
    const r = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/x`, signal: abort.signal });
    expect(r.exchange.error?.code).toBe('aborted');
    // Any 'error' emitted after the destroy would surface as an uncaught exception within this wait.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
