// The one masking path. Every text that leaves replylint — a check result, an error record, a
// diff, a report, a log line, a slot filled from context, a prompt for the LLM — goes through
// maskPersonalData() (or, inside the core, through a scan of the text it already normalised): every
// recognizer runs, overlapping candidates are settled, and each value at or above the reporting
// score is replaced by its same-length mask. Which values are masked is not a team's to relax: a
// rule switched off stops the finding, never the masking.

import { normalize, toOriginalSpan, type ScriptConverter } from '../normalize.js';
import type { PiiKind } from '../types.js';
import type { PiiMatch, Recognizer } from './recognizer.js';
import { allRecognizers } from './registry.js';
import { maskSpans } from './mask.js';
import { Occupied } from './occupied.js';

/** The score at which a value is reported by a `sensitive-data` rule (its default minScore) and masked. */
export const MASK_MIN_SCORE = 0.5;

/**
 * The score at which a field that holds one value by itself is masked — an agent name, a session
 * id, a slot's value, a field name. No words around it can confirm what it is (身份证, 座机 …), so
 * anything shaped like a personal value counts: a bare 15-digit ID or 8-digit local number too.
 */
export const FIELD_MIN_SCORE = 0.15;

/** A personal value in a text: offsets into the text as given. */
export interface PersonalValue {
  start: number;
  end: number;
  kind: PiiKind;
  score: number;
  recognizer: string;
}

export interface ScanOptions {
  /** Traditional → simplified conversion, so that context words in traditional script count. */
  convert?: ScriptConverter;
  /** Lowest score masked (default MASK_MIN_SCORE). */
  minScore?: number;
}

/**
 * The recognizers' candidates in one normalised text, each recognizer run at most once: the core
 * asks for the recognizers its rules name, then for the values to mask, without running any twice.
 */
export class PiiScan {
  private readonly found = new Map<Recognizer, PiiMatch[]>();
  constructor(readonly text: string) {}

  /** What one recognizer finds (all scores). */
  of(recognizer: Recognizer): PiiMatch[] {
    let m = this.found.get(recognizer);
    if (!m) this.found.set(recognizer, (m = recognizer.find(this.text)));
    return m;
  }

  /**
   * Every recognizer's candidates at or above `minScore`, overlaps settled: the higher score wins,
   * then the longer span, then the earlier one. Sorted by position; offsets into the normalised text.
   */
  values(minScore = MASK_MIN_SCORE): PiiMatch[] {
    const all: PiiMatch[] = [];
    for (const r of allRecognizers()) for (const m of this.of(r)) if (m.score >= minScore) all.push(m);
    if (all.length < 2) return all;
    all.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Occupied(this.text.length);
    const kept = all.filter((m) => taken.claim(m.start, m.end));
    return kept.sort((a, b) => a.start - b.start);
  }
}

/** Every personal value in `text` at or above the masking score, with offsets into `text`. */
export function findPersonalData(text: string, options: ScanOptions = {}): PersonalValue[] {
  if (text.length === 0) return [];
  const norm = normalize(text, options.convert);
  return new PiiScan(norm.text).values(options.minScore).map((m) => {
    const [start, end] = toOriginalSpan(norm, m.start, m.end);
    return { start, end, kind: m.kind, score: m.score, recognizer: m.recognizer };
  });
}

/** `text` with every personal value replaced by its same-length mask: what may be shown anywhere. */
export function maskPersonalData(text: string, options: ScanOptions = {}): string {
  return maskSpans(text, findPersonalData(text, options));
}

/**
 * `value` with every string in it masked by `mask` — in arrays and plain objects to a few levels,
 * an Error as its type, message and stack — for structured output: log lines, error bodies.
 */
export function maskEveryString(value: unknown, mask: (text: string) => string = maskPersonalData, depth = 0): unknown {
  if (typeof value === 'string') return mask(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((x) => maskEveryString(x, mask, depth + 1));
  if (value instanceof Error) return { type: value.name, message: mask(value.message), ...(value.stack ? { stack: mask(value.stack) } : {}) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) out[k] = maskEveryString(x, mask, depth + 1);
  return out;
}
