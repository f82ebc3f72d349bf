import type { Command } from 'commander';
import * as readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { createHttpClient, createIdGenerator } from '../../emulators/buyer';
import { KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { loadProfileFile } from '../../emulators/seller/profile/load-profile';
import { ALL_CAPABILITIES, type Capability } from '../capabilities';
import { ScaledClock } from '../clock';
import { createReporters, REPORTER_NAMES } from '../report';
import { startEmbeddedTarget, type EmbeddedTarget } from '../run/embedded-target';
import { runScenarios } from '../run/run-scenarios';
import { planScenarios } from '../run/plan';
import { selectShard } from '../run/shard';
import { loadScenarioFiles, formatProblem } from '../scenario';
import { API_VERSIONS, loadApiSpec } from '../spec';
import { formatSourceProblem } from '../util/yaml-source';
import { binds, REQUIREMENT_CATALOGUE } from '../requirements';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';
import { parseRunOptions, type RawRunOptions } from './run-options';
import { exitCodeOf } from './exit-code-of';
import { setUpRunAuth } from './run-auth';
import { addCredentialOptions } from './run-credentials';
import { roleOf, runBuyer, type RawBuyerFlags } from './run-buyer';

function promptOnTerminal(io: CliIo): (message: string, timeoutMs?: number) => Promise<boolean> {
  return (message, timeoutMs) =>
    new Promise((resolve) => {
      if (!process.stdin.isTTY) return resolve(false);
      const rl = readline.createInterface({ input: process.stdin, output: io.stderr });
      const timer = timeoutMs ? setTimeout(() => (rl.close(), resolve(false)), timeoutMs) : undefined;
      rl.question(`\n>>> ${message}\n    Press Enter when done. `, () => {
        if (timer) clearTimeout(timer);
        rl.close();
        resolve(true);
      });
    });
}

export function registerRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  const run = program
    .command('run')
    .description(
      'Run scenarios against a Seller (default: the embedded Seller emulator) and report conformance',
    )
    .argument('[paths...]', 'scenario files or folders (default: the built-in catalog)')
    .option('-t, --target <url>', 'base URL of the Seller API, up to and without /productOrder')
    .option(
      '--api <version>',
      `API variant (${API_VERSIONS.join(', ')}); default: from the target path, else sonata-v11`,
    )
    .option(
      '--capabilities <list>',
      `optional bundles the Seller supports: ${ALL_CAPABILITIES.join(', ')}, all or none`,
    )
    .option('--tag <tag>', 'only scenarios with this tag (repeatable)', collect)
    .option('--grep <regex>', 'only scenarios whose id or title matches')
    .option('--requirement <id>', 'only scenarios covering this requirement, e.g. R17 (repeatable)', collect)
    .option('--reporter <list>', `reporters: ${REPORTER_NAMES.join(', ')}`, 'console,json,junit,html')
    .option('--report-dir <dir>', 'where results.json, junit.xml and report.html go', 'reports')
    .option('--callback-url <url>', 'URL at which the Seller reaches the harness listener (NAT, containers)')
    .option('--listen-host <addr>', 'address the notification listener binds', '127.0.0.1')
    .option('--listen-port <n>', 'port of the notification listener (0 = any free port)', '0')
    .option('--timeout <duration>', 'per-request timeout (real time)', '30s')
    .option('--concurrency <n>', 'scenarios run at once', '4')
    .option(
      '--time-scale <n>',
      `clock speed-up (embedded default ${36_000}, i.e. 10 h per second; 1 against a real Seller)`,
    )
    .option('--seller-profile <file>', 'behaviour profile for the embedded Seller emulator')
    .option('--skip-check <name>', 'switch a check off (repeatable)', collect)
    .option(
      '--fixtures <dir|file>',
      'extra fixture folder, searched before the built-in one, or an overrides file; an overrides.yaml in a folder patches every fixture (repeatable)',
      collect,
    )
    .option(
      '--shard <i/n>',
      'run only shard i of n (deterministic split by scenario id; merge with merge-reports)',
    )
    .option('--role <role>', 'who is under test: seller (default) or buyer (the harness plays the Seller)')
    .option(
      '--buyer-command <cmd>',
      'with --role buyer: command starting the Buyer under test, once per scenario (LSO_SELLER_URL in its environment)',
    )
    .option(
      '--buyer-startup <duration>',
      'with --role buyer: real time the Buyer has to send its first request (default 30s; 10m without a command)',
    )
    .option('--no-color', 'no colours on the console (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Without --target the embedded Seller emulator is started on a free loopback port, with every optional
capability, on a clock ${36_000}x faster than real time. Secrets never go on the command line: put a
bearer token in LSO_HARNESS_TOKEN (or --token-env NAME / --token-file FILE), an OAuth2 client secret in
--oauth2-client-secret-env NAME (or --oauth2-client-secret-file FILE).

Examples:
  $ lso-harness run
  $ lso-harness run --target https://seller.example/mefApi/sonata/productOrderingManagement/v11 \\
      --capabilities cancel,notifications --callback-url https://buyer.example:8443
  $ lso-harness run scenarios/order --tag smoke --reporter console,junit
  $ lso-harness run --target https://seller.example/mefApi/sonata/productOrderingManagement/v11 \\
      --oauth2-token-url https://auth.seller.example/token --oauth2-client-id buyer-42 \\
      --oauth2-client-secret-env SELLER_SECRET --ca seller-ca.pem
  $ lso-harness run --seller-profile scenarios/profiles/auth-oauth2.yaml   (the catalog, authenticated)
  $ lso-harness run --role buyer --buyer-command "node bin/lso-harness.js buyer"   (test a Buyer)`,
    )
    .action(async (paths: string[], raw: RawRunOptions & RawBuyerFlags) => {
      setExit(await runCommand(paths, raw, io));
    });
  // Bearer token, OAuth2 client credentials, TLS material, the listener's token (run-credentials.ts).
  addCredentialOptions(run);
}

async function runCommand(paths: string[], raw: RawRunOptions & RawBuyerFlags, io: CliIo): Promise<number> {
  if (roleOf(raw) === 'buyer') return runBuyer(paths, raw, io);
  const options = parseRunOptions(paths, raw);
  const loaded = await loadScenarioFiles(options.paths, { fixtureRoots: options.fixtureRoots });
  if (loaded.problems.length > 0) {
    throw new UsageError(
      `${loaded.problems.length} problem(s) in the scenario files; nothing ran`,
      loaded.problems.map(formatProblem),
    );
  }
  let profile;
  if (options.sellerProfile) {
    const p = loadProfileFile(options.sellerProfile, KNOWN_FAULTS);
    if (!p.profile)
      throw new UsageError(`invalid profile ${options.sellerProfile}`, p.problems.map(formatSourceProblem));
    profile = p.profile;
  }
  let seller: EmbeddedTarget | undefined;
  const setup = setUpRunAuth(options.credentials, {
    embedded: !options.target,
    ...(profile ? { profile } : {}),
    timeoutMs: options.timeoutMs,
    embeddedOrigin: () => seller?.seller.origin,
    warn: (line) => io.stderr.write(`${line}\n`),
  });
  profile = setup.profile;
  // Read live by the redactors: an OAuth2 access token fetched during the run joins it on arrival.
  const secrets = setup.secrets;
  const spec = await loadApiSpec(options.api);
  const clock = new ScaledClock(options.timeScale);
  const ids = createIdGenerator('ex');
  const client = createHttpClient({
    timeoutMs: options.timeoutMs,
    secrets,
    ids,
    clock,
    ...(setup.provider ? { auth: setup.provider } : {}),
    ...(setup.tls ? { tls: setup.tls } : {}),
  });
  let capabilities: readonly Capability[];
  let targetUrl: string;
  if (options.target) {
    targetUrl = options.target.replace(/\/+$/, '');
    capabilities = options.capabilities ?? setup.targetCapabilities;
  } else {
    seller = await startEmbeddedTarget({ spec, clock, client, ...(profile ? { profile } : {}) });
    targetUrl = seller.url;
    capabilities = options.capabilities ?? seller.capabilities;
  }
  const filtered = planScenarios(
    loaded.scenarios.filter((s) => s.role === 'seller'),
    options,
  );
  const plan = options.shard ? selectShard(filtered, options.shard) : filtered;
  if (filtered.length === 0) {
    await seller?.close();
    throw new UsageError(
      loaded.scenarios.some((s) => s.role === 'buyer') && !loaded.scenarios.some((s) => s.role === 'seller')
        ? 'these are Buyer scenarios (role: buyer): run them with --role buyer'
        : 'no scenario matches the filters (--tag, --grep, --requirement)',
    );
  }
  // An empty shard (more shards than scenarios) runs nothing and reports an empty, passing result.
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr.write(
        '\nlso-harness: interrupted; finishing in-flight steps and writing reports (Ctrl-C again to quit at once)\n',
      );
      abort.abort();
    } else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  try {
    const result = await runScenarios({
      scenarios: plan,
      spec,
      targetUrl,
      embedded: seller !== undefined,
      client,
      ids,
      clock,
      capabilities,
      ...(seller ? { control: seller.control } : {}),
      concurrency: options.concurrency,
      reporters: createReporters(options.reporters, {
        stream: io.stdout,
        reportDir: options.reportDir,
        secrets,
        ...(options.color === false ? { color: false } : {}),
      }),
      listener: {
        host: options.listenHost,
        port: options.listenPort,
        ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
        ...(setup.listenerToken ? { auth: { token: setup.listenerToken } } : {}),
      },
      ci: process.env['CI'] === 'true' || process.env['CI'] === '1',
      prompt: promptOnTerminal(io),
      disabledChecks: options.skipChecks,
      secrets,
      signal: abort.signal,
      // A Seller under test is judged on the requirements that bind a Seller.
      catalogue: REQUIREMENT_CATALOGUE.filter((r) => binds(r, 'Seller')),
      runId: randomUUID(),
      ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
      options: {
        paths: options.paths,
        tags: options.tags,
        grep: options.grep?.source,
        requirements: options.requirements,
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        timeScale: options.timeScale,
        sellerProfile: options.sellerProfile,
        callbackUrl: options.callbackUrl,
        ...setup.manifest,
      },
    });
    for (const e of result.errors) io.stderr.write(`lso-harness: ${e}\n`);
    return exitCodeOf(result);
  } finally {
    process.off('SIGINT', onSignal);
    client.close();
    setup.close();
    await seller?.close();
  }
}

export { EXIT };
