/**
 * `lso-harness run --role buyer`: buyer-testing mode. The Seller emulator serves the Buyer under test,
 * scripted by the Buyer scenarios; the Buyer is a command started per scenario (`--buyer-command`) or
 * whoever acts within the windows announced on the console (docs/BUYER-TESTING.md).
 */
import { randomUUID } from 'node:crypto';
import { createHttpClient, createIdGenerator } from '../../emulators/buyer';
import { ScaledClock } from '../clock';
import { createReporters } from '../report';
import { binds, REQUIREMENT_CATALOGUE } from '../requirements';
import { runBuyerScenarios, SellerHub, type BuyerDriver, type BuyerProcess } from '../run/buyer';
import { planScenarios } from '../run/plan';
import { selectShard } from '../run/shard';
import { formatProblem, loadScenarioFiles } from '../scenario';
import type { Scenario } from '../scenario/types';
import { loadApiSpec, ProductSchemaRegistry } from '../spec';
import { parseDuration } from '../util/duration';
import { UsageError } from './exit-codes';
import { exitCodeOf } from './exit-code-of';
import type { CliIo } from './main';
import { parseRunOptions, type RawRunOptions } from './run-options';

/** The flags only buyer-testing mode reads. */
export interface RawBuyerFlags {
  role?: string;
  buyerCommand?: string;
  buyerStartup?: string;
}

/** Buyer-testing clock with a command: ten Seller minutes a second (an hour's window is 6 s). */
export const BUYER_COMMAND_TIME_SCALE = 600;

/** `--role`: seller (default) or buyer; anything else is bad usage. */
export function roleOf(raw: RawBuyerFlags): 'seller' | 'buyer' {
  const role = raw.role ?? 'seller';
  if (role !== 'seller' && role !== 'buyer')
    throw new UsageError(`--role must be seller or buyer, got '${role}'`);
  if (role === 'seller' && (raw.buyerCommand !== undefined || raw.buyerStartup !== undefined))
    throw new UsageError('--buyer-command and --buyer-startup go with --role buyer');
  return role;
}

interface BuyerFlags {
  readonly command?: string;
  readonly startupMs: number;
}

function buyerFlags(raw: RawRunOptions & RawBuyerFlags, ci: boolean): BuyerFlags {
  const problems: string[] = [];
  if (raw.target !== undefined)
    problems.push('--target names a Seller under test; with --role buyer the harness is the Seller');
  if (raw.sellerProfile !== undefined)
    problems.push(
      '--seller-profile does not apply with --role buyer: each Buyer scenario sets its own (seller:)',
    );
  if (raw.capabilities !== undefined)
    problems.push(
      '--capabilities does not apply with --role buyer: each Buyer scenario sets its own (seller:)',
    );
  const command = raw.buyerCommand?.trim();
  if (raw.buyerCommand !== undefined && !command) problems.push('--buyer-command is empty');
  if (!command && ci)
    problems.push(
      'CI=true and no --buyer-command: nobody can act on the console in CI. Give the command that starts ' +
        'your Buyer (it gets the Seller URL in LSO_SELLER_URL), e.g. --buyer-command "node bin/lso-harness.js buyer"',
    );
  const startup = raw.buyerStartup ?? (command ? '30s' : '10m');
  const parsed = parseDuration(startup);
  if (!parsed.ok || parsed.ms <= 0)
    problems.push(`--buyer-startup: ${parsed.ok ? 'must be positive' : parsed.error}`);
  if (problems.length > 0) throw new UsageError('invalid options', problems);
  return { ...(command ? { command } : {}), startupMs: parsed.ok ? parsed.ms : 30_000 };
}

export async function runBuyer(
  paths: readonly string[],
  raw: RawRunOptions & RawBuyerFlags,
  io: CliIo,
): Promise<number> {
  const ci = process.env['CI'] === 'true' || process.env['CI'] === '1';
  const flags = buyerFlags(raw, ci);
  const timeScale =
    raw.timeScale !== undefined ? raw.timeScale : String(flags.command ? BUYER_COMMAND_TIME_SCALE : 1);
  // The target-less default of parseRunOptions (the embedded Seller's 36 000×) is Seller mode's.
  const options = parseRunOptions(paths, { ...raw, timeScale });
  const loaded = await loadScenarioFiles(options.paths, { fixtureRoots: options.fixtureRoots });
  if (loaded.problems.length > 0)
    throw new UsageError(
      `${loaded.problems.length} problem(s) in the scenario files; nothing ran`,
      loaded.problems.map(formatProblem),
    );
  const scenarios: readonly Scenario[] = loaded.scenarios;
  const filtered = planScenarios(
    scenarios.filter((s) => s.role === 'buyer'),
    options,
  );
  if (filtered.length === 0)
    throw new UsageError(
      'no Buyer scenario (role: buyer) matches the paths and filters (--tag, --grep, --requirement)',
    );
  const plan = options.shard ? selectShard(filtered, options.shard) : filtered;
  const spec = await loadApiSpec(options.api);
  const clock = new ScaledClock(options.timeScale);
  const ids = createIdGenerator('ex');
  const client = createHttpClient({ timeoutMs: options.timeoutMs, ids, clock });
  let hub: SellerHub;
  try {
    hub = await SellerHub.start({
      spec,
      host: options.listenHost,
      port: options.listenPort,
      ...(options.callbackUrl ? { publicUrl: options.callbackUrl } : {}),
    });
  } catch (err) {
    client.close();
    throw new UsageError(
      `the Seller emulator cannot listen on ${options.listenHost}:${options.listenPort}: ${(err as Error).message}`,
    );
  }
  const driver: BuyerDriver = flags.command
    ? { kind: 'command', command: flags.command }
    : { kind: 'announced', announce: (text) => io.stdout.write(`${text}\n`) };
  const abort = new AbortController();
  const live = new Set<BuyerProcess>();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr.write(
        '\nlso-harness: interrupted; stopping the Buyer and writing reports (Ctrl-C again to quit at once)\n',
      );
      abort.abort();
    } else {
      // Quitting at once: the Buyers we started (each in its own process group) go too.
      for (const buyer of live) buyer.kill();
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  try {
    const result = await runBuyerScenarios({
      env: {
        spec,
        clock,
        hub,
        products: new ProductSchemaRegistry(),
        client,
        ids,
        driver,
        runId: randomUUID(),
        signal: abort.signal,
        disabledChecks: new Set(options.skipChecks),
        startupGraceMs: flags.startupMs,
        pollRealMs: 20,
        live,
      },
      scenarios: plan,
      // A person has one URL and one pair of hands: one scenario at a time.
      concurrency: flags.command ? options.concurrency : 1,
      reporters: createReporters(options.reporters, {
        stream: io.stdout,
        reportDir: options.reportDir,
        ...(options.color === false ? { color: false } : {}),
      }),
      catalogue: REQUIREMENT_CATALOGUE.filter((r) => binds(r, 'Buyer')),
      ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
      options: {
        role: 'buyer',
        paths: options.paths,
        tags: options.tags,
        grep: options.grep?.source,
        requirements: options.requirements,
        buyerCommand: flags.command,
        buyerStartupMs: flags.startupMs,
        concurrency: flags.command ? options.concurrency : 1,
        timeScale: options.timeScale,
      },
    });
    for (const e of result.errors) io.stderr.write(`lso-harness: ${e}\n`);
    return exitCodeOf(result);
  } finally {
    process.off('SIGINT', onSignal);
    client.close();
    await hub.close();
  }
}
