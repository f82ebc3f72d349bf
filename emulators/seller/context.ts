import type { Clock } from '../../src/clock';
import type { ApiSpec, ProductSchemaRegistry } from '../../src/spec';
import type { NotificationDispatcher } from './notify/dispatcher';
import type { SellerProfile } from './profile/profile-types';
import type { SellerStore } from './state/store';

/** Everything the emulator's parts share, passed explicitly (no module state, per STYLE.md). */
export interface SellerContext {
  readonly spec: ApiSpec;
  readonly profile: SellerProfile;
  readonly clock: Clock;
  readonly store: SellerStore;
  readonly dispatcher: NotificationDispatcher;
  readonly products: ProductSchemaRegistry;
  /** Absolute URL of the management API (for `href`s); known once the server listens. */
  managementBaseUrl(): string;
  /** Whether a deliberate fault is switched on by the profile. */
  fault(name: string): boolean;
}

export function nowIso(ctx: SellerContext): string {
  return new Date(ctx.clock.now()).toISOString();
}
