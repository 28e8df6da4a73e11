// The shape of a personal-data recognizer (after Presidio's PatternRecognizer): named patterns
// with a base score, context words that raise or lower it, a validator that confirms or drops a
// candidate, and an explanation of the final score. Runs on normalised text (half-width, lower case).

import type { PiiKind } from '../types.js';
import { Occupied } from './occupied.js';

export interface PiiPattern {
  name: string;
  /** Must carry the 'g' flag; group `v` (if present) is the value, otherwise the whole match. */
  regex: RegExp;
  score: number;
}

export interface ContextWords {
  /** Words that make the candidate more likely personal data (电话, 身份证 …). */
  raise?: readonly string[];
  /** Words that make it something else (订单号, 满…减 …). */
  lower?: readonly string[];
  /** How far to look, in code units, before and after the value (within the sentence). */
  before?: number;
  after?: number;
  /** Lowering words usually sit right next to the value (满199元, 10元券): a narrower window. */
  lowerBefore?: number;
  lowerAfter?: number;
  raiseBy?: number;
  lowerBy?: number;
}

export interface Verdict {
  ok: boolean;
  reason: string;
  /**
   * The score a confirmed candidate is raised to (default 0.9). A validator that only checks the
   * shape (a 15-digit ID's birth date, a street without a city) confirms at a lower score, so that
   * a context word is still needed before the candidate is reported. `null` keeps the pattern's
   * own score (the shape alone decides how sure it is).
   */
  score?: number | null;
}

/** Where a candidate sits: the (normalised) text and the candidate's span in it. */
export interface Where {
  text: string;
  start: number;
  end: number;
}

export interface RecognizerDef {
  name: string;
  kind: PiiKind;
  /** Cheap test: when false the patterns are not run at all. */
  mayContain(text: string): boolean;
  patterns: readonly PiiPattern[];
  context?: ContextWords;
  /**
   * Confirms (score → at least the verdict's score, 0.9 by default) or drops (no match) a candidate
   * value; `where` is the text it was found in and its span, for checks of its surroundings.
   */
  validate?(value: string, where: Where): Verdict;
  /** Adjusts a candidate's span (e.g. trims a cue word off an e-mail local part). */
  refine?(text: string, start: number, end: number): [number, number];
}

export interface PiiMatch {
  recognizer: string;
  kind: PiiKind;
  start: number;
  end: number;
  value: string;
  score: number;
  /** Human-readable account of the score: pattern, validator, context. */
  explanation: string;
}

export interface Recognizer {
  name: string;
  kind: PiiKind;
  find(text: string): PiiMatch[];
}

const SENTENCE_END = /[。!?！？;；\n]/;

/** The part of `text` around [start, end) that stays inside the same sentence. */
function contextWindow(text: string, start: number, end: number, before: number, after: number): [string, string] {
  let b = Math.max(0, start - before);
  for (let i = start - 1; i >= b; i--) {
    if (SENTENCE_END.test(text[i]!)) {
      b = i + 1;
      break;
    }
  }
  let a = Math.min(text.length, end + after);
  for (let i = end; i < a; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      a = i;
      break;
    }
  }
  return [text.slice(b, start), text.slice(end, a)];
}

const escapeRe = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex per word list, built once: the first listed word found on either side. */
function wordFinder(words: readonly string[] | undefined): (left: string, right: string) => string | undefined {
  if (!words || words.length === 0) return () => undefined;
  const re = new RegExp(words.map(escapeRe).join('|'));
  return (left, right) => re.exec(left)?.[0] ?? re.exec(right)?.[0];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function makeRecognizer(def: RecognizerDef): Recognizer {
  const ctx = def.context ?? {};
  const raiseBy = ctx.raiseBy ?? 0.35;
  const lowerBy = ctx.lowerBy ?? 0.5;
  const lowerWord = wordFinder(ctx.lower);
  const raiseWord = wordFinder(ctx.raise);
  return {
    name: def.name,
    kind: def.kind,
    find(text: string): PiiMatch[] {
      if (!def.mayContain(text)) return [];
      const found: PiiMatch[] = [];
      let taken: Occupied | undefined;
      for (const p of def.patterns) {
        p.regex.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.regex.exec(text)) !== null) {
          if (m[0].length === 0) {
            p.regex.lastIndex++;
            continue;
          }
          const v = m.groups?.v;
          let start = v !== undefined ? m.index + m[0].indexOf(v) : m.index;
          let end = start + (v ?? m[0]).length;
          if (def.refine) [start, end] = def.refine(text, start, end);
          if (taken?.overlaps(start, end)) continue; // an earlier pattern won
          const value = text.slice(start, end);
          let score = p.score;
          const why = [`pattern ${p.name} (${p.score})`];
          if (def.validate) {
            const verdict = def.validate(value, { text, start, end });
            if (!verdict.ok) continue;
            if (verdict.score === null) why.push(verdict.reason);
            else {
              const confirmed = verdict.score ?? 0.9;
              score = Math.max(score, confirmed);
              why.push(`${verdict.reason} (≥${confirmed})`);
            }
          }
          const [left, right] = contextWindow(text, start, end, ctx.before ?? 12, ctx.after ?? 6);
          const [nearLeft, nearRight] =
            ctx.lowerBefore === undefined && ctx.lowerAfter === undefined
              ? [left, right]
              : contextWindow(text, start, end, ctx.lowerBefore ?? 12, ctx.lowerAfter ?? 6);
          const down = lowerWord(nearLeft, nearRight);
          if (down !== undefined) {
            score -= lowerBy;
            why.push(`context “${down}” (−${lowerBy})`);
          } else {
            const up = raiseWord(left, right);
            if (up !== undefined) {
              score += raiseBy;
              why.push(`context “${up}” (+${raiseBy})`);
            }
          }
          score = round2(Math.min(1, Math.max(0, score)));
          (taken ??= new Occupied(text.length)).take(start, end);
          found.push({ recognizer: def.name, kind: def.kind, start, end, value, score, explanation: `${why.join('; ')} → ${score}` });
        }
      }
      return found;
    },
  };
}

/**
 * One recognizer made of several whose context words differ (a landline with an area code needs
 * no context, a bare local number needs 座机 or 电话 next to it). Earlier parts win overlaps.
 */
export function combineRecognizers(name: string, kind: PiiKind, parts: readonly Recognizer[]): Recognizer {
  return {
    name,
    kind,
    find(text: string): PiiMatch[] {
      const found: PiiMatch[] = [];
      let taken: Occupied | undefined;
      for (const part of parts) {
        for (const m of part.find(text)) {
          if (!(taken ??= new Occupied(text.length)).claim(m.start, m.end)) continue;
          found.push({ ...m, recognizer: name });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
