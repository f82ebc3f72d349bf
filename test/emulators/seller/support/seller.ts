import request, { type Response } from 'supertest';
import { ManualClock } from '../../../../src/clock';
import {
  expandPath,
  loadApiSpec,
  ProductSchemaRegistry,
  type ApiSpec,
  type ApiVersionId,
} from '../../../../src/spec';
import {
  DEFAULT_PROFILE,
  startSeller,
  type SellerProfile,
  type SellerServer,
} from '../../../../emulators/seller';
import type { SellerContext } from '../../../../emulators/seller/context';
import { JSON_MEDIA_TYPE, expectConformant } from './conformance';
import { orderBody, type Json, type OrderOptions } from './bodies';

/** The default profile's timings, for readable `advance(T.inProgressToDone)` calls. */
export const T = DEFAULT_PROFILE.timings;

type Nested = 'timings' | 'capabilities' | 'pagination' | 'store' | 'notifications' | 'charge';
/** A profile overlay: top-level fields replace, nested records merge. */
export type ProfilePatch = Partial<Omit<SellerProfile, Nested>> & {
  readonly [K in Nested]?: Partial<SellerProfile[K]>;
};

export function profileWith(patch: ProfilePatch = {}): SellerProfile {
  const d = DEFAULT_PROFILE;
  return {
    ...d,
    // Off by default in the emulator; these tests drive it.
    controlApi: true,
    ...patch,
    name: patch.name ?? 'test',
    timings: { ...d.timings, ...patch.timings },
    capabilities: { ...d.capabilities, ...patch.capabilities },
    pagination: { ...d.pagination, ...patch.pagination },
    store: { ...d.store, ...patch.store },
    notifications: { ...d.notifications, ...patch.notifications },
    charge: { ...d.charge, ...patch.charge },
  };
}

let products: ProductSchemaRegistry | undefined;
/** One product-schema registry per test file (compiling it takes a few hundred ms). */
export function sharedProducts(): ProductSchemaRegistry {
  return (products ??= new ProductSchemaRegistry());
}

export interface CallOptions {
  readonly params?: Readonly<Record<string, string>>;
  /** A raw query string (`a=1&a=2`) or name → value(s). */
  readonly query?: string | Readonly<Record<string, string | readonly string[]>>;
  /** Sent as JSON unless a string or a Buffer (sent as is). */
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface SellerUnderTest {
  readonly spec: ApiSpec;
  readonly clock: ManualClock;
  readonly server: SellerServer;
  readonly context: SellerContext;
  /** Calls an operation by operationId; every answer goes through expectConformant. */
  call(operationId: string, options?: CallOptions): Promise<Response>;
  /** Creates an order (201 expected) and returns the served document. */
  createOrder(options?: OrderOptions, query?: CallOptions['query']): Promise<Json>;
  /** Retrieves an order (200 expected). */
  order(id: string, query?: CallOptions['query']): Promise<Json>;
  /** Lets pending responses finish, moves the clock, then waits until every notification is delivered. */
  advance(ms: number): Promise<void>;
  /** Waits for responses to finish and notifications to be delivered (no clock move). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function queryString(query: CallOptions['query']): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query ? `?${query}` : '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Starts the Seller emulator on 127.0.0.1:0 with a ManualClock (nothing moves until `advance`) and the
 * default profile unless told otherwise.
 */
export async function startTestSeller(
  options: { api?: ApiVersionId; profile?: SellerProfile; clock?: ManualClock } = {},
): Promise<SellerUnderTest> {
  const spec = await loadApiSpec(options.api ?? 'sonata-v11');
  const clock = options.clock ?? new ManualClock();
  const server = await startSeller({
    spec,
    clock,
    profile: options.profile ?? profileWith(),
    products: sharedProducts(),
  });
  const context = server.emulator.context;
  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('notifications still pending after 5 s: a retry waits on the manual clock?')),
        5000,
      );
    });
    try {
      await Promise.race([context.dispatcher.idle(), stuck]);
    } finally {
      clearTimeout(timer);
    }
  };
  const call = async (operationId: string, o: CallOptions = {}): Promise<Response> => {
    const op = spec.management.operations.get(operationId);
    if (!op) throw new Error(`no operation ${operationId}`);
    const path = `${spec.version.managementBasePath}${expandPath(op.path, o.params ?? {})}${queryString(o.query)}`;
    let test = request(server.origin)[op.method](path);
    if (o.body !== undefined) {
      const raw = typeof o.body === 'string' || Buffer.isBuffer(o.body) ? o.body : JSON.stringify(o.body);
      // Sent byte for byte: superagent would otherwise re-encode what a JSON content type announces.
      test = test
        .set('Content-Type', o.contentType ?? JSON_MEDIA_TYPE)
        .serialize((x: string) => x)
        .send(raw);
    }
    const res = await test;
    expectConformant(spec, operationId, res);
    return res;
  };
  const order = async (id: string, query?: CallOptions['query']): Promise<Json> => {
    const res = await call('retrieveProductOrder', { params: { id }, ...(query ? { query } : {}) });
    expect(res.status).toBe(200);
    return res.body as Json;
  };
  return {
    spec,
    clock,
    server,
    context,
    call,
    order,
    createOrder: async (o, query) => {
      const res = await call('createProductOrder', { body: orderBody(o), ...(query ? { query } : {}) });
      expect(res.status).toBe(201);
      return res.body as Json;
    },
    advance: async (ms) => {
      await settle();
      clock.advance(ms);
      await settle();
    },
    settle,
    close: () => server.close(),
  };
}

/** States of an order and its items, for compact assertions. */
export function states(order: Json): { order: unknown; items: unknown[] } {
  return {
    order: order['state'],
    items: (order['productOrderItem'] as Json[]).map((i) => i['state']),
  };
}

/** The `state` values of a state history, in order. */
export function history(entity: Json): unknown[] {
  return (entity['stateChange'] as Json[]).map((s) => s['state']);
}
