// The `exclamation` rule kind: shouting — runs of exclamation marks, or exclamation marks closing
// most sentences of a reply. Works on normalised text, where ！ is already folded to !.

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
