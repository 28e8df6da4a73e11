// `lint --fix`: turns the certain fixes of findings into edits of the file's bytes, and proves
// each fixed file means what it meant before except for the fixed replies.
//
// Edits are spliced into the source at the exact offsets of the fixed text, so every byte outside
// the fixed spans (comments, key order, quoting, indentation, line ends) stays as it was by
// construction. A replacement is encoded for the scalar it lands in (JSON and YAML double-quoted
// escapes, doubled quotes in YAML single-quoted and CSV fields). Then the new text is parsed again
// and compared with the old one in which only the fixed values were changed (through yaml's
// Document API for YAML): when they differ, the file is left alone.

import { parse as parseCsv } from 'csv-parse/sync';
import { getNodeValue, parse as parseJson, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseDocument, visit } from 'yaml';
import type { Fix } from '../types.js';
import type { SegmentCheck } from './lint-file.js';
import { segmentsOf, type Encoding } from './segments.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface FixPlan {
  edits: Edit[];
  /** New value of each fixed segment, by its structural key (or its index when it has none). */
  values: Map<string, string>;
  /** Fixes left for a later pass (they overlap one taken in this pass). */
  deferred: number;
  /** Fixes that cannot be applied safely (inexact span, unencodable replacement). */
  skipped: number;
}

/** The replacement as it must be written inside a value of this encoding, or null when it cannot. */
export function encodeReplacement(encoding: Encoding, s: string): string | null {
  // A fix never adds a line: line numbers of everything after it stay valid.
  if (/[\n\r\u2028\u2029]/.test(s) && encoding !== 'json' && encoding !== 'yaml-double') return null;
  switch (encoding) {
    case 'json':
    case 'yaml-double':
      return JSON.stringify(s).slice(1, -1);
    case 'yaml-single':
      return s.replace(/'/g, "''");
    case 'csv-quoted':
      return s.replace(/"/g, '""');
    case 'csv-plain':
      return /[",]/.test(s) ? null : s;
    case 'yaml-plain':
    case 'yaml-block':
    case 'raw':
      return s;
  }
}

/** Applies fixes (in value offsets, non-overlapping) to a value. */
export function applyValueFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(
    text,
    fixes.map((f) => ({ start: f.start, end: f.end, text: f.replacement })),
  );
}

export function planFixes(content: string, checks: readonly SegmentCheck[]): FixPlan {
  const plan: FixPlan = { edits: [], values: new Map(), deferred: 0, skipped: 0 };
  checks.forEach(({ seg, findings }, index) => {
    const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
    const taken: Fix[] = [];
    let reach = -1;
    for (const fix of fixes) {
      if (fix.start < reach || (fix.start === reach && fix.end === fix.start)) {
        plan.deferred++;
        continue;
      }
      const start = seg.offsets[fix.start]!;
      const end = fix.end > fix.start ? seg.offsets[fix.end - 1]! + 1 : start;
      const original = seg.text.slice(fix.start, fix.end);
      const encoded = encodeReplacement(seg.encoding ?? 'raw', fix.replacement);
      // Exact: the value's characters sit one-to-one in the file (no escape, no folded line).
      if (encoded === null || content.slice(start, end) !== original || /[\n\r]/.test(original)) {
        plan.skipped++;
        continue;
      }
      taken.push(fix);
      reach = fix.end;
      plan.edits.push({ start, end, text: encoded });
    }
    if (taken.length > 0) plan.values.set(seg.key ?? `#${index}`, applyValueFixes(seg.text, taken));
  });
  plan.edits.sort((a, b) => a.start - b.start);
  return plan;
}

/** Applies non-overlapping edits; pieces are joined once (no quadratic string rebuilding). */
export function applyEdits(content: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(content.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(content.slice(at));
  return parts.join('');
}

function sameYaml(before: string, after: string, values: ReadonlyMap<string, string>): boolean {
  const expected = parseDocument(before, { uniqueKeys: true });
  visit(expected, {
    Scalar(_key, node) {
      const v = node.range ? values.get(String(node.range[0])) : undefined;
      if (v !== undefined) node.value = v;
    },
  });
  const actual = parseDocument(after, { uniqueKeys: true });
  if (actual.errors.length > 0 || expected.errors.length > 0) return false;
  return JSON.stringify(expected.toJS()) === JSON.stringify(actual.toJS());
}

function sameJson(before: string, after: string, values: ReadonlyMap<string, string>): boolean {
  const options = { allowTrailingComma: true, disallowComments: false };
  const root = parseTree(before, [], options);
  const walk = (n: JsonNode | undefined): void => {
    if (!n) return;
    const v = n.type === 'string' ? values.get(String(n.offset)) : undefined;
    if (v !== undefined) (n as { value: unknown }).value = v;
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  const errors: ParseError[] = [];
  const actual: unknown = parseJson(after, errors, options);
  return errors.length === 0 && root !== undefined && JSON.stringify(getNodeValue(root)) === JSON.stringify(actual);
}

function sameCsv(before: string, after: string, values: ReadonlyMap<string, string>): boolean {
  const options = { relax_column_count: true, bom: true } as const;
  try {
    const expected = parseCsv(before, options) as string[][];
    for (const [key, v] of values) {
      const [r, c] = key.split(',').map(Number);
      const row = expected[r!];
      if (!row || row[c!] === undefined) return false;
      row[c!] = v;
    }
    return JSON.stringify(expected) === JSON.stringify(parseCsv(after, options));
  } catch {
    return false;
  }
}

/** Text and Markdown have no structure beyond their replies: the replies must be the expected ones. */
function sameReplies(file: string, before: string, after: string, values: ReadonlyMap<string, string>): boolean {
  const expected = segmentsOf(file, before).segments.map((s, i) => values.get(`#${i}`) ?? s.text);
  const actual = segmentsOf(file, after).segments.map((s) => s.text);
  return JSON.stringify(expected) === JSON.stringify(actual);
}

/** True when `after` means what `before` meant with exactly the planned values changed. */
export function verifyFixed(file: string, before: string, after: string, values: ReadonlyMap<string, string>): boolean {
  if (before.split('\n').length !== after.split('\n').length) return false;
  const ext = file.toLowerCase().replace(/^.*\./, '');
  if (ext === 'yaml' || ext === 'yml') return sameYaml(before, after, values);
  if (ext === 'json') return sameJson(before, after, values);
  if (ext === 'csv') return sameCsv(before, after, values);
  return sameReplies(file, before, after, values);
}
