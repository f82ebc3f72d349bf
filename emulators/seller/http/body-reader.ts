import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { httpErrors } from './errors';

/** A request whose body has been read: `body` as express.raw leaves it (the Buyer recorder reads it too). */
export type BodyRequest = IncomingMessage & { body?: unknown };

/** express.raw's contract: sets `req.body` (a Buffer when there was one), then `done()` or `done(error)`. */
export type BodyReader = (req: BodyRequest, res: ServerResponse, done: (err?: unknown) => void) => void;

/** on-finished's test, as body-parser applies it before reading. */
function isFinished(req: IncomingMessage): boolean {
  const socket = req.socket as IncomingMessage['socket'] | null;
  const upgrade = (req as { upgrade?: boolean }).upgrade;
  return Boolean(upgrade || !socket || !socket.readable || (req.complete && !req.readable));
}

/**
 * The request body, read the way express.raw reads it but without its per-request machinery in the
 * common case: a plain (identity) body whose Content-Length is within `limit`, or no body at all.
 * Everything else goes to express.raw itself, so its answers stay as they were: a compressed body is
 * inflated, a chunked one counted against the limit, a Content-Length over the limit is a 413 the
 * error handler turns into `400 invalidBody` once the body has been read off.
 */
export function createBodyReader(limit: number): BodyReader {
  const fallback = express.raw({ type: () => true, limit });
  return (req, res, done) => {
    const headers = req.headers;
    const encoding = headers['content-encoding'];
    const plain = !encoding || encoding.toLowerCase() === 'identity';
    if (!plain || headers['transfer-encoding'] !== undefined || isFinished(req)) {
      fallback(req, res, done);
      return;
    }
    if (!('body' in req)) req.body = undefined;
    const declared = headers['content-length'];
    // No Transfer-Encoding and no Content-Length: no body (type-is's hasBody), nothing to read.
    if (declared === undefined) return done();
    const length = parseInt(declared, 10);
    if (!(length <= limit)) {
      fallback(req, res, done);
      return;
    }
    readDeclared(req, length, done);
  };
}

/**
 * Reads exactly the declared length (node's parser never hands over more). Listens as raw-body does:
 * `aborted` and `error` fail the read, `close` alone only stops listening.
 */
function readDeclared(req: BodyRequest, length: number, done: (err?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  const cleanup = (): void => {
    req.removeListener('data', onData);
    req.removeListener('end', onEnd);
    req.removeListener('aborted', onAborted);
    req.removeListener('error', onAborted);
    req.removeListener('close', cleanup);
  };
  function onData(chunk: Buffer): void {
    received += chunk.length;
    chunks.push(chunk);
  }
  function onEnd(): void {
    cleanup();
    if (received !== length)
      return done(httpErrors.badRequest('invalidBody', 'request size did not match content length'));
    req.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received);
    done();
  }
  function onAborted(): void {
    cleanup();
    req.pause();
    done(httpErrors.badRequest('invalidBody', 'request aborted'));
  }
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
  req.on('error', onAborted);
  req.on('close', cleanup);
}
