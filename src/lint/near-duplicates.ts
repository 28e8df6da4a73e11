// Finds phrasebook templates that say the same thing: within one intent and locale, two templates
// whose normalised texts share most of their character bigrams. Pure and dictionary-free (no word
// segmentation), so the pre-commit hook never loads jieba for it.

/** The rule id near-duplicate templates are reported under. */
export const NEAR_DUPLICATE_RULE = 'phrasebook/near-duplicate';

/** Cosine similarity of character-bigram counts at or above which two templates are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.75;

export interface TemplateText {
  id: string;
  intent: string;
  locale: string;
  text: string;
}

export interface NearDuplicate {
  /** The template that came first (file order). */
  first: string;
  /** The later template, which is reported. */
  second: string;
  similarity: number;
}

/**
 * Lower case, compatibility forms folded (full-width → half-width), every slot {{…}} as one
 * placeholder, and nothing but letters, digits and placeholders: punctuation, blanks and the
 * decorative ～ do not make two templates different.
 */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\{\{[^{}]*\}\}/g, '□')
    .replace(/[^\p{L}\p{N}□]/gu, '');
}

/** Character bigrams with their counts (a one-character text is its own gram). */
export function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  if (s.length === 1) m.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Small ids of the characters seen, so that a bigram key stays a small integer (fast map key). */
const charIds = new Map<number, number>();
const charId = (c: number): number => {
  let id = charIds.get(c);
  if (id === undefined) charIds.set(c, (id = charIds.size + 1));
  return id;
};

/** Bigrams as numbers (two character ids → one key): no string per gram on the hook's hot path. */
function gramCounts(s: string): Map<number, number> {
  const m = new Map<number, number>();
  if (s.length === 1) m.set(charId(s.charCodeAt(0)), 1);
  let prev = s.length > 0 ? charId(s.charCodeAt(0)) : 0;
  for (let i = 1; i < s.length; i++) {
    const cur = charId(s.charCodeAt(i));
    const g = prev * 0x8000 + cur;
    m.set(g, (m.get(g) ?? 0) + 1);
    prev = cur;
  }
  return m;
}

interface Vector {
  grams: Map<number, number>;
  norm: number;
}

function vector(text: string): Vector {
  const grams = gramCounts(normaliseForComparison(text));
  let sq = 0;
  for (const c of grams.values()) sq += c * c;
  return { grams, norm: Math.sqrt(sq) };
}

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.grams.size <= b.grams.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, c] of small.grams) {
    const o = large.grams.get(g);
    if (o !== undefined) dot += c * o;
  }
  return dot / (a.norm * b.norm);
}

export function similarity(a: string, b: string): number {
  return cosine(vector(a), vector(b));
}

/**
 * Pairs of near-duplicate templates, each later template reported once (against the most similar
 * earlier one of its intent and locale). Templates are compared in the order given.
 */
export function nearDuplicates(templates: readonly TemplateText[], threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate[] {
  const groups = new Map<string, Array<{ id: string; v: Vector }>>();
  const out: NearDuplicate[] = [];
  for (const t of templates) {
    const key = `${t.intent}\0${t.locale}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    const v = vector(t.text);
    let best: { id: string; s: number } | null = null;
    for (const earlier of group) {
      const s = cosine(v, earlier.v);
      if (s >= threshold && (!best || s > best.s)) best = { id: earlier.id, s };
    }
    if (best) out.push({ first: best.id, second: t.id, similarity: best.s });
    group.push({ id: t.id, v });
  }
  return out;
}
