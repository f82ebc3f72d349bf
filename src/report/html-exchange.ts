/** One recorded exchange in the HTML report: request, response (or transport error) and a curl replay. */
import type { Exchange, RecordedRequest, RecordedResponse } from '../results/model';
import { toCurl } from './curl';
import { html, type SafeHtml } from './html-template';
import { truncateText } from './markup-escape';

export interface HtmlDisplayOptions {
  /** Bodies (and inlined curl bodies) longer than this many characters are cut for display. */
  readonly maxBodyChars: number;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** JSON bodies pretty-printed; anything else (or a body the recorder cut short) as received. */
function prettyBody(body: string, truncated: boolean): string {
  const start = body.trimStart()[0];
  if (truncated || (start !== '{' && start !== '[')) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function renderBody(body: string | undefined, recordedCut: boolean | undefined, o: HtmlDisplayOptions) {
  if (body === undefined || body === '') return html`<p class="muted">(no body)</p>`;
  const shown = truncateText(prettyBody(body, recordedCut === true), o.maxBodyChars);
  return html`<pre class="body">${shown.text}</pre>
    ${
      shown.omitted > 0 &&
      html`<p class="note">
        Truncated for display: showing ${fmt(shown.text.length)} of ${fmt(shown.text.length + shown.omitted)}
        characters. The full body is in results.json.
      </p>`
    }
    ${recordedCut === true && html`<p class="note">The harness recorded only the start of this body.</p>`}`;
}

function renderHeaders(headers: Readonly<Record<string, string>>): SafeHtml {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html``;
  return html`<table class="headers">
    ${entries.map(
      ([name, value]) =>
        html`<tr>
          <th>${name}</th>
          <td class="mono">${value}</td>
        </tr>`,
    )}
  </table>`;
}

function renderRequest(req: RecordedRequest, o: HtmlDisplayOptions): SafeHtml {
  return html`<section class="request">
    <h5>Request</h5>
    <div class="line mono"><span class="method">${req.method}</span> <span class="url">${req.url}</span></div>
    ${renderHeaders(req.headers)} ${renderBody(req.body, req.bodyTruncated, o)}
  </section>`;
}

function renderResponse(exchange: Exchange, res: RecordedResponse | undefined, o: HtmlDisplayOptions) {
  const inner = res
    ? html`<div class="line mono">
          <span class="status s${Math.floor(res.status / 100)}">${res.status}</span>
        </div>
        ${renderHeaders(res.headers)} ${renderBody(res.body, res.bodyTruncated, o)}`
    : html`<p class="transport-error">
        ${exchange.error ? `${exchange.error.code}: ${exchange.error.message}` : 'no response recorded'}
      </p>`;
  return html`<section class="response">
    <h5>Response</h5>
    ${inner}
  </section>`;
}

function renderCurl(req: RecordedRequest, o: HtmlDisplayOptions): SafeHtml {
  const tooLong = req.body !== undefined && req.body.length > o.maxBodyChars;
  const redacted = Object.values(req.headers).some((v) => v.includes('***'));
  return html`<div class="replay">
    <h5>Replay with curl</h5>
    <pre class="curl">${toCurl(req, { maxInlineBody: o.maxBodyChars })}</pre>
    ${tooLong && html`<p class="note">The body is too large to inline: save it from results.json as request-body.</p>`}
    ${req.bodyTruncated === true && html`<p class="note">The recorded body is incomplete, so the replay is too.</p>`}
    ${redacted && html`<p class="note">Redacted values (***) must be replaced with your credentials.</p>`}
  </div>`;
}

export function renderExchange(exchange: Exchange, o: HtmlDisplayOptions): SafeHtml {
  const what =
    exchange.kind === 'notification' ? 'Notification to the Buyer listener' : 'Request to the Seller';
  return html`<div class="exchange" id="${`exchange-${exchange.id}`}">
    <h4>
      ${what}${exchange.operationId ? ` · ${exchange.operationId}` : ''} · ${exchange.durationMs} ms ·
      ${exchange.startedAt}
    </h4>
    <div class="pair">
      ${renderRequest(exchange.request, o)} ${renderResponse(exchange, exchange.response, o)}
    </div>
    ${renderCurl(exchange.request, o)}
  </div>`;
}
