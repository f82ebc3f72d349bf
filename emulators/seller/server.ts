import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { createSellerApp, type SellerEmulator, type SellerOptions } from './app';

export interface ListenOptions {
  readonly port?: number;
  /** Loopback unless told otherwise: an emulator is not meant to be reachable from the network. */
  readonly host?: string;
}

export interface SellerServer {
  readonly emulator: SellerEmulator;
  /** Origin, e.g. `http://127.0.0.1:43120`. */
  readonly origin: string;
  /** Base URL of the management API (what a Buyer is configured with). */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the Seller emulator on a port (0 = any free one) and resolves once it listens. */
export async function startSeller(options: SellerOptions & ListenOptions): Promise<SellerServer> {
  const emulator = createSellerApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = createServer(emulator.handleRequest);
    s.once('error', reject);
    s.listen(options.port ?? 0, host, () => resolve(s));
  });
  server.keepAliveTimeout = 5000;
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${shownHost}:${address.port}`;
  emulator.setBaseUrl(origin);
  return {
    emulator,
    origin,
    url: `${origin}${options.spec.version.managementBasePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
