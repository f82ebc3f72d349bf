import * as http from 'node:http';
import * as https from 'node:https';
import type { TlsOptions } from '../http-types';
import { mapNodeError } from '../node-error';

/** What the token endpoint answered, or why it could not be asked. */
export interface FormPostResult {
  readonly status?: number;
  readonly body: string;
  /** Transport failure (refused, TLS, timeout…), with its stable code. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Token answers are small; anything bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * One `POST` of an `application/x-www-form-urlencoded` body, with one timeout over the whole exchange and
 * a body cap. Never rejects. The agent carries the run's TLS material (custom CA, client certificate).
 */
export function postForm(
  url: URL,
  form: URLSearchParams,
  headers: Readonly<Record<string, string>>,
  options: { readonly timeoutMs: number; readonly agent: http.Agent },
): Promise<FormPostResult> {
  const body = form.toString();
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: FormPostResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      agent: options.agent,
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(body)),
        ...headers,
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ body: '', error: { code: 'timeout', message: `no answer within ${options.timeoutMs} ms` } });
    }, options.timeoutMs);
    req.on('error', (err) => done({ body: '', error: mapNodeError(err) }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          done({
            status: res.statusCode,
            body: '',
            error: { code: 'bodyTooLarge', message: 'answer over 64 KB' },
          });
        } else chunks.push(chunk);
      });
      res.on('end', () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => done({ status: res.statusCode, body: '', error: mapNodeError(err) }));
    });
    req.end(body);
  });
}

/** An agent for the token endpoint with the same TLS material as the API client. */
export function tokenAgent(url: URL, tls: TlsOptions | undefined): http.Agent {
  if (url.protocol !== 'https:') return new http.Agent({ keepAlive: false });
  const { ca, ...rest } = tls ?? {};
  return new https.Agent({
    keepAlive: false,
    ...rest,
    ...(ca !== undefined ? { ca: typeof ca === 'string' || Buffer.isBuffer(ca) ? ca : [...ca] } : {}),
  });
}
