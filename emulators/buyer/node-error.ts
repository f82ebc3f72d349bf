import type { TransportErrorCode } from '../../src/results';

/** What went wrong on the wire, as a stable code the checks and reports key on. */
export interface TransportError {
  readonly code: TransportErrorCode;
  readonly message: string;
}

const BY_ERRNO: Readonly<Record<string, TransportErrorCode>> = {
  ECONNREFUSED: 'connectionRefused',
  ECONNRESET: 'connectionReset',
  EPIPE: 'connectionReset',
  ECONNABORTED: 'connectionReset',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ABORT_ERR: 'aborted',
};

/** OpenSSL's and Node's certificate and handshake errors (`SELF_SIGNED_CERT_IN_CHAIN`, `ERR_TLS_CERT_ALTNAME_INVALID`, …). */
const TLS_ERRNO = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;

/**
 * Maps a Node socket/HTTP error to a transport error code; anything unknown is `network`. Duck-typed,
 * not `instanceof Error`: core errors come from another realm under jest's vm sandbox.
 */
export function mapNodeError(error: unknown): TransportError {
  const fields =
    typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const errno = typeof fields.code === 'string' ? fields.code : '';
  const text = typeof fields.message === 'string' ? fields.message : String(error);
  // llhttp's parse errors (HPE_INVALID_CONSTANT, HPE_HEADER_OVERFLOW, HPE_INVALID_CHUNK_SIZE, …).
  const code =
    BY_ERRNO[errno] ?? (errno.startsWith('HPE_') ? 'protocol' : TLS_ERRNO.test(errno) ? 'tls' : 'network');
  return { code, message: errno ? `${errno}: ${text}` : text };
}
