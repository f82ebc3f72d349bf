/**
 * The HTML report as a person sees it, in headless Chromium: the verdict, the requirement table and a
 * failing step's evidence must be visible without clicking, and the page must work without network.
 * Chromium comes from the Debian package; the test fails (never skips) when it is missing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeFileAtomic, writeHtml } from '../../src/report';
import {
  failedScenario,
  notApplicableScenario,
  passedScenario,
  runResult,
  skippedScenario,
} from './sample-results';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install the Debian chromium package (apt-get update && apt-get install -y chromium)`,
    );
  }
  dir = await mkdtemp(path.join(tmpdir(), 'lso-report-'));
  const file = path.join(dir, 'report.html');
  const result = runResult([passedScenario(), failedScenario(), skippedScenario(), notApplicableScenario()]);
  await writeFileAtomic(file, writeHtml(result));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Self-contained means no request leaves the page.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(file).href);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the verdict is the first thing on the page, big and red', async () => {
  const verdict = page.locator('.verdict');
  expect(await verdict.innerText()).toBe('FAILED');
  // tsconfig has no DOM lib; the page's window is typed as much as this test needs.
  const style = await verdict.evaluate((el) => {
    const win = globalThis as unknown as {
      getComputedStyle(e: unknown): { fontSize: string; backgroundColor: string };
    };
    return {
      size: parseFloat(win.getComputedStyle(el).fontSize),
      bg: win.getComputedStyle(el.parentElement).backgroundColor,
    };
  });
  expect(style.size).toBeGreaterThanOrEqual(32);
  expect(style.bg).toBe('rgb(207, 34, 46)');
  const meta = await page.locator('dl.meta').innerText();
  expect(meta).toContain('sonata-v11');
  expect(meta).toContain('notifications, charges');
  expect(meta).toMatch(/Duration\s+1m06s/);
});

test('the requirement table shows each verdict label', async () => {
  const rows = page.locator('table.requirements tbody tr');
  const seen: Record<string, string> = {};
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allInnerTexts();
    seen[cells[0]!] = cells[2]!;
  }
  expect(seen).toEqual({
    CR2: 'not applicable',
    R10: 'conformant',
    R17: 'non-conformant',
    R18: 'non-conformant',
    R19: 'partial',
    R40: 'not tested',
  });
  const r17 = await page.locator('tr[data-requirement="R17"]').innerText();
  expect(r17).toContain('Requirement R17 in our own words');
  expect(r17).toContain('PO-CREATE-002');
});

test("a failing step's evidence is visible without clicking", async () => {
  const failing = page.locator('#scenario-PO-CREATE-002');
  const text = await failing.innerText();
  expect(text).toContain('expected status 201, got 400');
  expect(text).toContain('status.unexpected');
  expect(text).toContain('R17, R18');
  expect(text).toContain(
    'POST https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder',
  );
  expect(await failing.locator('.response .status').first().innerText()).toBe('400');
  const curl = failing.locator('pre.curl').first();
  expect(await curl.isVisible()).toBe(true);
  expect(await curl.innerText()).toBe(
    "curl -X POST 'https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder' " +
      "-H 'content-type: application/json' -H 'accept: application/json' " +
      `--data-binary '{"externalId":"O'\\''Brien-001","productOrderItem":[{"id":"1","action":"add"}]}'`,
  );
  // Passing scenarios stay folded.
  expect(await page.locator('#scenario-PO-CREATE-001 .exchange').first().isVisible()).toBe(false);
});

test('a requirement links to its scenario, and "only problems" hides the rest', async () => {
  await page.locator('tr[data-requirement="R17"] a').first().click();
  expect(page.url()).toMatch(/#scenario-PO-CREATE-002$/);
  expect(await page.locator('#scenario-PO-CREATE-001').isVisible()).toBe(true);
  await page.locator('#only-problems').check();
  expect(await page.locator('#scenario-PO-CREATE-001').isVisible()).toBe(false);
  expect(await page.locator('tr[data-requirement="CR2"]').isVisible()).toBe(false);
  expect(await page.locator('#scenario-PO-CREATE-002').isVisible()).toBe(true);
  await page.locator('#only-problems').uncheck();
});
