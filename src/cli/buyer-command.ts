import type { Command } from 'commander';
import * as path from 'node:path';
import {
  BUYER_FAULT_NAMES,
  isBuyerFault,
  readOrderFixture,
  runReferenceBuyer,
  type BuyerFault,
  type ChargePolicy,
  type ReferenceBuyerTask,
} from '../../emulators/buyer/reference';
import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  inferApiVersion,
  isApiVersionId,
  loadApiSpec,
  type ApiVersionId,
} from '../spec';
import { parseDuration } from '../util/duration';
import { packageRoot } from '../util/package-root';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';

interface BuyerCliOptions {
  seller?: string;
  fixture?: string;
  api?: string;
  chargePolicy: string;
  task?: string;
  listenHost: string;
  listenPort: string;
  callbackUrl?: string;
  timeout: string;
  requestTimeout: string;
  pollEvery: string;
  buyerId?: string;
  tokenEnv?: string;
  fault?: string[];
}

const POLICIES: readonly ChargePolicy[] = ['accept', 'decline', 'ignore'];
const TASKS: readonly ReferenceBuyerTask[] = ['order', 'cancel', 'modify-date', 'update'];

export const DEFAULT_BUYER_FIXTURE = path.join(
  'scenarios',
  'fixtures',
  'orders',
  'buyer',
  'uni-install.json',
);

interface Parsed {
  readonly seller: string;
  readonly api: ApiVersionId;
  readonly fixture: string;
  readonly policy: ChargePolicy;
  readonly task: ReferenceBuyerTask;
  readonly port: number;
  readonly timeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly pollEveryMs: number;
  readonly faults: BuyerFault[];
  readonly token?: string;
}

/** Every flag checked at once; the environment of a `--buyer-command` fills what is not given. */
function parse(opts: BuyerCliOptions, env: NodeJS.ProcessEnv): Parsed {
  const problems: string[] = [];
  const seller = opts.seller ?? env['LSO_SELLER_URL'] ?? '';
  if (!seller) problems.push('--seller <url> is required (or LSO_SELLER_URL in the environment)');
  else if (!URL.canParse(seller) || !/^https?:$/.test(new URL(seller).protocol))
    problems.push(`--seller must be an absolute http(s) URL, got '${seller}'`);
  const apiText = opts.api ?? env['LSO_API_VERSION'] ?? inferApiVersion(seller) ?? DEFAULT_API_VERSION;
  if (!isApiVersionId(apiText))
    problems.push(`--api must be one of ${API_VERSIONS.join(', ')}, got '${apiText}'`);
  const policy = opts.chargePolicy as ChargePolicy;
  if (!POLICIES.includes(policy))
    problems.push(`--charge-policy must be ${POLICIES.join(', ')}, got '${opts.chargePolicy}'`);
  const task = (opts.task ?? env['LSO_BUYER_TASK'] ?? 'order') as ReferenceBuyerTask;
  if (!TASKS.includes(task)) problems.push(`--task must be ${TASKS.join(', ')}, got '${task}'`);
  const port = Number(opts.listenPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`--listen-port must be 0..65535, got '${opts.listenPort}'`);
  if (opts.callbackUrl !== undefined && !URL.canParse(opts.callbackUrl))
    problems.push(`--callback-url must be an absolute URL, got '${opts.callbackUrl}'`);
  const duration = (flag: string, text: string): number => {
    const d = parseDuration(text);
    if (d.ok && d.ms > 0) return d.ms;
    problems.push(`${flag}: ${d.ok ? 'must be positive' : d.error}`);
    return 1;
  };
  const timeoutMs = duration('--timeout', opts.timeout);
  const requestTimeoutMs = duration('--request-timeout', opts.requestTimeout);
  const pollEveryMs = duration('--poll-every', opts.pollEvery);
  const faults: BuyerFault[] = [];
  for (const f of opts.fault ?? []) {
    if (isBuyerFault(f)) faults.push(f);
    else problems.push(`unknown --fault '${f}'; known: ${BUYER_FAULT_NAMES.join(', ')}`);
  }
  const tokenName = opts.tokenEnv ?? 'LSO_HARNESS_TOKEN';
  const token = env[tokenName];
  if (opts.tokenEnv && !token) problems.push(`--token-env ${tokenName}: the variable is empty or not set`);
  if (problems.length > 0) throw new UsageError('invalid options', problems);
  return {
    seller,
    api: apiText as ApiVersionId,
    fixture: path.resolve(opts.fixture ?? path.join(packageRoot(), DEFAULT_BUYER_FIXTURE)),
    policy,
    task,
    port,
    timeoutMs,
    requestTimeoutMs,
    pollEveryMs,
    faults,
    ...(token ? { token } : {}),
  };
}

