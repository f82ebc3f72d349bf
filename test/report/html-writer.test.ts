import { writeHtml } from '../../src/report';
import { BIG_BODY, hostileRun, mixedRun, passedRun } from './sample-results';

describe('writeHtml', () => {
  test('is self-contained: no external assets and no script', () => {
    const page = writeHtml(mixedRun());
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  test('shows the verdict, counts, requirement verdicts and scenario sections', () => {
    const page = writeHtml(mixedRun());
    expect(page).toMatch(/<div class="verdict">ERRORED<\/div>/);
    expect(page).toContain('<span class="badge nonConformant">non-conformant</span>');
    expect(page).toContain('<span class="badge notApplicable">not applicable</span>');
    expect(page).toContain('href="#scenario-PO-CREATE-002"');
    // Failing and errored scenarios open, the rest folded.
    expect(page).toMatch(/<details\s+class="scenario failed"\s+id="scenario-PO-CREATE-002"\s+open/);
    expect(page).toMatch(/<details\s+class="scenario errored"\s+id="scenario-PO-ERR-001"\s+open/);
    expect(page).toMatch(/<details\s+class="scenario passed ok"\s+id="scenario-PO-CREATE-001"\s+>/);
    expect(writeHtml(passedRun())).toMatch(/<div class="verdict">PASSED<\/div>/);
  });

  test('escapes hostile content everywhere', () => {
    const page = writeHtml(hostileRun());
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;');
    // eslint-disable-next-line no-control-regex
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202E]/);
    expect(page).toContain('\\x1b[31m');
  });

  test('cuts large bodies for display, with a note', () => {
    const page = writeHtml(hostileRun());
    expect(page.length).toBeLessThan(BIG_BODY.length / 4);
    expect(page).toMatch(/Truncated for display: showing 65,536 of 1,048,6\d\d\s+characters/);
  });

  test('pretty-prints JSON bodies and shows the replay line', () => {
    const page = writeHtml(mixedRun());
    expect(page).toContain('{\n  &quot;code&quot;: &quot;invalidBody&quot;,');
    expect(page).toContain(
      'curl -X POST &apos;https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder&apos;',
    );
    expect(page).toContain('O&apos;\\&apos;&apos;Brien-001');
    expect(page).toContain('connectionRefused: ECONNREFUSED');
  });
});
