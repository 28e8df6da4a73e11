// What the audit learns from one turn on its own, without the rest of the conversation: its fields
// (parsed and validated here), the core's findings and the masked text of an agent turn, unfilled
// template slots, and the complaint, apology and next-step cues. The same function runs in worker
// threads and in-process (--jobs 1), so both give identical results; the conversation-level checks
// run in the main thread, in input order (auditor.ts).

import type { Engine } from '../engine.js';
import type { Severity } from '../types.js';
import { compileCues } from './cues.js';
import { AUDIT_RULES } from './rules.js';
import { parseJsonlChunk, turnFields, type CsvRow, type TurnFields, type TurnSink } from './input.js';
import type { AuditSettings } from './settings.js';

/** A finding as the audit keeps it: the SPEC §3 fields a report needs, already masked. */
export interface AuditFinding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the turn's text; -1 for findings about timing or the conversation. */
  start: number;
  end: number;
  excerpt: string;
}

/** What an analyser gets: a chunk of JSON Lines (whole lines, raw bytes) or a batch of CSV rows. */
export type AnalysisInput = { bytes: Uint8Array } | { rows: CsvRow[] };

/** Turns with findings, by index in the chunk, with their masked text. */
export interface TurnHit {
  i: number;
  masked: string;
  findings: AuditFinding[];
}

/** Int32 fields per turn in AnalysisResult.ints. */
export const INTS = 7;
/** Offsets in a turn's INTS: its line, indexes into `strings` (-1 = none), the first complaint cue (-1 = none). */
export const I_LINE = 0, I_SESSION = 1, I_AGENT = 2, I_DAY = 3, I_TIME_TEXT = 4, I_COMPLAINT_START = 5, I_COMPLAINT_END = 6;
/** Bit in AnalysisResult.flags next to the CUE_* bits. */
export const ROLE_AGENT = 0x80;

/**
 * The turns of a chunk in columns, in input order, ready to move between threads without copying
 * the numbers: the auditor rebuilds each turn from them in the main thread.
 */
export interface AnalysisResult {
  turns: number;
  /** Lines of a JSON Lines chunk, whose line numbers count from 1 at its start; 0 for CSV rows, which carry the file's line numbers. */
  lines: number;
  /** INTS per turn. */
  ints: Int32Array;
  /** Milliseconds since the epoch per turn (NaN = no time). */
  times: Float64Array;
  /** CUE_* bits and ROLE_AGENT per turn. */
  flags: Uint8Array;
  /** Sessions, agents and days (each once per chunk) and the times as written. */
  strings: string[];
  texts: string[];
  hits: TurnHit[];
  problems: Array<{ line: number; message: string }>;
}

export type SeverityOf = (ruleId: keyof typeof AUDIT_RULES) => Severity | 'off';

export function severityOf(settings: AuditSettings): SeverityOf {
  return (id) => settings.rules[id] ?? AUDIT_RULES[id].severity;
}

/** Builds an AnalysisResult turn by turn (a TurnSink for the JSON Lines parser). */
class Columns implements TurnSink {
  turns = 0;
  ints: Int32Array;
  times: Float64Array;
  flags: Uint8Array;
  readonly strings: string[] = [];
  readonly texts: string[] = [];
  readonly hits: TurnHit[] = [];
  readonly problems: Array<{ line: number; message: string }> = [];
  private readonly ids = new Map<string, number>();

