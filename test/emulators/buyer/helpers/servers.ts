import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A test server on 127.0.0.1:0 whose `close` also kills every socket, so no test leaks a handle. */
export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
}

function track(server: net.Server): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

export function startHttpServer(handler: http.RequestListener): Promise<TestServer> {
  return track(http.createServer(handler));
}

/** For what an HTTP server will not do: raw bytes, resets at a chosen point. */
export function startTcpServer(onSocket: (socket: net.Socket) => void): Promise<TestServer> {
  return track(net.createServer(onSocket));
}

/** A loopback port nobody listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = await startTcpServer(() => undefined);
  await server.close();
  return server.url;
}

/** Collects every test server a suite opens and closes them all afterwards. */
export function serverPool() {
  const open: TestServer[] = [];
  return {
    async http(handler: http.RequestListener): Promise<string> {
      const server = await startHttpServer(handler);
      open.push(server);
      return server.url;
    },
    async tcp(onSocket: (socket: net.Socket) => void): Promise<string> {
      const server = await startTcpServer(onSocket);
      open.push(server);
      return server.url;
    },
    async closeAll(): Promise<void> {
      await Promise.all(open.splice(0).map((s) => s.close()));
    },
  };
}
