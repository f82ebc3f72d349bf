import type { Command } from 'commander';
import { DEFAULT_PROFILE, startSeller } from '../../emulators/seller';
import { loadProfileFile } from '../../emulators/seller/profile/load-profile';
import { ScaledClock } from '../clock';
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersionId, loadApiSpec, type ApiVersionId } from '../spec';
import { hostProblem } from './check-options';
import { EXIT, UsageError } from './exit-codes';
import type { CliIo } from './main';
import { formatSourceProblem } from '../util/yaml-source';
import { KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { OAUTH_TOKEN_PATH } from '../../emulators/seller/http/auth';

interface SellerCliOptions {
  port: string;
  host: string;
  api: string;
  profile?: string;
  timeScale: string;
  controlApi?: boolean;
}

export function registerSellerCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('seller')
    .description('Serve the Seller emulator: a stateful, spec-exact Seller for a Buyer under test')
    .option('-p, --port <n>', 'port to listen on (0 = any free port)', '0')
    .option('--host <addr>', 'address to bind (loopback unless you mean otherwise)', '127.0.0.1')
    .option('--api <version>', `API variant: ${API_VERSIONS.join(', ')}`, DEFAULT_API_VERSION)
    .option('--profile <file>', 'behaviour profile (YAML): capabilities, timings, outcome rules, faults')
    .option(
      '--control-api',
      'serve the control API under /_lso/control (a back office anyone reaching the port can drive: off by default)',
    )
    .option(
      '--time-scale <n>',
      'run the Seller clock n times faster than real time (3600 = an hour a second)',
      '1',
    )
    .addHelpText(
      'after',
      `
Prints one line with the base URL, e.g.
  lso-harness seller: listening on http://127.0.0.1:8080/mefApi/sonata/productOrderingManagement/v11
Point your Buyer at that URL. Orders whose externalId starts with REJECT, FAIL, PARTIAL, CHARGE,
MILESTONE, SELLERCANCEL or HOLD take those paths (see docs/SELLER-EMULATOR.md). A profile with
auth: { mode: oauth2 } also serves an OAuth2 token endpoint at /_lso/oauth/token. Stop with Ctrl-C.`,
    )
    .action(async (opts: SellerCliOptions) => {
      // Every flag problem at once, before anything listens.
      const problems: string[] = [];
      const port = opts.port.trim() === '' ? NaN : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        problems.push(`--port must be 0..65535, got '${opts.port}'`);
      if (!isApiVersionId(opts.api))
        problems.push(`--api must be one of ${API_VERSIONS.join(', ')}, got '${opts.api}'`);
      const scale = Number(opts.timeScale);
      if (!(scale > 0) || !Number.isFinite(scale))
        problems.push(`--time-scale must be a positive number, got '${opts.timeScale}'`);
      const host = hostProblem(opts.host, '--host');
      if (host) problems.push(host);
      if (problems.length > 0) throw new UsageError('invalid options', problems);
      const api = opts.api as ApiVersionId;
      let profile;
      if (opts.profile) {
        const loaded = loadProfileFile(opts.profile, KNOWN_FAULTS);
        if (!loaded.profile)
          throw new UsageError(`invalid profile ${opts.profile}`, loaded.problems.map(formatSourceProblem));
        profile = loaded.profile;
      }
      if (opts.controlApi) profile = { ...(profile ?? DEFAULT_PROFILE), controlApi: true };
      const spec = await loadApiSpec(api);
      const server = await startSeller({
        spec,
        clock: new ScaledClock(scale),
        host: opts.host,
        port,
        ...(profile ? { profile } : {}),
        log: (line) => io.stderr.write(`${line}\n`),
      }).catch((e: unknown) => {
        // A port in use, an address this machine does not have: the user's to fix (exit 2), not a crash.
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && /^(EADDRINUSE|EACCES|EADDRNOTAVAIL|ENOTFOUND|EAI_AGAIN)$/.test(code))
          throw new UsageError(`cannot listen on ${opts.host}:${port}: ${code}`);
        throw e;
      });
      io.stdout.write(`lso-harness seller: listening on ${server.url}\n`);
      // The contract is one line on stdout; how to authenticate goes to stderr.
      const mode = server.emulator.context.profile.auth.mode;
      if (mode === 'oauth2')
        io.stderr.write(
          `lso-harness seller: requires OAuth2 client credentials; token endpoint ${server.origin}${OAUTH_TOKEN_PATH}\n`,
        );
      else if (mode === 'bearer')
        io.stderr.write('lso-harness seller: requires a bearer token from the profile (auth.tokens)\n');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      setExit(EXIT.ok);
    });
}
