// A reply's text with the file offset of each of its characters, so that findings in the reply
// point into the file; and how the reply is written there (for splicing fixes). No imports: the
// phrasebook path of the hook builds segments without loading any parser.

/** How a reply is written in its file, i.e. how a replacement must be encoded to splice it in. */
export type Encoding = 'raw' | 'json' | 'yaml-plain' | 'yaml-double' | 'yaml-single' | 'yaml-block' | 'csv-quoted' | 'csv-plain';

export interface Segment {
  text: string;
  /** File offset of each code unit of `text`, plus one entry for its end. */
  offsets: Int32Array;
  /** How the value is encoded in the file (defaults to raw). */
  encoding?: Encoding;
  /** Where the whole value sits in the file's structure: YAML/JSON node offset, CSV "row,column". */
  key?: string;
}

/** A segment whose characters sit contiguously in the file from `start`. */
export function contiguous(text: string, start: number): Segment {
  const offsets = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/** Aligns a decoded value with its raw source where they differ (escapes, block indentation). */
export function aligned(value: string, raw: string, rawStart: number): Segment {
  const offsets = new Int32Array(value.length + 1);
  let r = 0;
  for (let i = 0; i < value.length; i++) {
    const at = raw.indexOf(value[i]!, r);
    if (at >= 0 && at - r < 16) r = at;
    offsets[i] = rawStart + Math.min(r, raw.length);
    if (at >= 0 && at - r < 16) r++;
  }
  offsets[value.length] = rawStart + Math.min(r, raw.length);
  return { text: value, offsets };
}

/** The segment of a YAML string scalar, exact for plain and quoted scalars and block scalars. */
export function scalarSegment(content: string, node: { range?: readonly number[] | null; value: string; type?: string | undefined }): Segment {
  const s = node.range![0]!;
  const e = node.range![1]!;
  const raw = content.slice(s, e);
  const value = node.value;
  const key = String(s);
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const inner = raw.slice(1, -1);
    const seg = inner === value ? contiguous(value, s + 1) : aligned(value, inner, s + 1);
    return { ...seg, encoding: node.type === 'QUOTE_DOUBLE' ? 'yaml-double' : 'yaml-single', key };
  }
  const encoding: Encoding = node.type === 'PLAIN' ? 'yaml-plain' : 'yaml-block';
  return { ...(raw === value ? contiguous(value, s) : aligned(value, raw, s)), encoding, key };
}


/** File kinds `lint` reads (see segments.ts). */
export const LINTABLE_EXTENSIONS = ['txt', 'md', 'markdown', 'json', 'csv', 'yaml', 'yml'] as const;

/** Documentation next to replies (phrasebook/README.md) is not a reply file when a folder is walked. */
const DOC_FILE = /^(?:readme|changelog|changes|license|licence|contributing|code_of_conduct|security)(?:\.[^.]*)?$/i;

/** Whether a file of this name is linted when its folder is (by extension, documentation excepted). */
export const lintableName = (name: string): boolean => (LINTABLE_EXTENSIONS as readonly string[]).includes(name.toLowerCase().replace(/^.*\./, '')) && !DOC_FILE.test(name);
