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

type Clauses = ReturnType<EnglishAnalyzer['negatedClauses']>;

/**
 * compromise takes 1–2 ms per document — a hundred times a whole check. Chat consoles re-check
 * the same draft on every pause in typing and teams reuse canned replies, so results are kept
 * for the most recent texts (analysis is deterministic).
 */
const CACHE_SIZE = 2048;

export function createEnglishAnalyzer(options: { cache?: boolean } = {}): EnglishAnalyzer {
  const cache = new Map<string, Clauses>();
  const useCache = options.cache ?? true;
  return {
    negatedClauses(text) {
      if (useCache) {
        const hit = cache.get(text);
        if (hit) {
          cache.delete(text);
          cache.set(text, hit);
          return hit;
        }
      }
      const result = analyze(text);
      if (useCache) {
        cache.set(text, result);
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return result;
    },
  };
}

function analyze(text: string): Clauses {
  const doc = load()(text);
  const sentences = doc.sentences().json({ offset: true }).map((s) => [s.offset.start, s.offset.start + s.offset.length] as const);
  const spans = [...doc.verbs().isNegative().json({ offset: true }), ...doc.match(REFUSAL_WORDS).json({ offset: true })];
  return spans.map(({ offset }) => {
    const start = offset.start;
    const end = start + Math.max(1, offset.length);
    const sentence = sentences.find(([a, b]) => a <= start && start < b) ?? [0, text.length];
    return { start, end, sentenceStart: sentence[0], sentenceEnd: sentence[1] };
  });
}
