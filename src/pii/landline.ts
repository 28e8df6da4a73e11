// Mainland landline numbers: area code + 7–8 digit local number, optional extension; and a bare
// 7–8 digit local number, which is only reported next to a word that names a phone.

import { combineRecognizers, makeRecognizer } from './recognizer.js';
import { BUSINESS_NUMBER_WORDS, PHONE_WORDS } from './context-words.js';
import { validDate } from './checksums.js';

// Area codes: 010 (Beijing) and 020–029 have three digits; every other one is 0 + three digits
// from 0310 up. So 0 + 1[3-9]… is a mobile with a trunk prefix, never an area code, and 400/800
// hotlines never match.
const AREA = '(?:010|02\\d|0[3-9]\\d{2})';
// Extension: -1234, 转1234, ext1234.
const EXT = '(?:(?:-|转|ext)\\d{1,5})?';

const withArea = makeRecognizer({
  name: 'landline',
  kind: 'landline',
  mayContain: (t) => /0\d{2,3}\)?-?\d{3}/.test(t),
  patterns: [
    {
      // A dash or brackets make the shape unmistakable.
      // (?<![\d*a-z_])        not glued to a longer number, a mask star or an identifier
      // (?:\(AREA\)-?|AREA-)  area code in brackets, or followed by a dash
      // [1-9](?:\d{6,7}|\d{2,3}-\d{4})   local number: 7 or 8 digits, never starting with 0, in
      //                                one run or grouped 3-4 / 4-4 (021-6234-5678)
      // EXT (?![\d*])         optional extension; nothing glued after
      name: 'cn-landline-grouped',
      regex: new RegExp(`(?<![\\d*a-z_])(?:\\(${AREA}\\)-?|${AREA}-)[1-9](?:\\d{6,7}|\\d{2,3}-\\d{4})${EXT}(?![\\d*])`, 'g'),
      score: 0.55,
    },
    {
      // The same digits in one run (01062345678, 07557654321): weaker, a context word confirms.
      name: 'cn-landline',
      regex: new RegExp(`(?<![\\d*a-z_])${AREA}[1-9]\\d{6,7}${EXT}(?![\\d*])`, 'g'),
      score: 0.35,
    },
  ],
  context: { raise: PHONE_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 12, after: 8 },
});

const localOnly = makeRecognizer({
  name: 'landline-local',
  kind: 'landline',
  mayContain: (t) => /[2-8]\d{6}/.test(t),
  patterns: [
    {
      // (?<![\d*a-z_./-])   not part of a longer number, a code, a price, a date or a hotline (400-…)
      // [2-8]\d{6,7}        a local number: 7 or 8 digits, 2–8 first (0 is a trunk, 1 a mobile or
      //                     service number, 9 a service hotline)
      // (?![\d*./-])        nothing glued after
      name: 'cn-landline-local',
      regex: /(?<![\d*a-z_./-])[2-8]\d{6,7}(?![\d*./-])/g,
      score: 0.15,
    },
  ],
  validate(value) {
    // 20240315 next to 电话 is a date (电话回访时间20240315), not a number to call.
    const date = value.length === 8 && validDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)));
    const y = Number(value.slice(0, 4));
    return date && y >= 1900 && y <= 2099 ? { ok: false, reason: 'a yyyymmdd date' } : { ok: true, reason: 'local-number shape', score: 0.15 };
  },
  // Only words that name a fixed-line phone: 号码 or 联系 alone also sit next to order numbers.
  context: { raise: ['座机', '固话', '固定电话', '电话', '致电', '拨打', '来电', 'tel'], lower: BUSINESS_NUMBER_WORDS, before: 10, after: 6, raiseBy: 0.35 },
});

export const landline = combineRecognizers('landline', 'landline', [withArea, localOnly]);
