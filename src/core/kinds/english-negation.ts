// The `english-negation` rule kind: an English refusal. Its patterns are a cheap pre-filter in the
// shared automaton; a hit stands only where the injected English analysis (compromise, loaded on
// first use) sees a negated verb, no `unless:` condition holds, and no alternative follows in
// that sentence or the next.

import type { Candidate, KindModule, Reply } from './kind.js';

function nextSentenceEnd(t: string, from: number): number {
  const m = /[.!?。！？\n]/g;
  m.lastIndex = from + 1;
  const r = m.exec(t);
  return r ? r.index + 1 : t.length;
}

export const englishNegation: KindModule = {
  name: 'english-negation',
  summary: 'an English refusal: pattern hits confirmed by negation analysis, alternatives looked for in the next sentence',
  patterns: 'required',
  syntax: 'phrase',
  automaton: true,
  options: (z) => z.object({}).strict(),
  confirm(cands: Candidate[], reply: Reply): Candidate[] {
    const analyzer = reply.env.english?.();
    if (!analyzer) return [];
    const t = reply.t;
    const clauses = analyzer.negatedClauses(t);
    return cands.filter((c) => {
      const clause = clauses.find((k) => k.start < c.e && c.s < k.end);
      if (!clause) return false;
      // An alternative offered in the same or the next sentence makes it a refusal with a way out.
      const next = clauses.find((k) => k.sentenceStart >= clause.sentenceEnd);
      const windowEnd = Math.max(clause.sentenceEnd, next ? next.sentenceEnd : nextSentenceEnd(t, clause.sentenceEnd));
      if (c.rule.conditions.some((off) => off(t, c.s, c.e))) return false;
      return !reply.excepted(c.rule, c.s, windowEnd);
    });
  },
};
