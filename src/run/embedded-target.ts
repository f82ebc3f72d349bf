import type { HttpClient } from '../../emulators/buyer';
import { DEFAULT_PROFILE, startSeller, type SellerProfile, type SellerServer } from '../../emulators/seller';
import { ALL_CAPABILITIES, type Capability } from '../capabilities';
import type { Clock } from '../clock';
import { ProductSchemaRegistry, type ApiSpec } from '../spec';
import { ControlClient } from './control-client';

/** The embedded Seller emulator as a run's target: its URL, what it declares, and its back office. */
export interface EmbeddedTarget {
  readonly seller: SellerServer;
  /** Base URL of its management API. */
  readonly url: string;
  /** The optional bundles its profile switches on (what a run declares for it by default). */
  readonly capabilities: readonly Capability[];
  /** Its control API, for control steps. */
  readonly control: ControlClient;
  close(): Promise<void>;
}

export interface EmbeddedTargetOptions {
  readonly spec: ApiSpec;
  readonly clock: Clock;
  /** The run's client: control requests are recorded like every other exchange. */
  readonly client: HttpClient;
  readonly profile?: SellerProfile;
  /** Share one registry between Sellers (compiling the product schemas takes a while). */
  readonly products?: ProductSchemaRegistry;
}

/** Starts the Seller emulator on a free loopback port, on the run's clock. */
export async function startEmbeddedTarget(options: EmbeddedTargetOptions): Promise<EmbeddedTarget> {
  const seller = await startSeller({
    spec: options.spec,
    clock: options.clock,
    products: options.products ?? new ProductSchemaRegistry(),
    // The run's control steps drive the emulator through its control API, off by default.
    profile: { ...(options.profile ?? DEFAULT_PROFILE), controlApi: true },
  });
  const declared = seller.emulator.context.profile.capabilities;
  return {
    seller,
    url: seller.url,
    capabilities: ALL_CAPABILITIES.filter((c) => declared[c]),
    control: new ControlClient(options.client, seller.origin),
    close: () => seller.close(),
  };
}
