import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startBrokenSeller, type BrokenSeller } from '../support/broken-seller';
import { runBin, tempDir } from '../support/run-bin';

interface Results {
  status: string;
  summary: {
    total: number;
    passed: number;
    failed: number;
    errored: number;
    skipped: number;
    notApplicable: number;
  };
  scenarios: {
    id: string;
    status: string;
    steps: { findings: { code: string }[] }[];
    findings: { code: string }[];
  }[];
  requirements: { id: string; verdict: string }[];
}

function readResults(dir: string): Results {
  return JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
}

function findingCodes(r: Results): string[] {
  return r.scenarios.flatMap((s) =>
    [...s.findings, ...s.steps.flatMap((st) => st.findings)].map((f) => f.code),
  );
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('lso-harness run (end to end through bin/)', () => {
  test('exit 0 against the embedded Seller; the three reports agree', async () => {
    const dir = tempDir('lso-run-ok-');
    const r = await runBin(['run', '--report-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Result\s+PASSED/);
    const results = readResults(dir);
    expect(results.status).toBe('passed');
    expect(results.summary.failed).toBe(0);
    expect(results.summary.passed).toBeGreaterThanOrEqual(5);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8'),
    ) as {
      testsuites: {
        testsuite: { '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string };
      };
    };
    const suite = xml.testsuites.testsuite;
    expect(Number(suite['@_tests'])).toBe(results.summary.total);
    expect(Number(suite['@_failures'])).toBe(results.summary.failed);
    expect(Number(suite['@_errors'])).toBe(results.summary.errored);
    expect(Number(suite['@_skipped'])).toBe(results.summary.skipped + results.summary.notApplicable);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('PASSED');
  });

  describe('exit 1: deliberately broken Sellers are caught', () => {
    let seller: BrokenSeller | undefined;
    afterEach(async () => seller?.close());

    const cases: [string, Parameters<typeof startBrokenSeller>[0], string][] = [
      [
        'no sellerContact on create (R18)',
        {
          mutate: (body, req) => {
            const b = body as { relatedContactInformation?: { role: string }[] };
            if (req.method === 'POST' && req.path.endsWith('/productOrder') && b.relatedContactInformation) {
              b.relatedContactInformation = b.relatedContactInformation.filter(
                (c) => c.role !== 'sellerContact',
              );
            }
            return b;
          },
        },
        'create.noSellerContact',
      ],
      [
        'list ignores the externalId filter (R60)',
        {
          before: (req, _res, next) => {
            if (req.method === 'GET' && req.path.endsWith('/productOrder')) {
              req.url = req.url.replace(/externalId=[^&]*&?/, '');
            }
            next();
          },
        },
        'expect.count',
      ],
      [
        'retrieve answers text/html',
        {
          mutate: (body, req, res) => {
            if (req.method === 'GET' && /\/productOrder\/[^/]+$/.test(req.path))
              res.setHeader('content-type', 'text/html');
            return body;
          },
        },
        'contentType.notJson',
      ],
      [
        'retrieve returns another order id (R19)',
        {
          mutate: (body, req) => {
            if (req.method === 'GET' && /\/productOrder\/[^/]+$/.test(req.path))
              return { ...(body as object), id: 'someone-else' };
            return body;
          },
        },
        'id.changed',
      ],
    ];

    test.each(cases)('%s', async (_name, options, code) => {
      seller = await startBrokenSeller(options);
      const dir = tempDir('lso-run-broken-');
      const r = await runBin(['run', '--target', seller.url, '--time-scale', '36000', '--report-dir', dir]);
      expect(r.code).toBe(1);
      const results = readResults(dir);
      expect(results.status).toBe('failed');
      expect(findingCodes(results)).toContain(code);
      expect(results.requirements.some((q) => q.verdict === 'nonConformant' || q.verdict === 'partial')).toBe(
        true,
      );
    });
  });

  test('exit 2: a malformed scenario names file:line:col, and nothing runs', async () => {
    const dir = tempDir('lso-run-bad-');
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'id: X-1\ntitle: t\nsteps:\n  - request: { op: noSuchOperation }\n');
    const r = await runBin(['run', file, '--report-dir', path.join(dir, 'reports')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+/);
    expect(fs.existsSync(path.join(dir, 'reports', 'results.json'))).toBe(false);
  });

  test('exit 2: bad options are all reported at once', async () => {
    const r = await runBin([
      'run',
      '--reporter',
      'console,bogus',
      '--concurrency',
      '0',
      '--api',
      'sonata-v99',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bogus/);
    expect(r.stderr).toMatch(/--concurrency/);
    expect(r.stderr).toMatch(/--api/);
  });

  test('exit 3: nothing answers at the target; reports are still written', async () => {
    const port = await closedPort();
    const dir = tempDir('lso-run-down-');
    const r = await runBin([
      'run',
      '--target',
      `http://127.0.0.1:${port}/mefApi/sonata/productOrderingManagement/v11`,
      '--report-dir',
      dir,
    ]);
    expect(r.code).toBe(3);
    const results = readResults(dir);
    expect(results.summary.errored).toBeGreaterThan(0);
    expect(findingCodes(results)).toContain('transport.connectionRefused');
    expect(fs.existsSync(path.join(dir, 'junit.xml'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'report.html'))).toBe(true);
  });
});
