import express, { type NextFunction, type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSellerApp, type SellerEmulator } from '../../../emulators/seller';
import type { SellerProfile } from '../../../emulators/seller/profile/profile-types';
import { BuyerTrafficRecorder } from '../../../emulators/seller/record';
import type { Clock } from '../../clock';
import type { ApiSpec, ProductSchemaRegistry } from '../../spec';

/** One scenario's Seller: a fresh emulator (own state, own profile) and the recorder in front of it. */
export interface SellerSlot {
  /** Base URL of the management API, what the Buyer under test is given (`LSO_SELLER_URL`). */
  readonly url: string;
  /** Where the emulator's control API lives (`{controlOrigin}/_lso/control/…`). */
  readonly controlOrigin: string;
  readonly emulator: SellerEmulator;
  readonly recorder: BuyerTrafficRecorder;
  /** Stops routing to the slot and stops its emulator (its records stay readable). */
  close(): void;
}

export interface SlotOptions {
  readonly profile: SellerProfile;
  readonly clock: Clock;
  readonly products: ProductSchemaRegistry;
  readonly ids: () => string;
  /** Serve the slot at the root too (no `/s/<n>` prefix): one fixed URL for a person, one scenario at a time. */
  readonly atRoot?: boolean;
}

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/** Where requests go: `/s/<n>` to slot n, anything else to the root slot when there is one. */
interface Routing {
  readonly slots: Map<string, Handler>;
  root?: string;
}

/**
 * One HTTP server for a Buyer-testing run, a Seller emulator per scenario under `/s/<n>` (a Seller base
 * path may carry a prefix, Mplify 123.1 §5.2): concurrent scenarios never share orders, hubs or events.
 */
export class SellerHub {
  private next = 0;

  private constructor(
    private readonly routing: Routing,
    private readonly server: Server,
    /** Where the Buyer reaches this server (the bound address, or --callback-url behind NAT). */
    readonly publicBase: string,
    /** The bound address, for the harness's own control calls. */
    private readonly localBase: string,
    private readonly spec: ApiSpec,
  ) {}

  static async start(options: {
    spec: ApiSpec;
    host: string;
    port: number;
    publicUrl?: string;
  }): Promise<SellerHub> {
    const routing: Routing = { slots: new Map() };
    const app = express();
    app.disable('x-powered-by');
    app.set('etag', false);
    app.use('/s/:slot', (req: Request, res: Response, next: NextFunction) => {
      const slot = routing.slots.get(String(req.params['slot']));
      if (!slot) return next();
      slot(req, res, next);
    });
    app.use((req: Request, res: Response, next: NextFunction) => {
      const slot = routing.root !== undefined ? routing.slots.get(routing.root) : undefined;
      if (slot) return slot(req, res, next);
      res
        .status(404)
        .type('application/json;charset=utf-8')
        .send('{"code":"notFound","reason":"no Seller emulator serves this path now"}');
    });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(options.port, options.host, () => resolve(s));
      s.once('error', reject);
    });
    server.keepAliveTimeout = 5000;
    const { port } = server.address() as AddressInfo;
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    const local = `http://${shownHost}:${port}`;
    const base = (options.publicUrl ?? local).replace(/\/+$/, '');
    return new SellerHub(routing, server, base, local, options.spec);
  }

  open(options: SlotOptions): SellerSlot {
    const id = String(++this.next);
    const prefix = options.atRoot ? '' : `/s/${id}`;
    const origin = `${this.publicBase}${prefix}`;
    const emulator = createSellerApp({
      spec: this.spec,
      profile: options.profile,
      clock: options.clock,
      products: options.products,
      baseUrl: origin,
    });
    const recorder = new BuyerTrafficRecorder({ spec: this.spec, clock: options.clock, ids: options.ids });
    this.routing.slots.set(id, (req, res, next) =>
      recorder.handle(req, res, () => emulator.app(req, res, next)),
    );
    if (options.atRoot) this.routing.root = id;
    return {
      url: `${origin}${this.spec.version.managementBasePath}`,
      controlOrigin: `${this.localBase}${prefix}`,
      emulator,
      recorder,
      close: () => {
        this.routing.slots.delete(id);
        if (this.routing.root === id) this.routing.root = undefined;
        emulator.close();
      },
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
