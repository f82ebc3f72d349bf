import type { NextFunction, Request, Response } from 'express';
import type { Clock } from '../../../src/clock';
import type { ApiSpec } from '../../../src/spec';
import { CONTROL_PREFIX } from '../control/control-routes';
import { matchOperation } from './match-operation';

/**
 * One request the Buyer under test sent to the Seller emulator, as received, with the emulator's answer.
 * Raw material for the Buyer-side checks (src/check/buyer), which judge it independently of whether the
 * emulator accepted it.
 */
export interface RecordedBuyerRequest {
  /** 1, 2, 3… in arrival order. */
  readonly seq: number;
  /** Exchange id in reports. */
  readonly id: string;
  /** Run-clock time at which the request arrived (ms since the epoch). */
  readonly at: number;
  readonly method: string;
  /** As received, absolute (`http://127.0.0.1:PORT/s/3/mefApi/…?state=completed`). */
  readonly url: string;
  /** Relative to the management base path (`/productOrder/42`); the full path when outside it. */
  readonly path: string;
  /** The operation the spec maps method and path to; absent for anything the spec does not define. */
  readonly operationId?: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** Lower-case names; credentials masked. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText?: string;
  readonly bodyTruncated?: boolean;
  /** The body parsed as JSON, when it is. */
  readonly json?: unknown;
  /** Why a non-empty body did not parse. */
  readonly jsonError?: string;
  /** The emulator's answer; 0 when the Buyer hung up first. */
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseText?: string;
  readonly responseJson?: unknown;
  readonly durationMs: number;
}

export interface RecorderOptions {
  readonly spec: ApiSpec;
  readonly clock: Clock;
  readonly ids: () => string;
  /** Requests kept (the oldest are dropped beyond). Default 5 000. */
  readonly maxRecords?: number;
  /** Characters of each body kept. Default 256 KiB. */
  readonly maxBodyChars?: number;
}

const MASKED = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

function headerRecord(raw: NodeJS.Dict<string | string[]> | Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = Array.isArray(value)
      ? value.map((v) => `${v as string}`).join(', ')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
    out[name.toLowerCase()] = MASKED.has(name.toLowerCase()) ? '***' : text;
  }
  return out;
}

function parse(text: string): { json?: unknown; jsonError?: string } {
  if (text.trim() === '') return {};
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (err) {
    return { jsonError: (err as Error).message };
  }
}

/** Query parameters as sent (repeated names as lists), whatever the app's query parser. */
function queryOf(originalUrl: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URL(originalUrl, 'http://x').searchParams) {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function cut(text: string, max: number): { text: string; truncated?: true } {
  return text.length > max ? { text: text.slice(0, max), truncated: true } : { text };
}

/**
 * Records the Buyer's traffic to one Seller emulator: an express handler placed in front of the emulator's
 * app (it only observes: the emulator answers, validates and rejects exactly as without it). Control API
 * calls (the harness's own) are not recorded.
 */
export class BuyerTrafficRecorder {
  private readonly list: RecordedBuyerRequest[] = [];
  private readonly listeners = new Set<(r: RecordedBuyerRequest) => void>();
  private seq = 0;

  constructor(private readonly options: RecorderOptions) {}

  requests(): readonly RecordedBuyerRequest[] {
    return this.list;
  }

  /** Called with every new record; returns the unsubscribe function. */
  subscribe(listener: (r: RecordedBuyerRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The express handler: records, then hands the request to `next` (the emulator). */
  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    if (req.path.startsWith(CONTROL_PREFIX)) return next();
    const at = this.options.clock.now();
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    const limit = this.options.maxBodyChars ?? 256 * 1024;
    const keep = (chunk: unknown, encoding?: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > limit) return;
      const buf = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            typeof chunk === 'string' ? chunk : JSON.stringify(chunk),
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          );
      chunks.push(buf);
      size += buf.length;
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;
    // Read now: routers rewrite req.url while they handle it, so at 'finish' the path may be cut.
    const path = req.path;
    const query = queryOf(req.originalUrl);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      this.add(req, res, { at, started, url, path, query, response: Buffer.concat(chunks).toString('utf8') });
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  private add(
    req: Request,
    res: Response,
    seen: {
      at: number;
      started: number;
      url: string;
      path: string;
      query: Record<string, string | string[]>;
      response: string;
    },
  ): void {
    const { spec } = this.options;
    const limit = this.options.maxBodyChars ?? 256 * 1024;
    const base = spec.version.managementBasePath;
    const inBase = seen.path === base || seen.path.startsWith(`${base}/`);
    const path = inBase ? seen.path.slice(base.length) || '/' : seen.path;
    const matched = inBase ? matchOperation(spec, req.method, path) : undefined;
    const raw: unknown = req.body;
    const bodyText = Buffer.isBuffer(raw) && raw.length > 0 ? raw.toString('utf8') : undefined;
    const body = bodyText !== undefined ? cut(bodyText, limit) : undefined;
    const response = cut(seen.response, limit);
    const responseParsed = parse(seen.response);
    const record: RecordedBuyerRequest = {
      seq: ++this.seq,
      id: this.options.ids(),
      at: seen.at,
      method: req.method,
      url: seen.url,
      path,
      ...(matched ? { operationId: matched.op.operationId } : {}),
      params: matched?.params ?? {},
      query: seen.query,
      headers: headerRecord(req.headers),
      ...(body ? { bodyText: body.text, ...(body.truncated ? { bodyTruncated: true } : {}) } : {}),
      ...(bodyText !== undefined ? parse(bodyText) : {}),
      status: res.headersSent ? res.statusCode : 0,
      responseHeaders: headerRecord(res.getHeaders()),
      ...(response.text !== '' ? { responseText: response.text } : {}),
      ...(responseParsed.json !== undefined ? { responseJson: responseParsed.json } : {}),
      durationMs: Math.round((performance.now() - seen.started) * 10) / 10,
    };
    this.list.push(record);
    const max = this.options.maxRecords ?? 5000;
    if (this.list.length > max) this.list.splice(0, this.list.length - max);
    for (const listener of [...this.listeners]) listener(record);
  }
}
