// E-mail addresses, including Chinese characters in the local part or the domain (汉字@qq.com,
// luxiaolei_小磊@小磊.com). Replies glue addresses to Chinese text (已发送到abc@qq.com已登记), so the
// edges are where the work is: a cue word before a Chinese local part is trimmed off, and the
// top-level domain is ASCII (or one of the few Chinese TLDs), so the text after it is never eaten.

import { makeRecognizer } from './recognizer.js';

/** Words that introduce an address in a sentence: trimmed off the front of a local part. */
const CUE = /^.*(?:是|为|到|至|给|箱|:)/u;

// (?<![\w.%+*@-])                          not in the middle of another address or after a mask star
// (?:                                      local part, either
//   [a-z0-9][\w.%+\-\u4e00-\u9fa5]{0,63}   … ASCII first, Chinese allowed after (luxiaolei_小磊)
//   |[\u4e00-\u9fa5]{1,12}                 … or Chinese only (汉字); a Chinese run followed by ASCII
// )                                          is sentence text before an ASCII address, not part of it
// @
// [a-z0-9\u4e00-\u9fa5-]{1,63}             first domain label (qq, 163, 小磊)
// (?:\.[a-z0-9\u4e00-\u9fa5-]{1,63}){0,4}  further labels (gmail.com.cn)
// \.(?:[a-z]{1,24}|中国|公司|网络)          top-level domain: ASCII, or a Chinese TLD spelt out
// (?![a-z0-9-])                            not cut out of a longer label
const EMAIL =
  /(?<![\w.%+*@-])(?:[a-z0-9][\w.%+\-\u4e00-\u9fa5]{0,63}|[\u4e00-\u9fa5]{1,12})@[a-z0-9\u4e00-\u9fa5-]{1,63}(?:\.[a-z0-9\u4e00-\u9fa5-]{1,63}){0,4}\.(?:[a-z]{1,24}|中国|公司|网络)(?![a-z0-9-])/gu;

export const email = makeRecognizer({
  name: 'email',
  kind: 'email',
  mayContain: (t) => t.includes('@'),
  patterns: [{ name: 'email', regex: EMAIL, score: 0.85 }],
  refine(text, start, end) {
    const local = text.slice(start, text.indexOf('@', start));
    if (!/[\u4e00-\u9fa5]/u.test(local)) return [start, end];
    const cue = CUE.exec(local);
    return cue ? [start + cue[0].length, end] : [start, end];
  },
  // 请发到@qq.com: once the cue word is trimmed off nothing is left of the local part.
  validate: (value) =>
    value.startsWith('@') ? { ok: false, reason: 'no local part' } : { ok: true, reason: 'local part and domain', score: 0.85 },
});
