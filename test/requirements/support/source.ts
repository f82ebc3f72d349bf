import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The requirement statements shipped beside the SDK (`shared/mef-sdk/requirements/requirements.json`).
 * They are not vendored into the repository (the project carries ids and our own summaries only), so
 * the tests that compare against them read it from beside the checkout and fail where it is absent.
 * LSO_REQUIREMENTS_JSON points elsewhere.
 */
export interface SourceStatement {
  readonly doc: 'Mplify 123.1' | 'MEF 123' | 'MEF 57.2';
  readonly id: string;
  readonly kind: string;
  readonly section: string;
  readonly role: string;
  readonly traces: readonly string[];
  readonly use_cases: string;
  readonly text_plain: string;
  readonly items?: readonly string[];
  readonly mef_123_equivalent?: readonly string[] | null;
  readonly mplify_123_1_equivalent?: readonly string[] | null;
}

export const SOURCE_PATH =
  process.env['LSO_REQUIREMENTS_JSON'] ??
  path.resolve(__dirname, '../../../../shared/mef-sdk/requirements/requirements.json');

/**
 * The statements, or a failing suite: a missing source must never turn the licensing guard into a silent
 * pass. CI clones the project with shared/ beside it, as developers have it.
 */
export function loadSource(): readonly SourceStatement[] {
  if (!fs.existsSync(SOURCE_PATH)) {
    throw new Error(
      `requirement statements not found at ${SOURCE_PATH}; set LSO_REQUIREMENTS_JSON to a copy`,
    );
  }
  return JSON.parse(fs.readFileSync(SOURCE_PATH, 'utf8')) as SourceStatement[];
}

/** The whole statement: the sentence and the bullet list that goes with it. */
export function statementText(s: SourceStatement): string {
  return [s.text_plain, ...(s.items ?? [])].join(' ');
}

/**
 * The use cases a source row names: "UC 1, 1a, 3" → [1, 1a, 3]; "UC 11-16" → [11 … 16];
 * "UC 3 (rules also apply to UC 6, 9, 13)" → [3, 6, 9, 13]; "UC 2, 5-16 (optional)" → [2, 5 … 16].
 */
export function parseUseCases(text: string): string[] {
  return text
    .replace(/\(optional\)/g, '')
    .replace(/\(rules also apply to/g, ',')
    .replace(/UC|\)/g, '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const range = /^(\d+)-(\d+)$/.exec(part);
      if (!range) return [part];
      const out: string[] = [];
      for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(String(n));
      return out;
    });
}
