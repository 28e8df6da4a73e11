// Where the request sits in a customer message, and which words are negated. Real customers bury
// one request in a long story ("用了三个月了 之前一直好好的 昨天摔了一下 现在充不进电 怎么办"): the
// clauses that ask for something weigh more than the ones that tell the story. And "没摔没撞" says
// the phone was NOT dropped: 摔 must not pull the message towards transit damage.
//
// Both work on the ranker's normalised text (simplified, half-width, lower case) and are language
// mechanics, not domain vocabulary, so they live in code; the domain words are in synonyms.yaml.

/**
 * Clause boundaries: sentence and clause punctuation (half-width after normalisation, plus the
 * CJK marks normalisation keeps: 。、…), line breaks, and blanks (chat messages use a space where
 * prose uses a comma).
 */
const BOUNDARY = /[,.!?;:~\n\r\t 。、…]+/g;

/**
 * A clause that asks for something: a question word (怎么 为什么 什么时候 哪 多久 …), a request
 * verb (请 麻烦 帮 求 希望 要求 给我 能不能 可以 …), a sentence-final question particle (吗 呢 么
 * 嘛 — 么 only at the end, where it is a particle and not part of 什么/怎么), or a question mark
 * (kept by the splitter as the clause's end: see clauseRanges).
 */
const REQUEST =
  /怎么|怎样|如何|咋|为什么|为啥|为何|什么时候|啥时候|几时|多久|多长时间|哪|啥|什么|能不能|能否|可不可以|可以|是否|有没有|行不行|请|麻烦|帮我|帮忙|帮帮|求|希望|要求|给我|我要|我想|想要|想问|how|what|why|when|where|can|could|please|help|want|need|(?:吗|呢|么|嘛|吧)$/;

export interface Clause {
  start: number;
  end: number;
  /** The clause asks for something (see REQUEST), or ends in a question mark. */
  request: boolean;
}

/** The clauses of a normalised text, in order (empty clauses dropped). */
export function clauseRanges(text: string): Clause[] {
  const out: Clause[] = [];
  let at = 0;
  const push = (end: number, question: boolean) => {
    const body = text.slice(at, end);
    if (/[\p{L}\p{N}]/u.test(body)) out.push({ start: at, end, request: question || REQUEST.test(body) });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    push(m.index, m[0].includes('?'));
    at = m.index + m[0].length;
  }
  push(text.length, false);
  return out;
}

/**
 * A weight for every code unit of the text: 1 inside a request clause, `background` elsewhere —
 * but only when the message is long enough to have a story around its request, and has both kinds
 * of clause (otherwise every unit weighs 1). Null when all weights are 1.
 */
export function clauseWeights(text: string, background: number, minLength: number): Float64Array | null {
  if (background >= 1 || text.length < minLength) return null;
  const clauses = clauseRanges(text);
  if (clauses.length < 2) return null;
  const requests = clauses.filter((c) => c.request).length;
  if (requests === 0 || requests === clauses.length) return null;
  const w = new Float64Array(text.length).fill(background);
  for (const c of clauses) if (c.request) w.fill(1, c.start, c.end);
  return w;
}

/**
 * Words that negate the word after them. A negation that is itself a word of meaning (没收到,
 * 没信号, 不要了) is protected by the synonym and class tables before this applies.
 */
export const NEGATORS: ReadonlySet<string> = new Set(['不', '没', '没有', '别', '未', '并未', '并没有', '从没', '从来不', '不是', '并不', '无需', '不用', '不必', 'not', 'never', 'no']);
