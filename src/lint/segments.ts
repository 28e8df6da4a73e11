// Finds the replies inside a reply-template file, each with where it sits in the file, so that a
// finding in a reply points at the right line and column of the file.
//   .txt        each non-blank line is a reply
//   .md         each line of prose (headings, code blocks, front matter and comments skipped)
//   .json       every string value except identifiers (id, intent, url …)
//   .csv        the reply column (text, reply, content, 回复, 话术 …) or every column
//   .yaml/.yml  every string value except identifiers; phrasebook files have their own reader

import { parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, isSeq, visit, type Scalar } from 'yaml';
import type { Problem } from '../config/problems.js';
import { parseYaml } from '../config/yaml-source.js';
import { lineColumn } from '../core/line-column.js';
import { aligned, contiguous, scalarSegment, type Segment } from './segment.js';

export { aligned, contiguous, LINTABLE_EXTENSIONS, scalarSegment, type Encoding, type Segment } from './segment.js';

export interface Segments {
  segments: Segment[];
  problems: Problem[];
}

/** Keys whose values are identifiers or metadata, not replies. */
const NOT_REPLY_KEYS = new Set(['id', 'ids', 'intent', 'intents', 'key', 'slug', 'url', 'href', 'link', 'locale', 'lang', 'language', 'tags', 'tag', 'type', 'kind', 'category', 'source', 'version', 'extends', 'severity', 'ruleid', 'file', 'path']);

function txtSegments(content: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (const line of content.split('\n')) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    if (body) out.push(contiguous(body, start + lead));
    start += line.length + 1;
  }
  return out;
}