  constructor(
    capacity: number,
    private readonly analyse: (i: number, t: TurnFields, c: Columns) => void,
  ) {
    this.ints = new Int32Array(capacity * INTS);
    this.times = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  /** The last string of each field and its index: consecutive turns mostly share them. */
  private readonly lastString: Array<string | null> = [null, null, null];
  private readonly lastIndex = [-1, -1, -1];

  /** Index of `s` in `strings`, added once per chunk. */
  private id(field: number, s: string | null): number {
    if (s === null) return -1;
    if (s === this.lastString[field]) return this.lastIndex[field]!;
    let k = this.ids.get(s);
    if (k === undefined) this.ids.set(s, (k = this.strings.push(s) - 1));
    this.lastString[field] = s;
    this.lastIndex[field] = k;
    return k;
  }

  turn(line: number, t: TurnFields): void {
    const i = this.turns++;
    if (i === this.times.length) this.grow();
    const k = i * INTS;
    const ints = this.ints;
    ints[k + I_LINE] = line;
    ints[k + I_SESSION] = this.id(0, t.session);
    ints[k + I_AGENT] = this.id(1, t.agent);
    ints[k + I_DAY] = this.id(2, t.day);
    ints[k + I_TIME_TEXT] = t.timeText === null ? -1 : this.strings.push(t.timeText) - 1;
    ints[k + I_COMPLAINT_START] = -1;
    ints[k + I_COMPLAINT_END] = -1;
    this.times[i] = t.time ?? NaN;
    this.flags[i] = t.role === 'agent' ? ROLE_AGENT : 0;
    this.texts.push(t.text);
    this.analyse(i, t, this);
  }

  problem(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  private grow(): void {
    const n = Math.max(64, this.times.length * 2);
    const ints = new Int32Array(n * INTS);
    ints.set(this.ints);
    const times = new Float64Array(n);
    times.set(this.times);
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    [this.ints, this.times, this.flags] = [ints, times, flags];
  }

  result(lines: number): AnalysisResult {
    const { turns, ints, times, flags, strings, texts, hits, problems } = this;
    return { turns, lines, ints, times, flags, strings, texts, hits, problems };
  }
}

/**
 * The analyser of chunks: parses and validates the turns, finds the cues of every turn and checks
 * every agent turn with the core. Runs in the worker threads, or in this thread with --jobs 1.
 */
/** What a turn's text alone gives: the same for every turn with that text and role. */
interface TextResult {
  flags: number;
  complaintStart: number;
  complaintEnd: number;
  /** Agent turns with findings: the masked text and the findings (shared: never changed, copied per turn). */
  masked: string;
  findings: AuditFinding[] | null;
}

/**
 * Results of recent texts. Chat logs repeat themselves — canned replies, 「好的」, 「在吗」 — so a
 * text seen a moment ago is not checked again. A text is remembered the second time it is seen
 * (a table of hashes of the texts seen recently tells), so a log of distinct texts costs a hash
 * per turn and nothing more. Two generations of `size` results: a hit in the older one moves
 * the text to the younger, and when the younger is full the older is dropped, so the texts in
 * use stay and memory is bounded.
 */
class RecentTexts {
  private young = new Map<string, TextResult>();
  private old = new Map<string, TextResult>();
  private readonly seen = new Int32Array(SEEN_SLOTS);
  constructor(private readonly size: number) {}

  get(text: string): TextResult | undefined {
    let r = this.young.get(text);
    if (r === undefined) {
      r = this.old.get(text);
      if (r !== undefined) this.young.set(text, r);
    }
    return r;
  }

  /** Remembers `r` when `text` was seen recently; else notes that it was seen. */
  offer(text: string, r: TextResult): void {
    const h = hash(text);
    const slot = h & (SEEN_SLOTS - 1);
    if (this.seen[slot] !== h) {
      this.seen[slot] = h;
      return;
    }
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, r);
  }
}

const SEEN_SLOTS = 1 << 16;

/** FNV-1a over the UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 1; // never 0, the empty slot
}

/** Texts remembered per role and generation, and the longest remembered (longer ones are rarely repeated). */
const RECENT_TEXTS = 4096;
const RECENT_MAX_LENGTH = 400;

/**
 * The analyser of chunks: parses and validates the turns, finds the cues of every turn and checks
 * every agent turn with the core. Runs in the worker threads, or in this thread with --jobs 1.
 */
export function createAnalyzer(engine: Engine, settings: AuditSettings): (input: AnalysisInput) => AnalysisResult {
  const cues = compileCues(settings, engine.env.convert);
  const slotSeverity = severityOf(settings)('template-slot/unfilled');
  const recent = { agent: new RecentTexts(RECENT_TEXTS), customer: new RecentTexts(RECENT_TEXTS) };

  const analyseText = (role: 'agent' | 'customer', text: string): TextResult => {
    const cue = cues.flags(role, text);
    const [complaintStart, complaintEnd] = cue.complaintAt ?? [-1, -1];
    const r: TextResult = { flags: cue.flags, complaintStart, complaintEnd, masked: text, findings: null };
    if (role !== 'agent') return r;
    const result = engine.check(text);
    const findings: AuditFinding[] = result.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
    }));
    if (slotSeverity !== 'off') {
      for (const s of cues.slots(text, cue.normalized)) {
        const excerpt = result.text.slice(s.start, s.end);
        findings.push({
          ruleId: 'template-slot/unfilled',
          category: 'template-slot',
          severity: slotSeverity,
          message: `模板占位符“${excerpt}”没有填写就发给了客户`,
          start: s.start,
          end: s.end,
          excerpt,
        });
      }
    }
    if (findings.length > 0) {
      r.masked = result.text;
      r.findings = findings;
    }
    return r;
  };

  const analyse = (i: number, { role, text }: TurnFields, out: Columns): void => {
    const memo = text.length <= RECENT_MAX_LENGTH ? recent[role] : null;
    let r = memo?.get(text);
    if (r === undefined) {
      r = analyseText(role, text);
      memo?.offer(text, r);
    }
    out.flags[i]! |= r.flags;
    out.ints[i * INTS + I_COMPLAINT_START] = r.complaintStart;
    out.ints[i * INTS + I_COMPLAINT_END] = r.complaintEnd;
    if (r.findings) out.hits.push({ i, masked: r.masked, findings: r.findings.slice() });
  };
  return (input) => {
    if ('rows' in input) {
      const out = new Columns(input.rows.length, analyse);
      for (const { line, record } of input.rows) {
        const t = turnFields(record);
        if (typeof t === 'string') out.problem(line, t);
        else out.turn(line, t);
      }
      return out.result(0);
    }
    // About 150 bytes a line in a typical log; the columns grow when lines are shorter.
    const out = new Columns(Math.ceil(input.bytes.length / 128), analyse);
    const lines = parseJsonlChunk(input.bytes, out);
    return out.result(lines);
  };
}
