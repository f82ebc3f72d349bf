import express, { type NextFunction, type Request, type Response } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  createNotificationListener,
  type IdGenerator,
  type NotificationListener,
} from '../../emulators/buyer';
import type { Clock } from '../clock';
import type { ApiSpec } from '../spec';
import type { ScenarioListener } from './run-context';

/**
 * One HTTP server for the whole run, a listener per scenario under `/s/<n>`: hubs registered by
 * concurrent scenarios get distinct callbacks, so no scenario ever sees another's events.
 */
export class ListenerHub {
  private next = 0;

  private constructor(
    private readonly slots: Map<string, NotificationListener>,
    private readonly server: Server,
    private readonly publicBase: string,
    private readonly options: {
      spec: ApiSpec;
      clock: Clock;
      ids: IdGenerator;
      secrets: readonly string[];
      auth?: { token?: string };
    },
  ) {}

  static async start(options: {
    spec: ApiSpec;
    clock: Clock;
    ids: IdGenerator;
    secrets: readonly string[];
    /** Every event must carry `Authorization: Bearer <token>`; others are refused with 401. */
    auth?: { token?: string };
    host: string;
    port: number;
    callbackUrl?: string;
  }): Promise<ListenerHub> {
    const app = express();
    app.disable('x-powered-by');
    const slots = new Map<string, NotificationListener>();
    app.use('/s/:slot', (req: Request, res: Response, next: NextFunction) => {
      const listener = slots.get(String(req.params['slot']));
      if (!listener) return next();
      listener.app(req, res, next);
    });
    app.use((_req: Request, res: Response) => {
      res
        .status(404)
        .type('application/json;charset=utf-8')
        .send('{"code":"notFound","reason":"no listener here"}');
    });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(options.port, options.host, () => resolve(s));
      s.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
    const base = (options.callbackUrl ?? `http://${shownHost}:${port}`).replace(/\/+$/, '');
    return new ListenerHub(slots, server, base, options);
  }

  open(): ScenarioListener {
    const slot = String(++this.next);
    const callback = `${this.publicBase}/s/${slot}`;
    const listener = createNotificationListener({ ...this.options, callbackUrl: callback });
    this.slots.set(slot, listener);
    // Closing keeps the record (the scenario judges it afterwards) but stops routing new events to it.
    return { listener, callback, close: () => void this.slots.delete(slot) };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
