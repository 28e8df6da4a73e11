// Reads conversation logs: JSON Lines (one turn per line) or CSV with a header row (session, role,
// agent, time, text). Input is streamed: JSON Lines as chunks of whole lines (raw bytes, so that
// decoding and parsing happen in the worker threads), CSV as batches of rows. A bad line becomes a
// problem with its file and line and the rest of the file is still read.

import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { decodeUtf8 } from '../cli/io.js';
import { InputError, jsonSyntaxReason } from '../cli/errors.js';
import type { AuditFinding } from './turn-analysis.js';

/** One turn as read, plus what the auditor attaches to it (one object per turn, few allocations). */
export class TurnRecord {
  /** Masked text: agent turns are masked by the core, customer turns when the report is built. */
  masked = false;
  findings: AuditFinding[] | null = null;
  /** Seconds the customer waited for this agent turn (-1 = unknown). */
  wait = -1;
  violating = false;
  /** Categories this agent turn has findings of (for "turns with a finding of category X"). */
  categories: string[] | null = null;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly session: string,
    readonly role: 'agent' | 'customer',
    /** As given; for an agent turn the auditor fills in the conversation's agent when missing. */
    public agent: string | null,
    /** Milliseconds since the epoch, or null when the turn has no time. */
    readonly time: number | null,
    /** The calendar day as written (YYYY-MM-DD), for the trend by day. */
    readonly day: string | null,
    /** The time as written, for display. */
    readonly timeText: string | null,
    public text: string,
  ) {}
}

export class InputProblem {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly message: string,
  ) {}
}

export type InputFormat = 'jsonl' | 'csv';

export function formatOf(file: string, forced?: InputFormat): InputFormat {
  if (forced) return forced;
  return /\.csv$/i.test(file) ? 'csv' : 'jsonl';
}

// ISO-8601 date-time: YYYY-MM-DD, then T or a blank and hh:mm, optional :ss and fraction, optional
// Z or ±hh:mm / ±hhmm. A date alone is accepted too (the day counts, response times do not).
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const NO_TIME = { time: null, day: null };

const digits = (s: string, at: number, n: number): number => {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
};

/**
 * The common shape YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm) read by position, without a regex or
 * Date.parse (a log has millions of them); NaN for anything else, which takes the general path.
 */
function fastIso(s: string): number {
  if (s.length < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (s[10] !== 'T' && s[10] !== ' ') || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && se <= 59)) return NaN;
  let i = 19;
  let ms = 0;
  if (s[i] === '.') {
    let k = 0;
    for (i++; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++, k++) if (k < 3) ms = ms * 10 + s.charCodeAt(i) - 48;
    if (k === 0) return NaN;
    for (; k < 3; k++) ms *= 10;
  }
  let offset = 0;
  if (s[i] === 'Z' && i + 1 === s.length) offset = 0;
  else if ((s[i] === '+' || s[i] === '-') && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
    if (Number.isNaN(oh) || Number.isNaN(om)) return NaN;
    offset = (s[i] === '+' ? 1 : -1) * (oh * 60 + om);
  } else return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, se, ms) - offset * 60_000;
}

