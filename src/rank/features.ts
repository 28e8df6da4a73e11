// Turns a message, an example or a template into weighted lexical features: normalised text
// (simplified, half-width, lower case), English words stemmed and stripped of function words, long
// digit runs (order numbers) dropped, domain synonyms rewritten to one form — which also bridges
// English wording to the Chinese examples — then jieba words plus character bigrams and unigrams.
// Slots ({{订单号}}) are dropped first.

import { normalize, type ScriptConverter } from '../normalize.js';
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

const USEFUL = /[\p{L}\p{N}]/u;

/**
 * English function words: they occur in every English example whatever its intent, so they only
 * blur the vectors. Negations (not, never, no) and question words (where, when, how) carry intent
 * and stay.
 */
const ENGLISH_STOP = new Set(
  ('a an the is am are was were be been being do does did i me my mine you your yours we our us it its ' +
    'this that these those to of for in on at by with and or but so just please pls plz can could would ' +
    'will shall should may might have has had there here what which who whom im ive id ill hey').split(' '),
);

/**
 * A small suffix stripper for English words (plural, -ed, -ing, final e), so that "shipped",
 * "shipping" and "ships" meet "ship". It need not be linguistically right, only the same for a
 * message and for the examples; short words (≤ 3 letters) are left alone.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2); // boxes, watches, dishes
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1); // not glass, status, this
  // -ing / -ed only when a vowel stays in a stem of three letters or more (ring, need stay whole):
  // the stem is the shortest prefix holding a vowel, then anything, before the ending.
  const m = /^(.*?[aeiouy].*?)(?:ing|ed)$/.exec(w);
  if (m && m[1]!.length >= 3) {
    w = m[1]!;
    // A doubled final consonant other than l, s, z is undone: shipp → ship, stopp → stop; install
    // and pass keep theirs. The class is the consonants without l, s, y and z.
    if (/([b-df-hj-kmnp-rtv-x])\1$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * English words of a normalised text to stems: contractions expanded (n't → not), possessives and
 * other clitics dropped, function words removed. Runs of five or more digits (order, tracking and
 * phone numbers, with an optional letter prefix) are dropped too: they are never in the phrasebook,
 * and an unknown feature would only lower the message's coverage.
 */
export function prepareEnglish(text: string): string {
  return text
    // A number token: up to four letters (a courier prefix such as yt, jt, sf), five or more
    // digits, up to two trailing letters, as a whole ASCII word — or five digits anywhere (in the
    // middle of Chinese, where \b does not help).
    .replace(/\b[a-z]{0,4}\d{5,}[a-z]{0,2}\b|\d{5,}/g, ' ')
    // A word with at most one clitic after an apostrophe, straight or curly: hasn't, it's, i’m.
    .replace(/[a-z]+(?:['’][a-z]+)?/g, (w) => {
      const [base, clitic] = w.split(/['’]/) as [string, string | undefined];
      if (clitic === 't' && base.endsWith('n')) return ' not ';
      const stem = base === 'cannot' ? 'not' : stemEnglish(base);
      return ENGLISH_STOP.has(base) ? ' ' : ` ${stem} `;
    })
    .replace(/ {2,}/g, ' ');
}

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
  // Synonym variants go through the same English preparation as messages ("tracking numbers" and
  // "tracking number" both become "track number").
  const prepared = o.synonyms.map((g) => g.map((v) => prepareEnglish(normalize(v, o.convert).text).trim()).filter((v) => v));
  const rewrite = synonymRewriter(prepared, o.convert);
  const WEIGHT = o.weights ?? DEFAULT_FEATURE_WEIGHTS;
  return (raw) => {
    const text = rewrite(prepareEnglish(normalize(raw.replace(/\{\{[^{}]*\}\}/g, ' '), o.convert).text));
    const f: Features = new Map();
    const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
    for (const w of o.cut(text)) {
      const word = w.trim();
      if (word && USEFUL.test(word)) add('w:' + word, WEIGHT.word);
    }
    // The characters that make n-grams: CJK ideographs, ASCII letters and digits — all single UTF-16
    // units, so the text is walked by code unit (a surrogate pair is neither and is skipped).
    const chars: string[] = [];
    const cjk: boolean[] = [];
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const isCjk = u >= 0x3400 && u <= 0x9fff;
      if (isCjk || (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39)) {
        chars.push(text[i]!);
        cjk.push(isCjk);
      }
    }
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (cjk[i]) add('u:' + c, WEIGHT.unigram);
      const n = chars[i + 1];
      if (n !== undefined && (cjk[i] || cjk[i + 1])) add('b:' + c + n, WEIGHT.bigram);
      const m = chars[i + 2];
      if (WEIGHT.trigram > 0 && n !== undefined && m !== undefined && cjk[i + 1]) add('t:' + c + n + m, WEIGHT.trigram);
    }
    return f;
  };
}
