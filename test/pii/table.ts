// Presidio-style span-and-score tables for one recognizer: each row names a text and either the
// value the recognizer must find (with its exact score and whether a rule with the default
// minScore 0.5 reports it) or null when it must find nothing there. Texts are normalised the way
// the core normalises them, and spans are mapped back, so rows may use full-width digits or blanks.
import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../../src/normalize.js';
import type { PiiMatch, Recognizer } from '../../src/pii/recognizer.js';
import type { PiiKind } from '../../src/types.js';

/** The minScore a `sensitive-data/*` rule uses unless its options say otherwise. */
export const MIN_SCORE = 0.5;

export interface Expected {
  /** The value as it appears in the text (its first occurrence gives the span). */
  value: string;
  score: number;
  reported: boolean;
}

export type Row = [text: string, expected: Expected | null];

export interface Found extends PiiMatch {
  /** The span mapped back to the text as given. */
  original: string;
  origStart: number;
  origEnd: number;
}

/** Runs a recognizer the way the core does: on normalised text, spans mapped back. */
export function findIn(recognizer: Recognizer, text: string): Found[] {
  const norm = normalize(text);
  return recognizer.find(norm.text).map((m) => {
    const [s, e] = toOriginalSpan(norm, m.start, m.end);
    return { ...m, original: text.slice(s, e), origStart: s, origEnd: e };
  });
}

export function spanTable(title: string, recognizer: Recognizer, kind: PiiKind, rows: readonly Row[]): void {
  describe(title, () => {
    it('has rows, both found and not found, and no duplicate texts', () => {
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.some(([, e]) => e?.reported)).toBe(true);
      expect(rows.some(([, e]) => !e?.reported)).toBe(true);
      expect(new Set(rows.map(([t]) => t)).size).toBe(rows.length);
    });
    for (const [text, want] of rows) {
      const label = want ? `${text} → ${want.value} @${want.score}${want.reported ? ' reported' : ' below minScore'}` : `${text} → nothing`;
      it(label, () => {
        const found = findIn(recognizer, text);
        if (!want) {
          expect(found.map((f) => f.original)).toEqual([]);
          return;
        }
        expect(want.reported).toBe(want.score >= MIN_SCORE); // the table itself must be consistent
        const start = text.indexOf(want.value);
        expect(start).toBeGreaterThanOrEqual(0);
        const hit = found.find((f) => f.origStart === start);
        expect(hit, `found: ${JSON.stringify(found.map((f) => [f.original, f.score]))}`).toBeDefined();
        expect(hit!.original).toBe(want.value);
        expect(hit!.origEnd).toBe(start + want.value.length);
        expect(hit!.kind).toBe(kind);
        expect(hit!.score).toBe(want.score);
        expect(hit!.score >= MIN_SCORE).toBe(want.reported);
        expect(hit!.explanation).toMatch(/^pattern [\w-]+ \(\d(?:\.\d+)?\)/);
        expect(hit!.explanation.endsWith(`→ ${want.score}`)).toBe(true);
      });
    }
  });
}

/** Shorthands for table rows. */
export const reported = (value: string, score: number): Expected => ({ value, score, reported: true });
export const quiet = (value: string, score: number): Expected => ({ value, score, reported: false });