function mdSegments(content: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let fence: string | null = null;
  let inComment = false;
  const lines = content.split('\n');
  lines.forEach((line, i) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const trimmed = text.trim();
    const lineStart = start;
    start += line.length + 1;
    if (i === 0 && trimmed === '---') {
      fence = '---';
      return;
    }
    if (fence) {
      if (trimmed.startsWith(fence)) fence = null;
      return;
    }
    const open = /^(```|~~~)/.exec(trimmed);
    if (open) {
      fence = open[1]!;
      return;
    }
    if (inComment) {
      if (trimmed.includes('-->')) inComment = false;
      return;
    }
    if (trimmed.startsWith('<!--')) {
      inComment = !trimmed.includes('-->');
      return;
    }
    if (!trimmed || /^#{1,6}\s/.test(trimmed) || /^([-*_])\1{2,}$/.test(trimmed) || /^\|?\s*:?-{3,}/.test(trimmed)) return;
    // Drop list markers, quote markers and table pipes before the prose.
    const marker = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?/.exec(text)!;
    const body = text.slice(marker[0].length).replace(/\s+$/, '');
    if (body) out.push(contiguous(body, lineStart + marker[0].length));
  });
  return out;
}

function jsonSegments(file: string, content: string): Segments {
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const lc = lineColumn(content);
    return {
      segments: [],
      problems: errors.map((e) => {
        const [line, column] = lc(e.offset);
        return { file, line, column, code: 'json-syntax', message: `JSON: ${printParseErrorCode(e.error)}` };
      }),
    };
  }
  const out: Segment[] = [];
  const walk = (n: JsonNode | undefined, key: string | null): void => {
    if (!n) return;
    if (n.type === 'string') {
      if (key !== null && NOT_REPLY_KEYS.has(key.toLowerCase())) return;
      const value = String(n.value);
      if (!value.trim()) return;
      const raw = content.slice(n.offset + 1, n.offset + n.length - 1);
      const seg = raw === value ? contiguous(value, n.offset + 1) : aligned(value, raw, n.offset + 1);
      out.push({ ...seg, encoding: 'json', key: String(n.offset) });
      return;
    }
    if (n.type === 'object') for (const p of n.children ?? []) walk(p.children?.[1], String(p.children?.[0]?.value ?? ''));
    else if (n.type === 'array') for (const c of n.children ?? []) walk(c, key);
  };
  walk(root, null);
  return { segments: out, problems: [] };
}

const REPLY_COLUMN = /^(text|reply|replies|content|message|template|answer|response|body|回复|回覆|话术|話術|内容|內容|答复|答覆|回答|模板)$/i;

function csvSegments(file: string, content: string): Segments {
  let rows: Array<{ record: string[]; raw: string }>;
  try {
    rows = parseCsv(content, { raw: true, relax_column_count: true, bom: true }) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (e) {
    const err = e as Error & { lines?: number; column?: number };
    return { segments: [], problems: [{ file, line: err.lines ?? 1, column: 1, code: 'csv-syntax', message: `CSV: ${err.message}` }] };
  }
  if (rows.length === 0) return { segments: [], problems: [] };
  const header = rows[0]!.record;
  const picked = header.map((h, i) => (REPLY_COLUMN.test(h.trim()) ? i : -1)).filter((i) => i >= 0);
  const hasHeader = picked.length > 0;
  const out: Segment[] = [];
  let cursor = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  rows.forEach((row, r) => {
    const start = content.indexOf(row.raw, cursor);
    const recordStart = start >= 0 ? start : cursor;
    cursor = recordStart + row.raw.length;
    if (hasHeader && r === 0) return;
    // Locate each field in the raw record: comma-separated, quoted fields may contain commas.
    let i = 0;
    row.record.forEach((value, col) => {
      const quoted = row.raw[i] === '"';
      const fieldStart = i + (quoted ? 1 : 0);
      let j = fieldStart;
      if (quoted) {
        for (; j < row.raw.length; j++) {
          if (row.raw[j] === '"') {
            if (row.raw[j + 1] === '"') j++;
            else break;
          }
        }
      } else while (j < row.raw.length && row.raw[j] !== ',' && row.raw[j] !== '\n' && row.raw[j] !== '\r') j++;
      const rawField = row.raw.slice(fieldStart, j);
      i = j + (quoted ? 1 : 0) + 1;
      if ((hasHeader && !picked.includes(col)) || !value.trim()) return;
      const at = recordStart + fieldStart;
      const seg = rawField === value ? contiguous(value, at) : aligned(value, rawField, at);
      out.push({ ...seg, encoding: quoted ? 'csv-quoted' : 'csv-plain', key: `${r},${col}` });
    });
  });
  return { segments: out, problems: [] };
}

function yamlSegments(file: string, content: string): Segments {
  const { source, problems } = parseYaml(file, content);
  if (problems.length > 0) return { segments: [], problems };
  const out: Segment[] = [];
  visit(source.doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const parent = path[path.length - 1];
      let k: string | null = null;
      if (parent && !isSeq(parent) && !isMap(parent) && 'key' in (parent as object)) {
        const pk = (parent as { key: unknown }).key;
        k = isScalar(pk) ? String((pk as Scalar).value) : null;
      }
      if (k === null) {
        // sequence items inherit the key of the pair that holds the sequence
        const pair = path[path.length - 2];
        if (pair && 'key' in (pair as object)) {
          const pk = (pair as { key: unknown }).key;
          k = isScalar(pk) ? String((pk as Scalar).value) : null;
        }
      }
      if (k !== null && NOT_REPLY_KEYS.has(k.toLowerCase())) return;
      const value = node.value;
      if (!value.trim()) return;
      out.push(scalarSegment(content, node as Scalar<string>));
    },
  });
  return { segments: out, problems: [] };
}

export function segmentsOf(file: string, content: string): Segments {
  const ext = file.toLowerCase().replace(/^.*\./, '');
  switch (ext) {
    case 'txt':
      return { segments: txtSegments(content), problems: [] };
    case 'md':
    case 'markdown':
      return { segments: mdSegments(content), problems: [] };
    case 'json':
      return jsonSegments(file, content);
    case 'csv':
      return csvSegments(file, content);
    case 'yaml':
    case 'yml':
      return yamlSegments(file, content);
    default:
      return { segments: txtSegments(content), problems: [] };
  }
}

