/**
 * The report's stylesheet, inlined so `report.html` is one self-contained file. The "only problems"
 * filter is a checkbox read by `:has()`: no script is needed to read or filter the report.
 */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --error: #bc4c00; --skip: #6e7781; --na: #57606a;
  --partial: #9a6700; --line: #d0d7de; --muted: #57606a; --bg: #f6f8fa; --code: #eff2f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: var(--bg); }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
a { color: #0969da; }
.banner { color: #fff; padding: 20px 32px; }
.banner.passed { background: var(--pass); } .banner.failed { background: var(--fail); }
.banner.errored { background: var(--error); } .banner.interrupted { background: var(--skip); }
.verdict { font-size: 44px; font-weight: 800; letter-spacing: .05em; line-height: 1.1; }
.banner p { margin: 4px 0 0; font-size: 16px; opacity: .95; }
main { max-width: 1280px; margin: 0 auto; padding: 8px 32px 48px; }
h2 { font-size: 20px; margin: 28px 0 8px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; background: #fff;
  border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin-top: 16px; }
.meta dt { color: var(--muted); } .meta dd { margin: 0; overflow-wrap: anywhere; white-space: pre-line; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
.count { background: #fff; border: 1px solid var(--line); border-top: 4px solid var(--c, var(--line));
  border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.count.zero { opacity: .5; }
.count b { display: block; font-size: 26px; line-height: 1.2; } .count span { color: var(--muted); }
.passed, .conformant { --c: var(--pass); } .failed, .nonConformant { --c: var(--fail); }
.errored { --c: var(--error); } .partial { --c: var(--partial); } .skipped, .notTested { --c: var(--skip); }
.notApplicable { --c: var(--na); }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; background: var(--c, var(--skip)); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--bg); font-weight: 600; }
td.id { white-space: nowrap; font-weight: 600; }
.filter { display: inline-flex; gap: 6px; align-items: center; margin: 4px 0 8px; color: var(--muted); }
body:has(#only-problems:checked) .ok { display: none; }
details.scenario { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--c);
  border-radius: 6px; margin: 8px 0; }
details.scenario > summary { padding: 8px 12px; cursor: pointer; font-size: 15px; }
details.scenario > summary .title { font-weight: 600; }
.scenario-body { padding: 4px 16px 12px; border-top: 1px solid var(--line); }
.muted { color: var(--muted); } .reason { color: var(--muted); font-style: italic; }
.step { border-left: 3px solid var(--c); padding: 4px 0 4px 10px; margin: 8px 0; }
.step-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.step-head .name { font-weight: 600; }
.message { margin: 4px 0; overflow-wrap: anywhere; }
table.findings td { overflow-wrap: anywhere; }
.finding-error td:first-child { border-left: 3px solid var(--fail); }
.finding-warning td:first-child { border-left: 3px solid var(--partial); }
.exchange { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; padding: 8px 12px; }
.exchange h4 { margin: 0 0 6px; font-size: 13px; color: var(--muted); font-weight: 600; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 12px; }
.pair h5 { margin: 4px 0; font-size: 13px; }
.line { overflow-wrap: anywhere; } .line .url { word-break: break-all; } .line .method, .line .status { font-weight: 700; }
.status.s2 { color: var(--pass); } .status.s4, .status.s5 { color: var(--fail); }
pre { margin: 4px 0; padding: 8px; background: var(--code); border-radius: 4px; overflow: auto;
  max-height: 420px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.curl { background: #1f2328; color: #f0f3f6; max-height: 200px; }
.headers td, .headers th { padding: 1px 8px; font-size: 12.5px; border: 0; }
.headers { border: 0; background: transparent; width: auto; }
.note { color: var(--partial); font-size: 12.5px; margin: 2px 0; }
.transport-error { color: var(--error); font-weight: 600; }
.run-errors li { color: var(--error); }
`;
