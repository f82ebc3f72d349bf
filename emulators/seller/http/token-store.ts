import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaticToken } from '../profile/profile-types';

/** Who a valid credential speaks for. */
export interface Principal {
  /** The OAuth2 client id, or `static-token` for a token from the profile. */
  readonly subject: string;
  /** The one Buyer it acts for; absent: any Buyer (the request names it in `buyerId`). */
  readonly buyerId?: string;
  /** Scopes granted; absent: every operation. */
  readonly scopes?: ReadonlySet<string>;
}

export type TokenLookup = { readonly principal: Principal } | { readonly problem: 'unknown' | 'expired' };

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares two secrets in constant time (their digests, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The access tokens the Seller accepts: the profile's static ones (never expire) and those its token
 * endpoint issued (expire after the profile's `tokenTtl`, in real time). Keyed by digest, so the raw
 * tokens are not kept and a lookup does not compare them byte by byte. Bounded: past `maxIssued`, the
 * oldest issued tokens are forgotten (and then answer as unknown).
 */
export class TokenStore {
  private readonly fixed = new Map<string, Principal>();
  private readonly issued = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    tokens: readonly StaticToken[],
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxIssued = 10_000,
  ) {
    for (const t of tokens)
      this.fixed.set(key(t.token), { subject: 'static-token', ...(t.buyerId ? { buyerId: t.buyerId } : {}) });
  }

  /** A fresh opaque token for `principal`; `expiresIn` in whole seconds, as OAuth2 reports it. */
  issue(principal: Principal): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.issued.set(key(token), { principal, expiresAt: this.now() + this.ttlMs });
    for (const oldest of this.issued.keys()) {
      if (this.issued.size <= this.maxIssued) break;
      this.issued.delete(oldest);
    }
    return { token, expiresIn: Math.max(1, Math.ceil(this.ttlMs / 1000)) };
  }

  lookup(token: string): TokenLookup {
    const k = key(token);
    const fixed = this.fixed.get(k);
    if (fixed) return { principal: fixed };
    const issued = this.issued.get(k);
    if (!issued) return { problem: 'unknown' };
    return this.now() < issued.expiresAt ? { principal: issued.principal } : { problem: 'expired' };
  }

  get issuedCount(): number {
    return this.issued.size;
  }
}

function key(token: string): string {
  return digest(token).toString('base64url');
}
