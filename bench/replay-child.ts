/**
 * The bare replay (child process): a fresh embedded Seller, set up as `lso-harness run` sets it up, and
 * the recorded requests sent again with plain `http`, scenario by scenario, `concurrency` scenarios at
 * a time: no templates, no checks, no recording. Ids the Seller creates are mapped from the recorded
 * run's to this one's (the only parsing: POST answers); hub callbacks go to a sink that answers 204.
 * Prints one JSON line: `ReplayOutcome`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startSeller } from '../emulators/seller';
import { ScaledClock } from '../src/clock';
import { loadApiSpec, ProductSchemaRegistry } from '../src/spec';
import { readReplayPlan, type ReplayRequest, type ReplayScenario } from './replay-plan';

export interface ReplayStep {
  readonly stepKind: string;
  readonly harnessMs: number;
  readonly replayMs: number;
  readonly requests: number;
}

export interface ReplayOutcome {
  /** Real time from the first request sent to the last answer read. */
  readonly wallMs: number;
  /** This process's CPU time (user + system) over the same span: client and Seller alike. */
  readonly cpuMs: number;
  readonly requests: number;
  /** Summed by step kind (the per-step rows of a 10,000-scenario run would not fit one line). */
  readonly steps: readonly ReplayStep[];
}

const EMBEDDED_TIME_SCALE = 36_000;

function send(
  agent: http.Agent,
  url: string,
  req: ReplayRequest,
  body: string | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (k !== 'host' && k !== 'content-length') headers[k] = v;
    const r = http.request(url, { method: req.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

/** Records `old → new` for every id-like string that differs between the recorded and the replayed answer. */
function mapIds(recorded: unknown, replayed: unknown, ids: Map<string, string>): void {
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    recorded.forEach((r, i) => mapIds(r, replayed[i], ids));
    return;
  }
  if (!recorded || !replayed || typeof recorded !== 'object' || typeof replayed !== 'object') return;
  const a = recorded as Record<string, unknown>;
  const b = replayed as Record<string, unknown>;
  for (const [key, value] of Object.entries(a)) {
    const other = b[key];
    if (typeof value === 'string' && typeof other === 'string') {
      if (value !== other && value.length >= 8 && (key === 'id' || key.endsWith('Id'))) ids.set(value, other);
    } else mapIds(value, other, ids);
  }
}

function rewrite(
  text: string,
  origins: readonly [string, string][],
  ids: ReadonlyMap<string, string>,
): string {
  let out = text;
  for (const [from, to] of origins) out = out.split(from).join(to);
  for (const [from, to] of ids) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

function tryJson(text: string | undefined): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [file, concurrencyText] = process.argv.slice(2);
  if (!file) throw new Error('usage: replay-child <results.json> [concurrency]');
  const plan = readReplayPlan(file);
  const concurrency = Number(concurrencyText ?? 1);
  const spec = await loadApiSpec('sonata-v11');
  const clock = new ScaledClock(EMBEDDED_TIME_SCALE);
  const seller = await startSeller({ spec, clock, products: new ProductSchemaRegistry() });
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const sinkOrigin = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true });
  const steps: ReplayStep[] = [];

  const replayScenario = async (scenario: ReplayScenario): Promise<void> => {
    const ids = new Map<string, string>();
    const origins: [string, string][] = [[plan.targetOrigin, seller.origin]];
    const byStep = new Map<number, ReplayStep>();
    for (const req of scenario.requests) {
      // The recorded listener is gone: its notifications go to the sink instead.
      const callback = /"callback"\s*:\s*"(https?:\/\/[^/"]+)/.exec(req.body ?? '')?.[1];
      if (callback && !origins.some(([from]) => from === callback)) origins.push([callback, sinkOrigin]);
      const url = rewrite(req.url, origins, ids);
      const body = req.body === undefined ? undefined : rewrite(req.body, origins, ids);
      const t0 = performance.now();
      const answer = await send(agent, url, req, body);
      const ms = performance.now() - t0;
      if (req.createdBody && answer.status < 300) mapIds(tryJson(req.createdBody), tryJson(answer.body), ids);
      const row = byStep.get(req.step) ?? {
        stepKind: req.stepKind,
        harnessMs: scenario.stepMs[req.step] ?? 0,
        replayMs: 0,
        requests: 0,
      };
      byStep.set(req.step, { ...row, replayMs: row.replayMs + ms, requests: row.requests + 1 });
    }
    steps.push(...byStep.values());
  };

  let next = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: Math.max(1, concurrency) }, async () => {
      while (next < plan.scenarios.length) await replayScenario(plan.scenarios[next++]!);
    }),
  );
  const byKind = new Map<string, ReplayStep>();
  for (const row of steps) {
    const sum = byKind.get(row.stepKind) ?? {
      stepKind: row.stepKind,
      harnessMs: 0,
      replayMs: 0,
      requests: 0,
    };
    byKind.set(row.stepKind, {
      stepKind: row.stepKind,
      harnessMs: sum.harnessMs + row.harnessMs,
      replayMs: sum.replayMs + row.replayMs,
      requests: sum.requests + row.requests,
    });
  }
  const cpu = process.cpuUsage(cpuStart);
  const outcome: ReplayOutcome = {
    wallMs: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    requests: plan.scenarios.reduce((n, s) => n + s.requests.length, 0),
    steps: [...byKind.values()],
  };
  agent.destroy();
  await seller.close();
  clock.dispose();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 3;
});
