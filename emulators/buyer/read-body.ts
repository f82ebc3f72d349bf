import type { IncomingMessage } from 'node:http';

export interface BodyRead {
  /** At most `limit` bytes. */
  readonly bytes: Buffer;
  /** The body went past `limit` (what is beyond was not kept). */
  readonly truncated: boolean;
  /** The peer went away before the body ended. */
  readonly aborted: boolean;
}

/**
 * Reads an event body up to `limit` bytes. Past the limit it resolves at once (so the 413 goes out
 * promptly) and keeps discarding what still arrives, so the peer can finish writing and read the
 * answer; the server's request timeout bounds a peer that never stops.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (truncated: boolean, aborted: boolean): void => {
      if (settled) return;
      settled = true;
      resolve({ bytes: Buffer.concat(chunks), truncated, aborted });
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = limit - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = limit;
        return settle(true, false);
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => settle(false, false));
    req.on('error', () => settle(false, true));
    req.on('close', () => settle(false, !req.complete));
  });
}
