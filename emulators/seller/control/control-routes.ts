import express, { type Express, type Request, type Response } from 'express';
import { ManualClock } from '../../../src/clock';
import { parseDuration } from '../../../src/util/duration';
import type { SellerContext } from '../context';
import { CONTROL_ACTIONS, runControlAction, type ControlAction, type ControlArgs } from './control-actions';

/** Outside the MEF base path, so it can never be mistaken for part of the API under test. */
export const CONTROL_PREFIX = '/_lso/control';

function reply(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json').send(JSON.stringify(body));
}

/**
 * The control API lets a scenario act as the Seller's back office: move an order, raise a charge or a
 * milestone, cancel from the Seller side, advance a manual clock, read the notification deliveries.
 */
export function mountControlApi(app: Express, ctx: SellerContext): void {
  const r = express.Router();
  r.use(express.json({ limit: '64kb' }));
  r.get('/info', (_req, res) =>
    reply(res, 200, {
      api: ctx.spec.version.id,
      profile: ctx.profile.name,
      capabilities: ctx.profile.capabilities,
      faults: ctx.profile.faults,
      clock: ctx.clock.kind,
      now: new Date(ctx.clock.now()).toISOString(),
      orders: ctx.store.orders.size,
      evicted: ctx.store.evicted,
      notifications: ctx.dispatcher.stats,
    }),
  );
  r.get('/orders/:id', (req: Request, res: Response) => {
    const rec = ctx.store.orders.get(String(req.params['id']));
    if (!rec) return reply(res, 404, { error: 'no such order' });
    reply(res, 200, {
      order: rec.doc,
      buyerId: rec.buyerId,
      rule: rec.rule ?? null,
      next: rec.next?.label ?? null,
    });
  });
  r.post('/orders/:id/:action', (req: Request, res: Response) => {
    const rec = ctx.store.orders.get(String(req.params['id']));
    if (!rec) return reply(res, 404, { error: 'no such order' });
    const action = String(req.params['action']) as ControlAction;
    if (!CONTROL_ACTIONS.includes(action))
      return reply(res, 400, { error: `unknown action; one of ${CONTROL_ACTIONS.join(', ')}` });
    const result = runControlAction(ctx, rec, action, (req.body ?? {}) as ControlArgs);
    reply(
      res,
      result.ok ? 200 : 409,
      result.ok ? { ok: true, ...result.detail, state: rec.doc.state } : { error: result.reason },
    );
  });
  r.post('/clock/advance', (req: Request, res: Response) => {
    if (!(ctx.clock instanceof ManualClock))
      return reply(res, 409, { error: `the clock is ${ctx.clock.kind}, not manual` });
    const parsed = parseDuration((req.body as { by?: unknown } | undefined)?.by);
    if (!parsed.ok) return reply(res, 400, { error: parsed.error });
    ctx.clock.advance(parsed.ms);
    reply(res, 200, { now: new Date(ctx.clock.now()).toISOString() });
  });
  r.get('/deliveries', (req: Request, res: Response) => {
    const type = typeof req.query['eventType'] === 'string' ? req.query['eventType'] : undefined;
    reply(
      res,
      200,
      ctx.dispatcher.deliveries().filter((d) => !type || d.eventType === type),
    );
  });
  r.get('/hubs', (_req, res) =>
    reply(
      res,
      200,
      [...ctx.store.hubs.values()].map((h) => ({ ...h.doc, buyerId: h.buyerId })),
    ),
  );
  r.post('/reset', (_req, res) => {
    for (const id of ctx.store.hubs.keys()) ctx.dispatcher.forget(id);
    ctx.store.clear();
    ctx.dispatcher.clearRecord();
    reply(res, 200, { ok: true });
  });
  r.use((_req, res) => reply(res, 404, { error: 'unknown control endpoint' }));
  app.use(CONTROL_PREFIX, r);
}
