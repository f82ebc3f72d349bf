import type { ApiSpec, OperationInfo } from '../../../src/spec';

export interface MatchedOperation {
  readonly op: OperationInfo;
  /** Path parameters, decoded (`{ id: '…' }`). */
  readonly params: Readonly<Record<string, string>>;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The management operation a request names: method and path (relative to the management base path)
 * against the spec's templates, case-sensitively as the emulator routes them. Undefined for anything the
 * spec does not define (a wrong path, a v10 path on v11, an undefined method).
 */
export function matchOperation(spec: ApiSpec, method: string, path: string): MatchedOperation | undefined {
  const segments = path.replace(/\/+$/, '').split('/');
  for (const op of spec.management.operations.values()) {
    if (op.method !== method.toLowerCase()) continue;
    const template = op.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = template.every((part, i) => {
      const actual = segments[i] ?? '';
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (!name) return part === actual;
      const value = decode(actual);
      if (value === undefined || value === '') return false;
      params[name] = value;
      return true;
    });
    if (ok) return { op, params };
  }
  return undefined;
}
