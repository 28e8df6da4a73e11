// Turns a message, an example or a template into weighted lexical features: normalised text
// (simplified, half-width, lower case), English words stemmed and stripped of function words, long
// digit runs (order numbers) and chat-system noise dropped, domain synonyms rewritten to one form —
// which also bridges English wording to the Chinese examples — then jieba words plus character
// bigrams and unigrams, and one feature per word class a word belongs to (黑屏, 没信号 and 充不进电
// all carry "故障"), so that a symptom the examples never named still meets its intent. Words in
// the clauses that tell the story around a request weigh less than the request; a negated word
// (没摔) does not count as the word. Slots ({{订单号}}) are dropped first.

import { normalize, type ScriptConverter } from '../normalize.js';
import { AhoCorasick } from '../core/aho-corasick.js';
import { clauseWeights, NEGATORS } from './clauses.js';

export type WordCutter = (text: string) => string[];

export interface FeatureWeights {
  word: number;
  trigram: number;
  bigram: number;
  unigram: number;
  /** A word class a word of the text belongs to. */
  klass: number;
  /** Multiplier for clauses around the request in a long message (1 = no weighting). */
  background: number;
  /** Messages shorter than this (in code units, normalised) are not weighted by clause. */
  longMessage: number;
  /** Multiplier for the character n-grams of a negated word (its word feature is replaced). */
  negated: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { word: 1, trigram: 0, bigram: 0.8, unigram: 0.3, klass: 1, background: 1, longMessage: 16, negated: 1 };

/** Words of one meaning class, by name: each member in a text adds the feature "c:<name>". */
export interface WordClass {
  name: string;
  members: readonly string[];
}

export interface FeatureOptions {
  convert?: ScriptConverter;
  weights?: Partial<FeatureWeights>;
  cut: WordCutter;
  /** Synonym groups, canonical form first. */
  synonyms: readonly (readonly string[])[];
  /** Word classes (symptoms, parts, moods …). */
  classes?: readonly WordClass[];
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

/**
 * Chat-system noise that is not the customer's wording:
 * - placeholders in square brackets: emoticon codes such as [呵呵], desensitised values such as
 *   [订单x] ("[" + up to 8 characters that are not brackets + "]");
 * - the labels of the order card a chat client attaches (咨询订单号: 订单金额: …) and its "sent by
 *   clicking …" line (顾客通过点击 + up to 20 characters + 信息发送);
 * - a location tag a social client appends: a place of 2–6 ideographs, a middle dot, 1–10 more
 *   ideographs or letters, and an optional ellipsis (北京·朝阳...).
 */
const NOISE = /\[[^[\]]{1,8}\]|(?:咨询订单号|订单编号|订单金额|下单时间|商品id)\s*:|顾客通过点击.{0,20}?信息发送\s*:?|[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff0-9a-z]{1,10}(?:\.{2,}|…+)?/g;

interface Rewritten {
  text: string;
  /** Ranges of the text that are canonical synonym forms (kept or written in): [start, end) pairs. */
  kept: number[];
}

/** Rewrites synonym variants to their canonical form, longest variant first, left to right. */
function spanRewriter(groups: readonly (readonly string[])[], convert?: ScriptConverter): (text: string) => Rewritten {
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
    if (hits.length === 0) return { text, kept: [] };
    hits.sort((a, b) => a.s - b.s || b.e - a.e);
    let out = '';
    let at = 0;
    const kept: number[] = [];
    for (const h of hits) {
      if (h.s < at) continue;
      // ASCII variants must be whole words ("hi" is not in "this").
      if (/^[a-z0-9]/.test(text.slice(h.s, h.e)) && (/[a-z0-9]/.test(text[h.s - 1] ?? '') || /[a-z0-9]/.test(text[h.e] ?? ''))) continue;
      // The longest match at a position wins; a canonical form matches itself and so protects
      // the variants inside it (券 in 优惠券).
      out += text.slice(at, h.s);
      kept.push(out.length, out.length + h.c.length);
      out += h.c;
      at = h.e;
    }
    return { text: out + text.slice(at), kept };
  };
}

/** Rewrites synonym variants to their canonical form, longest variant first, left to right. */
export function synonymRewriter(groups: readonly (readonly string[])[], convert?: ScriptConverter): (text: string) => string {
  const rewrite = spanRewriter(groups, convert);
  return (text) => rewrite(text).text;
}

/** True when [start, end) overlaps one of the ranges. */
function overlaps(ranges: readonly number[], start: number, end: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (ranges[k]! < end && start < ranges[k + 1]!) return true;
  return false;
}

export function featureExtractor(o: FeatureOptions): (text: string) => Features {
  // Synonym variants go through the same English preparation as messages ("tracking numbers" and
  // "tracking number" both become "track number").
  const prepare = (v: string) => prepareEnglish(normalize(v, o.convert).text).trim();
  const prepared = o.synonyms.map((g) => g.map(prepare).filter((v) => v));
  const rewrite = spanRewriter(prepared, o.convert);
  // Class members are written the way a text is once rewritten (坏掉 → 坏了), so a member that is
  // also a synonym variant still matches.
  const classOf: string[] = [];
  const members: string[] = [];
  for (const c of o.classes ?? []) {
    for (const m of c.members) {
      const v = rewrite(prepare(m)).text;
      if (!v) continue;
      members.push(v);
      classOf.push('c:' + c.name);
    }
  }
  const classes = members.length > 0 ? new AhoCorasick(members) : null;
  const W: FeatureWeights = { ...DEFAULT_FEATURE_WEIGHTS, ...o.weights };
  return (raw) => {
    const { text, kept } = rewrite(prepareEnglish(normalize(raw.replace(/\{\{[^{}]*\}\}/g, ' '), o.convert).text.replace(NOISE, ' ')));
    const f: Features = new Map();
    const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
    const weightAt = clauseWeights(text, W.background, W.longMessage);
    const at = (i: number) => (weightAt ? weightAt[i]! : 1);
    // Per code unit: 0 normal, 1 inside a negated word.
    let negatedAt: Uint8Array | null = null;

    // Class features: every member found (a member inside a longer one counts once, for the longer).
    if (classes) {
      let end = -1;
      const hits: Array<{ p: number; s: number; e: number }> = [];
      classes.scan(text, (p, s, e) => hits.push({ p, s, e }));
      hits.sort((a, b) => a.s - b.s || b.e - a.e);
      for (const h of hits) {
        if (h.e <= end) continue;
        end = h.e;
        if (/^[a-z0-9]/.test(text.slice(h.s, h.e)) && (/[a-z0-9]/.test(text[h.s - 1] ?? '') || /[a-z0-9]/.test(text[h.e] ?? ''))) continue;
        add(classOf[h.p]!, W.klass * at(h.s));
        kept.push(h.s, h.e);
      }
    }

    let pos = 0;
    let negateNext = false;
    for (const token of o.cut(text)) {
      const start = text.startsWith(token, pos) ? pos : text.indexOf(token, pos);
      const end = start + token.length;
      if (start >= 0) pos = end;
      const word = token.trim();
      if (!word || !USEFUL.test(word)) continue;
      const protectedWord = start >= 0 && overlaps(kept, start, end);
      if (negateNext && !protectedWord && !NEGATORS.has(word)) {
        // 没摔: the word is seen as "not 摔", and its characters count for less.
        negateNext = false;
        add('n:' + word, W.word * at(Math.max(0, start)));
        if (start >= 0 && W.negated !== 1) (negatedAt ??= new Uint8Array(text.length)).fill(1, start, end);
        continue;
      }
      negateNext = NEGATORS.has(word) && !protectedWord;
      add('w:' + word, W.word * at(Math.max(0, start)));
    }
    // The characters that make n-grams: CJK ideographs, ASCII letters and digits — all single UTF-16
    // units, so the text is walked by code unit (a surrogate pair is neither and is skipped).
    const chars: string[] = [];
    const cjk: boolean[] = [];
    const weight: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const isCjk = u >= 0x3400 && u <= 0x9fff;
      if (isCjk || (u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39)) {
        chars.push(text[i]!);
        cjk.push(isCjk);
        weight.push(at(i) * (negatedAt?.[i] ? W.negated : 1));
      }
    }
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const w = weight[i]!;
      if (cjk[i]) add('u:' + c, W.unigram * w);
      const n = chars[i + 1];
      if (n !== undefined && (cjk[i] || cjk[i + 1])) add('b:' + c + n, W.bigram * Math.min(w, weight[i + 1]!));
      const m = chars[i + 2];
      if (W.trigram > 0 && n !== undefined && m !== undefined && cjk[i + 1]) add('t:' + c + n + m, W.trigram * Math.min(w, weight[i + 1]!, weight[i + 2]!));
    }
    return f;
  };
}
