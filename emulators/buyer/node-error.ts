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
  const code = BY_ERRNO[errno] ?? (errno.startsWith('HPE_') ? 'protocol' : 'network');
  return { code, message: errno ? `${errno}: ${text}` : text };
}