export function registerBuyerCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  program
    .command('buyer')
    .description('The reference Buyer: place an order at a Seller, follow it to the end, print what happened')
    .option(
      '--seller <url>',
      'base URL of the Seller API, up to and without /productOrder (default: LSO_SELLER_URL)',
    )
    .option('--fixture <file>', `the order to place, JSON or YAML (default: ${DEFAULT_BUYER_FIXTURE})`)
    .option('--api <version>', `API variant (${API_VERSIONS.join(', ')}); default: from the Seller URL`)
    .option('--charge-policy <policy>', 'answer to a charge: accept, decline or ignore', 'accept')
    .option(
      '--task <task>',
      'order (default; LSO_BUYER_TASK), or once the order is inProgress: cancel, modify-date or update (add a note)',
    )
    .option('--listen-host <addr>', 'address the notification listener binds', '127.0.0.1')
    .option('--listen-port <n>', 'port of the notification listener (0 = any free port)', '0')
    .option('--callback-url <url>', 'URL at which the Seller reaches the listener (NAT, containers)')
    .option('--timeout <duration>', 'how long to follow the order (real time)', '10m')
    .option('--request-timeout <duration>', 'per-request timeout', '30s')
    .option('--poll-every <duration>', 'retrieve the order after this long without an event', '10s')
    .option('--buyer-id <id>', 'send buyerId on every request (a requester acting for several Buyers, R2)')
    .option(
      '--token-env <name>',
      'environment variable with a bearer token for the Seller (default LSO_HARNESS_TOKEN)',
    )
    .option(
      '--fault <name>',
      `a deliberate mistake, for testing (repeatable): ${BUYER_FAULT_NAMES.join(', ')}`,
      collect,
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 the order reached a terminal state (completed, failed, partial, cancelled, rejected);
1 it did not (refused, timed out, stopped); 2 bad usage.

As the Buyer under test of buyer-testing mode:
  $ lso-harness run --role buyer --buyer-command "node bin/lso-harness.js buyer"
Against a Seller:
  $ lso-harness buyer --seller https://seller.example/mefApi/sonata/productOrderingManagement/v11 \\
      --callback-url https://buyer.example:8443 --listen-host 0.0.0.0 --listen-port 8443`,
    )
    .action(async (opts: BuyerCliOptions) => {
      const p = parse(opts, process.env);
      const fixture = readOrderFixture(p.fixture);
      if (!fixture.order) throw new UsageError(fixture.error ?? `cannot read ${p.fixture}`);
      const spec = await loadApiSpec(p.api);
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const log = (line: string): void => void io.stdout.write(`${line}\n`);
      log(
        `lso-harness buyer · ${p.api} · Seller ${p.seller} · task ${p.task} · charges: ${p.policy}${p.faults.length ? ` · faults: ${p.faults.join(', ')}` : ''}`,
      );
      try {
        const result = await runReferenceBuyer({
          sellerUrl: p.seller,
          spec,
          order: fixture.order,
          chargePolicy: p.policy,
          task: p.task,
          listen: {
            host: opts.listenHost,
            port: p.port,
            ...(opts.callbackUrl ? { callbackUrl: opts.callbackUrl } : {}),
          },
          timeoutMs: p.timeoutMs,
          requestTimeoutMs: p.requestTimeoutMs,
          pollEveryMs: p.pollEveryMs,
          faults: p.faults,
          ...(p.token
            ? { auth: { headers: () => Promise.resolve({ authorization: `Bearer ${p.token}` }) } }
            : {}),
          ...(opts.buyerId ? { buyerId: opts.buyerId } : {}),
          signal: abort.signal,
          log,
        });
        setExit(result.terminal ? EXIT.ok : EXIT.nonConformant);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
