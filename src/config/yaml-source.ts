// YAML with positions: parses a document keeping a line counter, turns yaml's own errors and zod
// issues into positioned problems, and finds where a value or a character inside a string sits.

import { parseDocument, LineCounter, isScalar, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.js';

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type Path = ReadonlyArray<string | number>;

export function parseYaml(file: string, text: string): { source: YamlSource; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = { file, text, doc, lines };
  const problems: Problem[] = [];
  let syntax = false;
  for (const e of [...doc.errors, ...doc.warnings]) {
    const duplicate = e.code === 'DUPLICATE_KEY';
    // After the first syntax error the parser's further complaints are mostly its consequences.
    if (!duplicate && syntax) continue;
    syntax ||= !duplicate;
    const { line, col } = lines.linePos(e.pos[0]);
    problems.push({ file, line, column: col, code: duplicate ? 'duplicate-key' : 'yaml-syntax', message: e.message.split('\n')[0]! });
  }
  return { source, problems };
}

/** The node at `path`, or the deepest existing ancestor when the path does not exist. */
export function nodeAt(src: YamlSource, path: Path): Node | null {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in (node as object)) return node as Node;
  }
  return null;
}

export function positionAt(src: YamlSource, path: Path): { line: number; column: number } {
  const node = nodeAt(src, path);
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}

/**
 * Position of character `index` of the string value at `path`. Exact for plain and single- or
 * double-quoted scalars without escapes before the index; otherwise the start of the value.
 */
export function positionInString(src: YamlSource, path: Path, index: number): { line: number; column: number } {
  const node = nodeAt(src, path);
  if (!node || !isScalar(node) || !node.range) return positionAt(src, path);
  const start = node.range[0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const plainish = node.type === 'PLAIN' || quoted;
  const raw = src.text.slice(start + (quoted ? 1 : 0), start + (quoted ? 1 : 0) + index);
  const exact = plainish && !raw.includes('\\') && !raw.includes("''") && !raw.includes('\n');
  const offset = exact ? start + (quoted ? 1 : 0) + index : start;
  const { line, col } = src.lines.linePos(offset);
  return { line, column: col };
}

/** Source text of the node at `path` (for the "found" part of a problem). */
export function sourceAt(src: YamlSource, path: Path): string | undefined {
  const node = src.doc.getIn(path, true) as Node | undefined;
  if (!node || !node.range) return undefined;
  if (isMap(node) || isSeq(node)) return undefined;
  return src.text.slice(node.range[0], node.range[1]).trim();
}

/** Turns zod issues into positioned problems, one per issue. */
export function zodProblems(src: YamlSource, issues: readonly z.core.$ZodIssue[], hint = ''): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length > 0 ? path.join('.') : '(top level)';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
    const pos = issue.code === 'unrecognized_keys' ? keyPosition(src, path, issue.keys[0]!) : positionAt(src, keyPath);
    const found = sourceAt(src, keyPath);
    return { file: src.file, ...pos, code: 'schema', message: `${where}: ${message}${hint}`, ...(found !== undefined ? { found } : {}) };
  });
}

/** Position of a key inside the map at `path`. */
export function keyPosition(src: YamlSource, path: Path, key: string): { line: number; column: number } {
  const map = src.doc.getIn(path, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      const k = pair.key as Node | null;
      if (k && isScalar(k) && k.value === key && k.range) {
        const { line, col } = src.lines.linePos(k.range[0]);
        return { line, column: col };
      }
    }
  }
  return positionAt(src, path);
}
