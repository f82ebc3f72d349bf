/**
 * Capture listeners for the Seller load run: plain Node http servers answering 204 at once, counting
 * every notification per hub (by its callback path `/h/<n>`), event type and eventId, with a digest of
 * the body, so the run can compare what arrived with the emulator's delivery record.
 */
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one hub received of one event: how many times, and the digests of the bodies. */
export interface Arrival {
  count: number;
  readonly digests: Set<string>;
}

export interface CaptureListeners {
  /** Callback for hub `n` (listeners take hubs in turn). */
  callbackFor(hub: number): string;
  /** `${hub}|${eventType}|${eventId}` → what arrived. */
  readonly arrivals: Map<string, Arrival>;
  /** Requests that named no hub or carried no eventId. */
  readonly unparsable: number;
  close(): Promise<void>;
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export function arrivalKey(hub: number, eventType: string, eventId: string): string {
  return `${hub}|${eventType}|${eventId}`;
}

const PATH = /^\/h\/(\d+)\/.*\/listener\/([^/?]+)/;

export async function startCaptureListeners(count: number): Promise<CaptureListeners> {
  const arrivals = new Map<string, Arrival>();
  let unparsable = 0;
  const servers: http.Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < count; i++) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(204).end();
        const text = Buffer.concat(chunks).toString('utf8');
        const match = PATH.exec(req.url ?? '');
        let eventId: unknown;
        try {
          eventId = (JSON.parse(text) as { eventId?: unknown }).eventId;
        } catch {
          eventId = undefined;
        }
        if (!match || typeof eventId !== 'string') {
          unparsable++;
          return;
        }
        const key = arrivalKey(Number(match[1]), match[2]!, eventId);
        const seen = arrivals.get(key) ?? { count: 0, digests: new Set<string>() };
        seen.count++;
        seen.digests.add(digestOf(text));
        arrivals.set(key, seen);
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    origins.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    callbackFor: (hub) => `${origins[hub % origins.length]!}/h/${hub}`,
    arrivals,
    get unparsable() {
      return unparsable;
    },
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
