/**
 * A scenario file parsed with positions kept: its data as plain JSON, and `locate(path)` mapping a
 * JSON path (`['steps', 2, 'request', 'op']`) back to a 1-based line and column of the YAML text.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import {
  deepestIndentOffset,
  flowNestingOffset,
  nestingMessage,
  offsetPosition,
  tooDeepPath,
} from '../util/nesting';
import type { Problem, ProblemCode } from './problem';

export type JsonPath = readonly (string | number)[];
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Where `path` is written: its value (default) or its key; the nearest existing ancestor if absent. */
  locate(path: JsonPath, at?: 'key' | 'value'): Position;
}

const YAML_CODES: Readonly<Record<string, ProblemCode>> = { DUPLICATE_KEY: 'yaml.duplicateKey' };

function cleanMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '');
}

function makeLocate(doc: Document, lines: LineCounter): YamlSource['locate'] {
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const deref = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  return (path, at = 'value') => {
    let node = deref(doc.contents) as Node | null | undefined;
    let holder: Pair | undefined;
    let best: Position = node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      let next: unknown;
      if (isMap(node)) {
        holder = node.items.find(
          (p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment),
        );
        if (!holder) return best;
        const keyRange = (holder.key as Node | null)?.range;
        if (keyRange) best = pos(keyRange[0]);
        if (last && at === 'key') return best;
        next = deref(holder.value);
      } else if (isSeq(node) && typeof segment === 'number') {
        holder = undefined;
        next = deref(node.items[segment]);
      } else return best;
      if (!next || !(next as Node).range) return best;
      node = next as Node;
      // A block collection under a key reads best at its key; scalars and flow collections at themselves.
      const blockUnderKey = holder && isCollection(node) && !node.flow;
      if (!blockUnderKey) best = pos((node.range as [number, number, number])[0]);
    }
    return best;
  };
}

function unresolvedAlias(doc: Document, lines: LineCounter): Position {
  let found: Position = { line: 1, column: 1 };
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) || !node.range) return undefined;
      const p = lines.linePos(node.range[0]);
      found = { line: p.line, column: p.col };
      return visit.BREAK;
    },
  });
  return found;
}

/** Parses one file's text. Problems are syntax problems only; the source is absent when there are any. */
export function parseYamlSource(file: string, text: string): { source?: YamlSource; problems: Problem[] } {
  const lines = new LineCounter();
  const tooDeep = (offset: number, message = nestingMessage()): { problems: Problem[] } => ({
    problems: [{ file, ...offsetPosition(text, offset), code: 'yaml.syntax', message }],
  });
  const deepFlow = flowNestingOffset(text);
  if (deepFlow !== undefined) return tooDeep(deepFlow);
  const parse = () => parseAllDocuments(text, { lineCounter: lines, prettyErrors: true, logLevel: 'error' });
  let docs: ReturnType<typeof parse>;
  try {
    docs = parse();
  } catch (e) {
    // The parser recursed too deep (block nesting) or failed otherwise: a located problem all the same.
    return tooDeep(deepestIndentOffset(text), `the YAML parser gave up: ${(e as Error).message}`);
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const problems: Problem[] = [];
  for (const doc of list) {
    for (const e of doc.errors) {
      const p = e.linePos?.[0] ?? { line: 1, col: 1 };
      problems.push({
        file,
        line: p.line,
        column: p.col,
        code: YAML_CODES[e.code] ?? 'yaml.syntax',
        message: cleanMessage(e.message),
      });
    }
  }
  const second = list[1];
  if (second) {
    const p = lines.linePos(second.contents?.range?.[0] ?? second.range[0]);
    problems.push({
      file,
      line: p.line,
      column: p.col,
      code: 'yaml.multipleDocuments',
      message: 'one scenario per file: remove this second YAML document',
    });
  }
  const doc = list[0];
  if (problems.length > 0) return { problems };
  if (!doc || doc.contents === null) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          code: 'scenario.schema',
          message: 'the file is empty: expected a scenario (id, title, requirements, steps)',
        },
      ],
    };
  }
  try {
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    const locate = makeLocate(doc, lines);
    const deep = tooDeepPath(data);
    if (deep)
      return { problems: [{ file, ...locate(deep), code: 'yaml.syntax', message: nestingMessage() }] };
    return { source: { file, data, locate }, problems };
  } catch (e) {
    const p = unresolvedAlias(doc, lines);
    return { problems: [{ file, ...p, code: 'yaml.syntax', message: (e as Error).message }] };
  }
}
