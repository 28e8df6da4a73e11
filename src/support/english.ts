// English sentence boundaries and negations through compromise. compromise takes ~0.4 s to load,
// so it is required synchronously (its CommonJS build) only the first time a text needs it.

import { createRequire } from 'node:module';
import type { EnglishAnalyzer } from '../types.js';

interface Span {
  offset: { start: number; length: number };
}
interface Doc {
  sentences(): { json(o: { offset: true }): Span[] };
  verbs(): { isNegative(): { json(o: { offset: true }): Span[] } };
  match(m: string): { json(o: { offset: true }): Span[] };
}

let nlp: ((text: string) => Doc) | undefined;

function load(): (text: string) => Doc {
  nlp ??= createRequire(import.meta.url)('compromise') as (text: string) => Doc;
  return nlp;
}

/** Negated verbs ("can't refund", "won't be") and refusal words ("unable", "impossible"). */
const REFUSAL_WORDS = '(unable|impossible|#Negative)';

export function createEnglishAnalyzer(): EnglishAnalyzer {
  return {
    negatedClauses(text) {
      const doc = load()(text);
      const sentences = doc.sentences().json({ offset: true }).map((s) => [s.offset.start, s.offset.start + s.offset.length] as const);
      const spans = [...doc.verbs().isNegative().json({ offset: true }), ...doc.match(REFUSAL_WORDS).json({ offset: true })];
      return spans.map(({ offset }) => {
        const start = offset.start;
        const end = start + Math.max(1, offset.length);
        const sentence = sentences.find(([a, b]) => a <= start && start < b) ?? [0, text.length];
        return { start, end, sentenceStart: sentence[0], sentenceEnd: sentence[1] };
      });
    },
  };
}
