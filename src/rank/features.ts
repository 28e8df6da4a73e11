// Turns a message, an example or a template into weighted lexical features: normalised text
// (simplified, half-width, lower case) with domain synonyms rewritten to one form, then jieba
// words plus character bigrams and unigrams. Slots ({{订单号}}) are dropped first.

import { normalize, type ScriptConverter } from '../core/normalize.js';
import { AhoCorasick } from '../core/aho-corasick.js';

export type WordCutter = (text: string) => string[];

export interface FeatureWeights {
  word: number;
  trigram: number;
  bigram: number;
  unigram: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { word: 1, trigram: 0, bigram: 0.8, unigram: 0.3 };

export interface FeatureOptions {
  convert?: ScriptConverter;
  weights?: FeatureWeights;
  cut: WordCutter;
  /** Synonym groups, canonical form first. */
  synonyms: readonly (readonly string[])[];
}

export type Features = Map<string, number>;

const CJK = /[\u3400-\u9fff]/;
const USEFUL = /[\p{L}\p{N}]/u;

/** Rewrites synonym variants to their canonical form, longest variant first, left to right. */
export function synonymRewriter(groups: readonly (readonly string[])[], convert?: ScriptConverter): (text: string) => string {
  const variants: string[] = [];
  const canonical: string[] = [];
  for (const g of groups) {
    const canon = normalize(g[0]!, convert).text;
    for (const v of g) {
      variants.push(normalize(v, convert).text);
      canonical.push(canon);
    }
  }
  const ac = new AhoCorasick(variants);
  return (text) => {
    const hits: Array<{ s: number; e: number; c: string }> = [];
    ac.scan(text, (p, s, e) => hits.push({ s, e, c: canonical[p]! }));
    if (hits.length === 0) return text;
    hits.sort((a, b) => a.s - b.s || b.e - a.e);
    let out = '';
    let at = 0;
    for (const h of hits) {
      if (h.s < at) continue;
      // ASCII variants must be whole words ("hi" is not in "this").
      if (/^[a-z0-9]/.test(text.slice(h.s, h.e)) && (/[a-z0-9]/.test(text[h.s - 1] ?? '') || /[a-z0-9]/.test(text[h.e] ?? ''))) continue;
      // The longest match at a position wins; a canonical form matches itself and so protects
      // the variants inside it (券 in 优惠券).
      out += text.slice(at, h.s) + h.c;
      at = h.e;
    }
    return out + text.slice(at);
  };
}

export function featureExtractor(o: FeatureOptions): (text: string) => Features {
  const rewrite = synonymRewriter(o.synonyms, o.convert);
  const WEIGHT = o.weights ?? DEFAULT_FEATURE_WEIGHTS;
  return (raw) => {
    const text = rewrite(normalize(raw.replace(/\{\{[^{}]*\}\}/g, ' '), o.convert).text);
    const f: Features = new Map();
    const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
    for (const w of o.cut(text)) {
      const word = w.trim();
      if (word && USEFUL.test(word)) add('w:' + word, WEIGHT.word);
    }
    const chars = [...text].filter((c) => CJK.test(c) || /[a-z0-9]/.test(c));
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (CJK.test(c)) add('u:' + c, WEIGHT.unigram);
      const n = chars[i + 1];
      if (n !== undefined && (CJK.test(c) || CJK.test(n))) add('b:' + c + n, WEIGHT.bigram);
      const m = chars[i + 2];
      if (WEIGHT.trigram > 0 && n !== undefined && m !== undefined && CJK.test(n)) add('t:' + c + n + m, WEIGHT.trigram);
    }
    return f;
  };
}
