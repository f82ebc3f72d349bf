/**
 * Escaping for the HTML and XML reports (and for terminal output). Target responses are hostile input:
 * they may hold markup, `]]>`, control characters that XML 1.0 forbids, lone surrogates, or bidi
 * overrides that reorder what a reader sees. Rather than drop such characters we make them visible as
 * `\xNN` / `\uNNNN` text: the evidence keeps its shape, an XML parser never rejects the report, and a
 * terminal never interprets an escape sequence a target slipped into a message.
 */

// XML 1.0 Char excludes C0 controls other than \t \n \r, U+FFFE/U+FFFF and unpaired surrogates. We also
// flag DEL, the C1 controls (legal but invisible or terminal-active) and the bidi embedding/isolate controls.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters a reader cannot see (or a parser rejects) with a visible escape. */
export function makeVisible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;', // HTML5 and XML both define it; some XML readers skip numeric references
  // A parser normalises a raw \r to \n; the reference keeps it.
  '\r': '&#13;',
};

/** Text safe in HTML and XML 1.0 element content and in quoted attributes (numeric refs work in both). */
export function escapeMarkup(text: string): string {
  return makeVisible(text).replace(/[&<>"'\r]/g, (c) => ENTITIES[c] ?? c);
}

/** As escapeMarkup, plus tabs and newlines, which attribute-value normalisation would turn into spaces. */
export function escapeAttribute(text: string): string {
  return escapeMarkup(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateText(text: string, max: number): { text: string; omitted: number } {
  if (text.length <= max) return { text, omitted: 0 };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), omitted: text.length - end };
}
