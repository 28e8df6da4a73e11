// E-mail addresses, including Chinese-character local parts and domains (汉字@qq.com).

import { makeRecognizer } from './recognizer.js';

/** Words that introduce an address in a sentence: trimmed off a Chinese local part. */
const CUE = /^.*(?:是|为|到|至|给|箱|:|：)/u;

export const email = makeRecognizer({
  name: 'email',
  kind: 'email',
  mayContain: (t) => t.includes('@'),
  patterns: [
    {
      name: 'email',
      // (?<![\w.%+*-])                    not in the middle of another address or after a mask
      // (?:[a-z0-9][\w.%+-]*              an ASCII local part …
      //   |[\u4e00-\u9fa5][\u4e00-\u9fa5\w.%+-]{0,11})   … or one that starts with Chinese
      // @                                  the at sign
      // [a-z0-9\u4e00-\u9fa5-]+            first domain label
      // (?:\.[a-z0-9\u4e00-\u9fa5-]+)*     further labels
      // \.[a-z\u4e00-\u9fa5]{1,24}         top-level domain
      regex:
        /(?<![\w.%+*-])(?:[a-z0-9][\w.%+-]*|[\u4e00-\u9fa5][\u4e00-\u9fa5\w.%+-]{0,11})@[a-z0-9\u4e00-\u9fa5-]+(?:\.[a-z0-9\u4e00-\u9fa5-]+)*\.[a-z\u4e00-\u9fa5]{1,24}/gu,
      score: 0.85,
    },
  ],
  refine(text, start, end) {
    const local = text.slice(start, text.indexOf('@', start));
    if (!/^[\u4e00-\u9fa5]/u.test(local)) return [start, end];
    const cue = CUE.exec(local);
    return cue && cue[0].length < local.length ? [start + cue[0].length, end] : [start, end];
  },
});
