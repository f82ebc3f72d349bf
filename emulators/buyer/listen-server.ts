import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerHandle {
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

/**
 * Binds a request handler on loopback by default (port 0: the OS picks, so parallel runs never
 * collide). `close` also ends keep-alive and in-flight connections, so a run never hangs on a Seller
 * that holds its socket open.
 */
export function listenServer(
  handler: http.RequestListener,
  options: { port?: number; host?: string; requestTimeoutMs?: number } = {},
): Promise<ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(handler);
  // Bounds a peer that trickles or never ends its body (the default is 5 minutes).
  server.requestTimeout = options.requestTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${shownHost}:${port}`,
        server,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          })),
      });
    });
  });
}
