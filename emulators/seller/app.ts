import express, { type NextFunction, type Request, type Response } from 'express';
import { capabilityOfOperation } from '../../src/capabilities';
import { ScaledClock, type Clock } from '../../src/clock';
import { ProductSchemaRegistry, type ApiSpec } from '../../src/spec';
import type { SellerContext } from './context';
import { mountControlApi } from './control/control-routes';
import { applyResponseFaults } from './faults/apply-response-faults';
import { mountAuth } from './http/auth';
import { asDocumentedError, HttpError, httpErrors } from './http/errors';
import { sendJson } from './http/respond';
import { QueryValidator, type QueryValues } from './http/validate-request';
import { NotificationDispatcher } from './notify/dispatcher';
import { DEFAULT_PROFILE } from './profile/default-profile';
import type { SellerProfile } from './profile/profile-types';
import { OPERATION_HANDLERS } from './routes/handlers';
import { ownerOf } from './routes/operation';
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
  readonly context: SellerContext;
  setBaseUrl(origin: string): void;
  close(): void;
}

function toExpressPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * The Seller emulator as an express app (for supertest) with its state. Routes come from the spec's
 * operations; handlers from OPERATION_HANDLERS; nothing here knows a path by heart.
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
  const queries = new QueryValidator(spec);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  const raw = express.raw({ type: () => true, limit: profile.maxBodyBytes });
  // Paths are case-sensitive (RFC 3986): a Buyer calling /ProductOrder must not pass here and fail elsewhere.
  const api = express.Router({ caseSensitive: true });
  // The profile's auth (none by default): 401 before anything else, a token endpoint in oauth2 mode.
  const auth = mountAuth(app, api, context);

  for (const op of spec.management.operations.values()) {
    const handler = OPERATION_HANDLERS[op.operationId];
    if (!handler) continue;
    const capability = capabilityOfOperation(op.operationId);
    api[op.method](toExpressPath(op.path), raw, (req: Request, res: Response) => {
      try {
        if (capability && !profile.capabilities[capability]) {
          throw httpErrors.notImplemented(
            `${op.operationId} is not supported by this Seller (${capability})`,
          );
        }
        const query = queries.validate(op, req.query as QueryValues);
        handler(context, {
          op,
          params: req.params as Record<string, string>,
          query,
          owner: auth ? auth.owner(req, op, req.params as Record<string, string>, query) : ownerOf(query),
          req,
          res,
        });
      } catch (err) {
        throw asDocumentedError(op, err);
      }
    });
  }
  api.use((req: Request) => {
    throw httpErrors.notFound(`no operation ${req.method} ${req.path}`);
  });
  // Deliberate faults on the wire (self-check); a faithful Seller never mounts this.
  if (profile.faults.length > 0) app.use(spec.version.managementBasePath, applyResponseFaults(context));
  app.use(spec.version.managementBasePath, api);
  if (profile.controlApi) mountControlApi(app, context);
  app.use((req: Request) => {
    throw httpErrors.notFound(`nothing at ${req.path}; the API is under ${spec.version.managementBasePath}`);
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const error = toHttpError(err, options.log);
    sendJson(res, error.status, error.body);
  });
  return {
    app,
    context,
    setBaseUrl: (o) => (origin = o),
    close: () => {
      context.dispatcher.close();
      context.store.clear();
    },
  };
}

/** Body-parser failures are the client's (400); anything else unexpected is a 500 with a spec body. */
function toHttpError(err: unknown, log?: (line: string) => void): HttpError {
  if (err instanceof HttpError) return err;
  // The router's own URIError (status 400): an `{id}` with broken percent-encoding names no resource.
  if (err instanceof URIError && (err as { status?: number }).status === 400)
    return httpErrors.notFound(err.message);
  const e = err as { type?: string; status?: number; message?: string; stack?: string };
  if (e.type === 'entity.too.large') return httpErrors.badRequest('invalidBody', 'request body too large');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return httpErrors.badRequest('invalidBody', e.message ?? 'unreadable request body');
  }
  log?.(`seller emulator: internal error: ${e.stack ?? String(err)}`);
  return httpErrors.internal('the Seller emulator hit an internal error');
}
