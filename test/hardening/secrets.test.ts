/**
 * Secrets (issue "Hardening", item 5). A run through bin/ with a known bearer token, from the
 * environment and from a file, against a Seller that echoes it back in every way it can (headers, a
 * cookie, JSON bodies, an order id, a redirect URL; raw, URL-encoded, base64): stdout, stderr,
 * results.json, junit.xml and report.html (whose curl lines replay requests) must hold the token in no
 * form. And no help text or documented example puts a secret on the command line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEchoSeller, type EchoSeller } from './support/echo-seller';
import { HARDENING_FIXTURES, readReports, ROOT, runHarness, tempDir } from './support/harness-process';

// Characters that differ between raw, URL-encoded, base64 and base64url forms: + / = ~ .
const ENV_SECRET = 'lsoEnv-s3cr3t/T0k+en~A.0123456789abcdef==';
const FILE_SECRET = 'lsoFile-0therT0k/en+Z~x.fedcba9876543210==';

function forms(secret: string): Record<string, string> {
  return {
    raw: secret,
    urlEncoded: encodeURIComponent(secret),
    formEncoded: new URLSearchParams({ x: secret }).toString().slice(2),
    base64: Buffer.from(secret).toString('base64'),
    base64url: Buffer.from(secret).toString('base64url'),
    bearerBase64: Buffer.from(`Bearer ${secret}`).toString('base64'),
    jsonEscaped: JSON.stringify(secret).slice(1, -1),
  };
}

/** Every (output, form) pair in which a secret shows up. */
function leaks(outputs: Record<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets)
    for (const [form, needle] of Object.entries(forms(secret)))
      for (const [name, text] of Object.entries(outputs))
        if (text.includes(needle)) found.push(`${name} holds the ${form} form of ${secret.slice(0, 8)}…`);
  return found;
}

describe('a known secret appears in no output', () => {
  let seller: EchoSeller;
  beforeAll(async () => {
    seller = await startEchoSeller();
  });
  afterAll(() => seller.close());

  const runWith = async (how: 'env' | 'file') => {
    const dir = tempDir(`lso-secrets-${how}-`);
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, `${FILE_SECRET}\n`, { mode: 0o600 });
    const reports = path.join(dir, 'reports');
    const out = await runHarness(
      [
        'run',
        path.join(HARDENING_FIXTURES, 'safe.yaml'),
        path.join(HARDENING_FIXTURES, 'hit-request.yaml'),
        '--fixtures',
        path.join(HARDENING_FIXTURES, 'fixtures'),
        '--target',
        seller.url,
        '--time-scale',
        '36000',
        '--report-dir',
        reports,
        ...(how === 'file' ? ['--token-file', tokenFile] : []),
      ],
      {
        env: how === 'env' ? { LSO_HARNESS_TOKEN: ENV_SECRET } : { LSO_HARNESS_TOKEN: '' },
        killAfterMs: 60_000,
      },
    );
    return { out, reports };
  };

  test.each(['env', 'file'] as const)(
    'token from %s',
    async (how) => {
      const { out, reports } = await runWith(how);
      const secret = how === 'env' ? ENV_SECRET : FILE_SECRET;
      // The run used the token, the Seller echoed it, and the run judged what came back.
      expect(seller.seen.has(secret)).toBe(true);
      expect(out.code).toBe(1);
      const { results, texts } = readReports(reports);
      expect(results.summary.failed).toBeGreaterThan(0);
      expect(texts.html).toContain('curl -X');
      expect(texts.html).toMatch(/authorization: \*\*\*|Bearer \*\*\*/i);

      const outputs: Record<string, string> = {
        stdout: out.stdout,
        stderr: out.stderr,
        ...Object.fromEntries(
          fs.readdirSync(reports).map((f) => [f, fs.readFileSync(path.join(reports, f), 'utf8')]),
        ),
      };
      expect(Object.keys(outputs).sort()).toEqual([
        'junit.xml',
        'report.html',
        'results.json',
        'stderr',
        'stdout',
      ]);
      expect(leaks(outputs, [ENV_SECRET, FILE_SECRET])).toEqual([]);
      // The echoes are there, masked: evidence kept, secret gone.
      expect(texts.json).toMatch(/"x-echo-token": "\*\*\*"/);
      expect(texts.json).toMatch(/access_token=\*\*\*/);
    },
    90_000,
  );
});

describe('no secret on the command line in help texts and documented examples', () => {
  const SECRET_ON_COMMAND_LINE = [
    /--token(?![-\w])\s+\S/, // a flag taking the token itself
    /--(?:oauth2-)?client-secret(?![-\w])[\s=]+\S/,
    /--password(?![-\w])/,
    /Bearer\s+(?!\*\*\*|…|\.\.\.|<)[A-Za-z0-9._~+/-]{6,}/,
    /\b[A-Z_]*(?:TOKEN|SECRET|PASSWORD)=(?!\s|$|\$|<|"\$)\S+\s+(?:npx\s+)?lso-harness\b/, // VAR=value lso-harness …
  ];

  const commandLines = (text: string): string[] =>
    text.split('\n').filter((l) => /lso-harness\s|^\s*\$\s/.test(l) || /^\s+--[a-z]/.test(l));

  test('help of every command', async () => {
    const offending: string[] = [];
    for (const command of [[], ['run'], ['seller'], ['validate'], ['list']]) {
      const out = await runHarness([...command, '--help']);
      expect(out.code).toBe(0);
      for (const line of commandLines(out.stdout))
        if (SECRET_ON_COMMAND_LINE.some((re) => re.test(line)))
          offending.push(`${command.join(' ')} --help: ${line}`);
    }
    expect(offending).toEqual([]);
  }, 90_000);

  test('README and docs', () => {
    const docs = [
      path.join(ROOT, 'README.md'),
      ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => path.join(ROOT, 'docs', f)),
    ].filter((f) => f.endsWith('.md'));
    const offending: string[] = [];
    for (const file of docs)
      for (const line of commandLines(fs.readFileSync(file, 'utf8')))
        if (SECRET_ON_COMMAND_LINE.some((re) => re.test(line)))
          offending.push(`${path.relative(ROOT, file)}: ${line}`);
    expect(offending).toEqual([]);
  });
});
