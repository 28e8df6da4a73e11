// The `exclamation` rule kind: shouting — runs of exclamation marks, or exclamation marks closing
// most sentences of a reply. Works on normalised text, where ！ is already folded to !.

import type { KindModule } from './kind.js';
import { toOriginalSpan } from '../../normalize.js';

export interface ExclamationOptions {
  /** Shortest run of marks that counts as shouting. */
  minRun: number;
  /** Share of sentences ending in ! above which the reply is shouting … */
  sentenceShare: number;
  /** … provided it has at least this many sentences. */
  minSentences: number;
  /** … and at least this many of them end in !. */
  minExclaimed: number;
}

export interface ExclamationHit {
  start: number;
  end: number;
  /** Values for the message: run length, or exclaimed/total sentences. */
  vars: Record<string, string>;
  kind: 'run' | 'share';
}

const RUN = /!{2,}/g;
// A sentence is text up to and including its closing punctuation run.
const SENTENCE = /[^。.!?~\n]+[。.!?~\n]*/g;

export function findExclamations(text: string, o: ExclamationOptions): ExclamationHit[] {
  if (!text.includes('!')) return [];
  const hits: ExclamationHit[] = [];
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text)) !== null) {
    if (m[0].length >= o.minRun) hits.push({ start: m.index, end: m.index + m[0].length, vars: { count: String(m[0].length) }, kind: 'run' });
  }
  if (hits.length > 0) return hits;

  let total = 0;
  let exclaimed = 0;
  let last = -1;
  SENTENCE.lastIndex = 0;
  while ((m = SENTENCE.exec(text)) !== null) {
    if (!/[\p{L}\p{N}]/u.test(m[0])) continue;
    total++;
    const bang = m[0].lastIndexOf('!');
    if (bang >= 0 && /^[!?~。.\s]*$/.test(m[0].slice(bang + 1))) {
      exclaimed++;
      last = m.index + bang;
    }
  }
  if (total >= o.minSentences && exclaimed >= o.minExclaimed && exclaimed / total > o.sentenceShare && last >= 0) {
    hits.push({ start: last, end: last + 1, vars: { count: String(exclaimed), total: String(total) }, kind: 'share' });
  }
  return hits;
}

const DEFAULTS: ExclamationOptions = { minRun: 2, sentenceShare: 0.6, minSentences: 3, minExclaimed: 3 };

export const exclamation: KindModule = {
  name: 'exclamation',
  summary: 'runs of exclamation marks, or exclamation marks closing most sentences',
  patterns: 'none',
  syntax: 'phrase',
  automaton: false,
  options: (z) =>
    z
      .object({
        minRun: z.number().int().min(2).optional(),
        sentenceShare: z.number().min(0).max(1).optional(),
        minSentences: z.number().int().min(1).optional(),
        minExclaimed: z.number().int().min(1).optional(),
      })
      .strict(),
  compile: (spec): ExclamationOptions => ({ ...DEFAULTS, ...(spec.options as Partial<ExclamationOptions>) }),
  find(rule, reply, out) {
    for (const h of findExclamations(reply.t, rule.state as ExclamationOptions)) {
      // A run is fixed to a single mark, the one the agent typed first (！ or !).
      const [a] = toOriginalSpan(reply.norm, h.start, h.end);
      out.push(reply.candidate(rule, h.start, h.end, { vars: h.vars, ...(h.kind === 'run' ? { replacement: reply.original[a] ?? '！' } : {}) }));
    }
  },
};
