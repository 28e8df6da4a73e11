// Reads conversation logs turn by turn: JSON Lines (one turn per line) or CSV with a header row
// (session, role, agent, time, text). Input is streamed; a bad line becomes a problem with its
// file and line and the rest of the file is still read.

import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { decodeUtf8 } from '../cli/io.js';
import { InputError } from '../cli/errors.js';
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

/** Validates one turn (an object from JSON or a CSV row). */
export function toTurn(v: unknown, file: string, line: number): TurnRecord | InputProblem {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return new InputProblem(file, line, 'expected an object like {"session": "s1", "role": "agent", "text": "…"}');
  const r = v as Record<string, unknown>;
  const session = idOf(r.session ?? r.session_id);
  if (session === null) return new InputProblem(file, line, '"session" must be a non-empty string or a number');
  if (r.role !== 'agent' && r.role !== 'customer') return new InputProblem(file, line, `"role" must be "agent" or "customer" (found ${JSON.stringify(r.role ?? null)})`);
  if (typeof r.text !== 'string') return new InputProblem(file, line, '"text" must be a string');
  const agent = r.agent === undefined || r.agent === null || r.agent === '' ? null : idOf(r.agent);
  if (agent === null && r.agent !== undefined && r.agent !== null && r.agent !== '') return new InputProblem(file, line, '"agent" must be a string or a number');
  const t = parseTime(r.time);
  if (typeof t === 'string') return new InputProblem(file, line, t);
  const timeText = t.day === null ? null : typeof r.time === 'string' ? r.time : new Date(t.time ?? 0).toISOString();
  return new TurnRecord(file, line, session, r.role, agent, t.time, t.day, timeText, r.text);
}

function open(file: string): NodeJS.ReadableStream {
  if (file === '-') return process.stdin;
  const s = createReadStream(file, { highWaterMark: 1 << 20 });
  return s;
}

function parseLine(text: string, file: string, line: number): TurnRecord | InputProblem {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return new InputProblem(file, line, `not JSON (${(e as Error).message})`);
  }
  return toTurn(v, file, line);
}

const isBlankLine = (s: string): boolean => s.length === 0 || (s.length < 8 && s.trim() === '');
const decoder = new TextDecoder('utf-8');

/**
 * Turns and problems of a JSON Lines file, in order, a chunk of lines at a time (one await per
 * chunk, not per line). A chunk of valid UTF-8 is decoded at once; one that is not is decoded
 * line by line so that the bad line is named.
 */
async function* jsonlTurns(file: string, onBytes: (n: number) => void): AsyncGenerator<Array<TurnRecord | InputProblem>> {
  let rest: Buffer | null = null;
  let line = 0;
  const lines = (body: Buffer): Array<TurnRecord | InputProblem> => {
    const out: Array<TurnRecord | InputProblem> = [];
    if (isUtf8(body)) {
      const parts = decoder.decode(body).split('\n');
      for (let k = 0; k < parts.length; k++) {
        let p = parts[k]!;
        if (k === parts.length - 1 && p === '') break; // after the last line break
        line++;
        if (p.charCodeAt(p.length - 1) === 13) p = p.slice(0, -1);
        if (line === 1 && p.charCodeAt(0) === 0xfeff) p = p.slice(1);
        if (!isBlankLine(p)) out.push(parseLine(p, file, line));
      }
      return out;
    }
    let from = 0;
    while (from < body.length) {
      let nl = body.indexOf(10, from);
      if (nl < 0) nl = body.length;
      line++;
      const end = nl > from && body[nl - 1] === 13 ? nl - 1 : nl;
      const bytes = body.subarray(from, end);
      from = nl + 1;
      let text: string;
      try {
        text = decodeUtf8(bytes, 'the line');
      } catch (e) {
        out.push(new InputProblem(file, line, (e as Error).message));
        continue;
      }
      if (!isBlankLine(text)) out.push(parseLine(text, file, line));
    }
    return out;
  };
  try {
    for await (const c of open(file)) {
      const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
      onBytes(chunk.length);
      const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
      const last = buf.lastIndexOf(10);
      if (last < 0) {
        rest = buf;
        continue;
      }
      rest = last + 1 < buf.length ? Buffer.from(buf.subarray(last + 1)) : null;
      yield lines(buf.subarray(0, last + 1));
    }
    if (rest) yield lines(rest);
  } catch (e) {
    yield [new InputProblem(file, line, `cannot read the file: ${(e as Error).message}`)];
  }
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

async function* csvTurns(file: string, onBytes: (n: number) => void): AsyncGenerator<Array<TurnRecord | InputProblem>> {
  const { parse } = await import('csv-parse');
  const parser = parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true });
  const source = open(file);
  const utf8 = strictUtf8(onBytes);
  // Errors of the source or the decoder end the parse with that error.
  source.on('error', (e) => parser.destroy(e));
  utf8.on('error', (e) => parser.destroy(e));
  source.pipe(utf8).pipe(parser);
  let checkedHeader = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        checkedHeader = true;
        const cols = Object.keys(record);
        const missing = ['role', 'text'].filter((c) => !cols.includes(c));
        if (!cols.includes('session') && !cols.includes('session_id')) missing.unshift('session');
        if (missing.length > 0) {
          yield [new InputProblem(file, 1, `the CSV header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected session, role, agent, time, text)`)];
          return;
        }
      }
      yield [toTurn(record, file, info.lines)];
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    yield [new InputProblem(file, err.lines ?? 0, err instanceof InputError ? err.message : `CSV: ${err.message}`)];
  }
}

/** The turns (and problems) of a file, in input order, in chunks. */
export function readTurns(file: string, format: InputFormat, onBytes: (n: number) => void = () => {}): AsyncGenerator<Array<TurnRecord | InputProblem>> {
  return format === 'csv' ? csvTurns(file, onBytes) : jsonlTurns(file, onBytes);
}
