import * as http from 'node:http';
import * as https from 'node:https';
import type { HttpClientOptions, TlsOptions } from './http-types';

/** Connection pools of one client: keep-alive for speed, TLS material passed through to https. */
export interface Agents {
  forUrl(url: URL): http.Agent;
  destroy(): void;
}

export function createAgents(options: Pick<HttpClientOptions, 'tls' | 'keepAlive'>): Agents {
  const keepAlive = options.keepAlive ?? true;
  const { ca, ...tls } = options.tls ?? {};
  const plain = new http.Agent({ keepAlive });
  const secure = new https.Agent({
    keepAlive,
    ...tls,
    ...(ca !== undefined ? { ca: mutableCa(ca) } : {}),
  });
  return {
    forUrl: (url) => (url.protocol === 'https:' ? secure : plain),
    destroy: () => {
      plain.destroy();
      secure.destroy();
    },
  };
}

/** Our options hold a readonly array; https takes the same value typed as mutable. */
function mutableCa(ca: NonNullable<TlsOptions['ca']>): string | Buffer | (string | Buffer)[] {
  return typeof ca === 'string' || Buffer.isBuffer(ca) ? ca : [...ca];
}
