/**
 * A tagged template for HTML that escapes every interpolated value unless it is already SafeHtml (the
 * result of another `html` template). Escaping by default means a forgotten call cannot let a hostile
 * target's `<script>` into the report.
 */
import { escapeMarkup } from './markup-escape';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  // false/null/undefined render nothing so `${cond && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeMarkup(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup we wrote ourselves (the stylesheet); never call it with data from a run. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A fragment id for a scenario: ids are author-written, so anything outside [A-Za-z0-9_-] is encoded. */
export function scenarioAnchor(id: string): string {
  return `scenario-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}_`)}`;
}
