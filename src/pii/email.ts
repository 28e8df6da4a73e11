// E-mail addresses, including Chinese characters in the local part or the domain (汉字@qq.com,
// luxiaolei_小磊@小磊.com), and the spellings people use to get an address past a filter:
// abc＠qq．com (folded by normalisation), abc @ qq.com, abc(at)qq(dot)com, abc[at]qq.com,
// abc艾特qq.com, abc@qq。com, "john at gmail dot com". Replies glue addresses to Chinese text
// (已发送到abc@qq.com已登记), so the edges are where the work is: a cue word before a Chinese local
// part is trimmed off, and the top-level domain is ASCII (or one of the few Chinese TLDs), so the
// text after it is never eaten.

import { makeRecognizer } from './recognizer.js';

/** Words that introduce an address in a sentence: trimmed off the front of a local part. */
const CUE = /^.*(?:是|为|到|至|给|箱|:)/u;

// The @: itself (or the small ﹫) with up to two blanks around it, a bracketed "at" — (at) [at]
// {at} <at> — or 艾特 (read "at").
const AT = '(?: {0,2}[@﹫] {0,2}| ?[(\\[{<]at[)\\]}>] ?|艾特)';
// A dot between domain labels: itself, 。 before an ASCII label (abc@qq。com), or a bracketed "dot".
const DOT = '(?:\\.|。(?=[a-z])| ?[(\\[{<]dot[)\\]}>] ?)';
// A domain label: letters, digits, Chinese characters, hyphens (qq, 163, 小磊).
const LABEL = '[a-z0-9\\u4e00-\\u9fa5-]{1,63}';
// The top-level domain: ASCII, or a Chinese TLD spelt out; never cut out of a longer label.
const TLD = '(?:[a-z]{1,24}|中国|公司|网络)(?![a-z0-9-])';

// (?<![\w.%+*@-])                          not in the middle of another address or after a mask star
// (?:                                      local part, either
//   [a-z0-9][\w.%+\-\u4e00-\u9fa5]{0,63}   … ASCII first, Chinese allowed after (luxiaolei_小磊)
//   |[\u4e00-\u9fa5]{1,12}                 … or Chinese only (汉字); a Chinese run followed by ASCII
// )                                          is sentence text before an ASCII address, not part of it
// AT LABEL (?:DOT LABEL){0,4} DOT TLD      the @, the domain's labels, the top-level domain
const EMAIL = new RegExp(
  `(?<![\\w.%+*@-])(?:[a-z0-9][\\w.%+\\-\\u4e00-\\u9fa5]{0,63}|[\\u4e00-\\u9fa5]{1,12})${AT}${LABEL}(?:${DOT}${LABEL}){0,4}${DOT}${TLD}`,
  'gu',
);

// Spelt out in English words: "john.doe at gmail dot com". Both words are needed — "reach us at
// shop.example.com" is a sentence, not an address.
//   (?<![\w.%+-]) [a-z0-9][\w.%+-]{0,63}   an ASCII local part
//   \s+at\s+ [a-z0-9-]{1,63}               " at ", a domain label
//   (?:\s+dot\s+[a-z0-9-]{1,63}){0,3}      further labels
//   \s+dot\s+[a-z]{2,24}(?![a-z0-9-])      " dot " and the top-level domain
const SPELT = /(?<![\w.%+-])[a-z0-9][\w.%+-]{0,63}\s+at\s+[a-z0-9-]{1,63}(?:\s+dot\s+[a-z0-9-]{1,63}){0,3}\s+dot\s+[a-z]{2,24}(?![a-z0-9-])/g;

/** Where the @ (in any spelling) of an address is: the local part ends there, the domain follows it. */
const AT_RE = new RegExp(`${AT}|\\s+at\\s+`, 'iu');

/** An address split at its @ (any spelling, either width); null when it has none. */
export function splitEmail(value: string): { local: string; at: string; domain: string } | null {
  const m = AT_RE.exec(value.replace(/[＠]/g, '@'));
  if (!m || m.index === 0) return null;
  return { local: value.slice(0, m.index), at: value.slice(m.index, m.index + m[0].length), domain: value.slice(m.index + m[0].length) };
}

export const email = makeRecognizer({
  name: 'email',
  kind: 'email',
  mayContain: (t) => /[@﹫]|艾特|[(\[{<]at[)\]}>]|\sat\s/.test(t),
  patterns: [
    { name: 'email', regex: EMAIL, score: 0.85 },
    { name: 'email-spelt', regex: SPELT, score: 0.85 },
  ],
  refine(text, start, end) {
    const parts = splitEmail(text.slice(start, end));
    if (!parts || !/[\u4e00-\u9fa5]/u.test(parts.local)) return [start, end];
    const cue = CUE.exec(parts.local);
    return cue ? [start + cue[0].length, end] : [start, end];
  },
  // 请发到@qq.com: once the cue word is trimmed off nothing is left of the local part.
  validate: (value) => (splitEmail(value) === null ? { ok: false, reason: 'no local part' } : { ok: true, reason: 'local part and domain', score: 0.85 }),
});
