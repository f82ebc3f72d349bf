import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ScaledClock, type Clock } from '../../src/clock';
import { ProductSchemaRegistry, type ApiSpec } from '../../src/spec';
import type { SellerContext } from './context';
import { mountControlApi } from './control/control-routes';
import { applyResponseFaults } from './faults/apply-response-faults';
import { mountAuth } from './http/auth';
import { sendError } from './http/error-response';
import { httpErrors } from './http/errors';
import { NotificationDispatcher } from './notify/dispatcher';
import { DEFAULT_PROFILE } from './profile/default-profile';
import type { SellerProfile } from './profile/profile-types';
import { createManagementApi } from './routes/management-api';
import { SellerStore } from './state/store';

export interface SellerOptions {
  readonly spec: ApiSpec;
  readonly profile?: SellerProfile;
  readonly clock?: Clock;
  /** Shared product-schema registry (compiling it takes ~0.2 s; share it between emulators). */
  readonly products?: ProductSchemaRegistry;
  /** Absolute base URL used in `href`s before the server listens (supertest). */
  readonly baseUrl?: string;
  readonly log?: (line: string) => void;
}

export interface SellerEmulator {
  readonly app: express.Express;
  /**
   * What a server should call: the management API straight away (unless wire faults must wrap it),
   * anything else through `app`. Answers exactly as `app` does, without express's per-request set-up.
   */
  readonly handleRequest: (req: IncomingMessage, res: ServerResponse) => void;
  readonly context: SellerContext;
  setBaseUrl(origin: string): void;
  close(): void;
}

/**
 * The Seller emulator as an express app (for supertest) with its state. Routes come from the spec's
 * operations (routes/management-api.ts); nothing here knows a path by heart.
 */
export function createSellerApp(options: SellerOptions): SellerEmulator {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const clock = options.clock ?? new ScaledClock(1);
  const spec = options.spec;
  let origin = options.baseUrl ?? 'http://127.0.0.1';
  const context: SellerContext = {
    spec,
    profile,
    clock,
    store: new SellerStore(profile.store.maxOrders),
    dispatcher: new NotificationDispatcher(clock, profile.notifications, spec.version.notificationBasePath),
    products: options.products ?? new ProductSchemaRegistry(),
    managementBaseUrl: () => `${origin}${spec.version.managementBasePath}`,
    fault: (name) => profile.faults.includes(name),
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  // The profile's auth (none by default): 401 before anything else, a token endpoint in oauth2 mode.
  const auth = mountAuth(app, context);
  const api = createManagementApi(context, auth, options.log);
  // Deliberate faults on the wire (self-check); a faithful Seller never mounts this.
  const faulty = profile.faults.length > 0;
  if (faulty) app.use(spec.version.managementBasePath, applyResponseFaults(context));
  app.use((req: Request, res: Response, next: NextFunction) => api(req, res, () => next()));
  if (profile.controlApi) mountControlApi(app, context);
  app.use((req: Request) => {
    throw httpErrors.notFound(`nothing at ${req.path}; the API is under ${spec.version.managementBasePath}`);
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    sendError(res, err, options.log);
  });
  const viaExpress = (req: IncomingMessage, res: ServerResponse): void => {
    app(req, res);
  };
  const handleRequest = faulty
    ? viaExpress
    : (req: IncomingMessage, res: ServerResponse) => api(req, res, () => viaExpress(req, res));
  return {
    app,
    handleRequest,
    context,
    setBaseUrl: (o) => (origin = o),
    close: () => {
      context.dispatcher.close();
      context.store.clear();
    },
  };
}