function parseTime(v: unknown): { time: number | null; day: string | null } | string {
  if (v === undefined || v === null || v === '') return NO_TIME;
  if (typeof v === 'string') {
    const fast = fastIso(v);
    if (!Number.isNaN(fast)) return { time: fast, day: v.slice(0, 10) };
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    const ms = v > 1e11 ? v : v * 1000; // epoch seconds or milliseconds
    return { time: ms, day: new Date(ms).toISOString().slice(0, 10) };
  }
  if (typeof v !== 'string') return '"time" must be an ISO-8601 string such as "2024-05-01T10:00:00+08:00"';
  const m = ISO.exec(v.trim());
  const ms = m ? Date.parse(m[2] === undefined ? `${m[1]}T00:00:00Z` : v.trim().replace(' ', 'T')) : NaN;
  if (!m || Number.isNaN(ms)) return `"time" is not an ISO-8601 date-time: ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return { time: m[2] === undefined ? null : ms, day: m[1]! };
}

const idOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

/** A turn's fields once validated. */
export interface TurnFields {
  session: string;
  role: 'agent' | 'customer';
  agent: string | null;
  time: number | null;
  day: string | null;
  timeText: string | null;
  text: string;
}

/** Validates one turn (an object from JSON or a CSV row): its fields, or what is wrong with it. */
export function turnFields(v: unknown): TurnFields | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected an object like {"session": "s1", "role": "agent", "text": "…"}';
  const r = v as Record<string, unknown>;
  const session = idOf(r.session ?? r.session_id);
  if (session === null) return '"session" must be a non-empty string or a number';
  if (r.role !== 'agent' && r.role !== 'customer') return `"role" must be "agent" or "customer" (found ${JSON.stringify(r.role ?? null)})`;
  if (typeof r.text !== 'string') return '"text" must be a string';
  const agent = r.agent === undefined || r.agent === null || r.agent === '' ? null : idOf(r.agent);
  if (agent === null && r.agent !== undefined && r.agent !== null && r.agent !== '') return '"agent" must be a string or a number';
  const t = parseTime(r.time);
  if (typeof t === 'string') return t;
  const timeText = t.day === null ? null : typeof r.time === 'string' ? r.time : new Date(t.time ?? 0).toISOString();
  return { session, role: r.role, agent, time: t.time, day: t.day, timeText, text: r.text };
}

function open(file: string): NodeJS.ReadableStream {
  if (file === '-') return process.stdin;
  return createReadStream(file, { highWaterMark: CHUNK_BYTES });
}

/** Bytes of JSON Lines handed to an analyser at a time: a few thousand lines. */
const CHUNK_BYTES = 1 << 20;
/** The longest line read as a turn (the analysers' memory is sized for it). */
export const MAX_LINE_BYTES = 16 << 20;

/** A line too long to be a turn, or a read error that ends the file. */
export interface ChunkProblem {
  error: string;
  /** The problem is a line of its own (skipped), not the end of the file. */
  line: boolean;
}

/**
 * The bytes of a JSON Lines file, a chunk of whole lines at a time, in order, each in a buffer of
 * its own (so that it can be moved to a worker thread). Decoding, parsing and numbering the lines
 * is left to the analysers. A line longer than `maxLine` bytes is skipped as a problem (no chat
 * turn is that long; it is a file of another kind, and would cost its size in memory); a read
 * error ends the file.
 */
export async function* jsonlChunks(
  file: string,
  onBytes: (n: number) => void = () => {},
  { chunkBytes = CHUNK_BYTES, maxLine = MAX_LINE_BYTES }: { chunkBytes?: number; maxLine?: number } = {},
): AsyncGenerator<Uint8Array | ChunkProblem> {
  const tooLong = (): ChunkProblem => ({ error: `the line is longer than ${Math.round(maxLine / (1 << 20))} MB; a turn is one line of JSON such as {"session": "s1", "role": "agent", "text": "…"}`, line: true });
  let buf = new Uint8Array(chunkBytes);
  let len = 0;
  /** Inside a line that is too long: its bytes are dropped up to its end. */
  let skipping = false;
  try {
    for await (const c of open(file)) {
      const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
      onBytes(chunk.length);
      let at = 0;
      while (at < chunk.length) {
        if (skipping) {
          const nl = chunk.indexOf(10, at);
          if (nl < 0) break;
          at = nl + 1;
          skipping = false;
          yield tooLong();
          continue;
        }
        const n = Math.min(buf.length - len, chunk.length - at);
        buf.set(chunk.subarray(at, at + n), len);
        len += n;
        at += n;
        if (len < buf.length) continue;
        const last = buf.lastIndexOf(10);
        if (last < 0) {
          // No line break in the whole buffer: one long line.
          if (buf.length >= maxLine) {
            skipping = true;
            len = 0;
            buf = new Uint8Array(chunkBytes);
            continue;
          }
          const bigger = new Uint8Array(Math.min(buf.length * 2, maxLine));
          bigger.set(buf);
          buf = bigger;
          continue;
        }
        const rest = len - (last + 1);
        const next = new Uint8Array(Math.max(chunkBytes, rest * 2));
        next.set(buf.subarray(last + 1, len));
        yield buf.subarray(0, last + 1);
        buf = next;
        len = rest;
      }
    }
  } catch (e) {
    // The lines read whole are audited; a line cut short by the error is not.
    const last = buf.subarray(0, len).lastIndexOf(10);
    if (last >= 0) yield buf.subarray(0, last + 1);
    yield { error: `cannot read the file: ${(e as Error).message}`, line: false };
    return;
  }
  if (skipping) yield tooLong();
  else if (len > 0) yield buf.subarray(0, len);
}

/** Where parsed lines go: a valid turn, or a line that is not one. Lines count from 1 at the chunk's start. */
export interface TurnSink {
  turn(line: number, t: TurnFields): void;
  problem(line: number, message: string): void;
}

function parseLine(text: string, line: number, sink: TurnSink): void {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    sink.problem(line, `not JSON (${jsonSyntaxReason(e)})`);
    return;
  }
  const t = turnFields(v);
  if (typeof t === 'string') sink.problem(line, t);
  else sink.turn(line, t);
}

const isBlankLine = (s: string): boolean => s.length === 0 || (s.length < 8 && s.trim() === '');
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes and parses a chunk of JSON Lines into `sink`; returns the number of lines it holds. A
 * chunk of valid UTF-8 is decoded at once; one that is not is decoded line by line so that the
 * bad line is named.
 */
export function parseJsonlChunk(bytes: Uint8Array, sink: TurnSink): number {
  let line = 0;
  if (isUtf8(bytes)) {
    const parts = decoder.decode(bytes).split('\n');
    for (let k = 0; k < parts.length; k++) {
      let p = parts[k]!;
      if (k === parts.length - 1 && p === '') break; // after the last line break
      line++;
      if (p.charCodeAt(p.length - 1) === 13) p = p.slice(0, -1);
      if (p.charCodeAt(0) === 0xfeff) p = p.slice(1); // a byte order mark (files joined with cat keep theirs)
      if (!isBlankLine(p)) parseLine(p, line, sink);
    }
    return line;
  }
  let from = 0;
  while (from < bytes.length) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    line++;
    const end = nl > from && bytes[nl - 1] === 13 ? nl - 1 : nl;
    const lineBytes = bytes.subarray(from, end);
    from = nl + 1;
    let text: string;
    try {
      text = decodeUtf8(lineBytes, 'the line');
    } catch (e) {
      sink.problem(line, (e as Error).message);
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!isBlankLine(text)) parseLine(text, line, sink);
  }
  return line;
}

/** Checks UTF-8 as the bytes stream by and counts them; an error names the byte offset. */
function strictUtf8(onBytes: (n: number) => void): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const s = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        onBytes(chunk.length);
        done(null, s);
      } catch {
        done(new InputError(`not valid UTF-8 (somewhere in bytes ${offset}–${offset + chunk.length}); convert it with e.g. iconv -f GBK -t UTF-8`));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new InputError('not valid UTF-8 (the file ends inside a character)'));
      }
    },
  });
}

/** A CSV row with its line number; validated by the analysers like a JSON line. */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/** CSV rows at a time (validated where they are analysed), or a problem that ends the file. */
export async function* csvRows(file: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<CsvRow[] | InputProblem> {
  const { parse } = await import('csv-parse');
  const parser = parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_LINE_BYTES });
  const source = open(file);
  const utf8 = strictUtf8(onBytes);
  // Errors of the source or the decoder end the parse with that error.
  source.on('error', (e) => parser.destroy(e));
  utf8.on('error', (e) => parser.destroy(e));
  source.pipe(utf8).pipe(parser);
  let checkedHeader = false;
  let rows: CsvRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        checkedHeader = true;
        const cols = Object.keys(record);
        const missing = ['role', 'text'].filter((c) => !cols.includes(c));
        if (!cols.includes('session') && !cols.includes('session_id')) missing.unshift('session');
        if (missing.length > 0) {
          yield new InputProblem(file, 1, `the CSV header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected session, role, agent, time, text)`);
          return;
        }
      }
      rows.push({ line: info.lines, record });
      if (rows.length === CSV_ROWS) {
        yield rows;
        rows = [];
      }
    }
  } catch (e) {
    if (rows.length > 0) yield rows;
    rows = [];
    const err = e as Error & { lines?: number };
    yield new InputProblem(file, err.lines ?? 0, err instanceof InputError ? err.message : `CSV: ${err.message}`);
  }
  if (rows.length > 0) yield rows;
}

const CSV_ROWS = 2048;
