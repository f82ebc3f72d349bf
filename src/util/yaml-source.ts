import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import {
  deepestIndentOffset,
  flowNestingOffset,
  nestingMessage,
  offsetPosition,
  tooDeepPath,
} from './nesting';

/** A located problem in an input file; `code` is stable, the message is for people. */
export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** YAML syntax problems; when non-empty, `value` is unusable. */
  readonly problems: readonly SourceProblem[];
  /** 1-based line/column of the node at a JSON Pointer (`/steps/2/op`), or of its nearest parent. */
  locate(pointer: string): { line: number; column: number };
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Parses YAML keeping node positions, so that schema errors can name file:line:col. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const refuse = (offset: number, message: string): YamlSource => ({
    file,
    value: undefined,
    problems: [{ file, ...offsetPosition(text, offset), code: 'yaml.syntax', message }],
    locate: () => offsetPosition(text, offset),
  });
  const deepFlow = flowNestingOffset(text);
  if (deepFlow !== undefined) return refuse(deepFlow, nestingMessage());
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The parser recursed too deep (block nesting) or failed otherwise: a located problem all the same.
    return refuse(deepestIndentOffset(text), `the YAML parser gave up: ${(e as Error).message}`);
  }
  const problems: SourceProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      code: 'yaml.syntax',
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const locate = (pointer: string) => {
    let node: Node | null | undefined = doc.contents;
    let found = at(node?.range?.[0]);
    for (const raw of pointer.split('/').slice(1)) {
      const key = decodeSegment(raw);
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        node = pair.value as Node | null;
        found = at(node?.range?.[0] ?? keyNode?.range?.[0]);
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        if (!item) break;
        node = item;
        found = at(item.range?.[0]);
      } else break;
    }
    return found;
  };
  if (problems.some((p) => p.code === 'yaml.syntax')) return { file, value: undefined, problems, locate };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      file,
      value: undefined,
      problems: [
        ...problems,
        { file, line: 1, column: 1, code: 'yaml.syntax', message: (e as Error).message },
      ],
      locate,
    };
  }
  const deep = tooDeepPath(value);
  if (deep) {
    const pointer = deep.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    return {
      file,
      value: undefined,
      problems: [...problems, { file, ...locate(pointer), code: 'yaml.syntax', message: nestingMessage() }],
      locate,
    };
  }
  return { file, value, problems, locate };
}

/** `file:line:col  code  message`: the one way problems are printed. */
export function formatSourceProblem(p: SourceProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.code}  ${p.message}`;
}
