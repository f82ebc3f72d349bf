/**
 * The two servers compared side by side, each in a child process on 127.0.0.1: the Seller emulator
 * (seller-child.ts) and Prism's mock server on the same v11 management spec. Both stop when asked and
 * when the bench exits.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { API_VERSION_INFO, specsDir } from '../src/spec';
import { packageRoot } from '../src/util/package-root';
import type { SellerMemory } from './seller-child';

export interface BenchServer {
  readonly name: string;
  /** Base URL: what precedes `/productOrder`. */
  readonly url: string;
  /** Real milliseconds from spawn until it answered. */
  readonly startMs: number;
  /** The server's process, for its CPU time. */
  readonly pid?: number;
  close(): Promise<void>;
}

export interface SellerProcess extends BenchServer {
  memory(): Promise<SellerMemory>;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function startSellerProcess(): Promise<SellerProcess> {
  const started = Date.now();
  const child = fork(path.join(__dirname, 'seller-child.js'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  live.add(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n')[0];
      if (!buffered.includes('\n') || line === undefined) return;
      child.stdout?.off('data', onData);
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        name: 'Seller emulator',
        url,
        startMs: Date.now() - started,
        ...(child.pid !== undefined ? { pid: child.pid } : {}),
        memory: () =>
          new Promise((answer) => {
            child.once('message', (m) => answer(m as SellerMemory));
            child.send('memory');
          }),
        close: async () => {
          await stop(child);
          live.delete(child);
        },
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Seller emulator child exited (${code ?? 'signal'})`)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `url` answers any HTTP status (bounded). */
async function waitUntilAnswers(url: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * `prism mock` on the v11 management spec. Logging off (`-v silent`) so that Prism's throughput is not
 * its logger's; `--errors` on, so that it answers a request violation with an error as the emulator does.
 */
export async function startPrism(): Promise<BenchServer> {
  const port = await freePort();
  const spec = path.join(specsDir(), API_VERSION_INFO['sonata-v11'].managementFile);
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js', { paths: [packageRoot()] });
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', '--errors', spec],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.add(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswers(`${url}/productOrder/x`, child, 60_000);
  } catch (err) {
    await stop(child);
    throw err;
  }
  return {
    name: 'Prism mock',
    url,
    startMs: Date.now() - started,
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    close: async () => {
      await stop(child);
      live.delete(child);
    },
  };
}
