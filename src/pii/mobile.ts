// Mainland mobile numbers: 1[3-9]x xxxx xxxx, with a +86 / 0086 / (+86) country code or a trunk
// 0, in ASCII, full-width, Chinese or financial numerals, whole or grouped the way people write a
// mobile number (138 1234 5678, 138-1234-5678, 138.1234.5678, 138 12345678, 1381234 5678,
// 1381 2345 678, or digit by digit). Product ids, model numbers, ordinals and counts are not.

import { makeRecognizer } from './recognizer.js';
import { AFTER, BEFORE, COUNTRY_CODE, digitRunTest, digitsOf, groupings, notAlone, SEP } from './digits.js';
import { BUSINESS_NUMBER_WORDS, PHONE_WORDS } from './context-words.js';

// The country code: +86, 0086, (+86) or (86), a blank or dash after it; or the trunk 0 (0138…).
const PREFIX = `(?:${COUNTRY_CODE}(?:${SEP})?|[0〇零](?=[1一幺壹]))`;
// The groupings of eleven digits people write, longest pieces first.
const SHAPES = [[11], [3, 4, 4], [3, 8], [7, 4], [4, 4, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]] as const;

export const mobile = makeRecognizer({
  name: 'mobile',
  kind: 'mobile',
  mayContain: digitRunTest(11),
  patterns: [
    {
      name: 'cn-mobile',
      // BEFORE      not glued to another number, a letter, a mask star or a code (ABC-…)
      // PREFIX?     country code or trunk 0
      // SHAPES      eleven digits in one of the groupings above, one separator throughout
      // AFTER       nothing glued after (…-BLK-XL, …@qq.com)
      regex: new RegExp(`${BEFORE}${PREFIX}?${groupings(SHAPES)}${AFTER}`, 'g'),
      score: 0.6,
    },
  ],
  validate(value, { text, start, end }) {
    let d = digitsOf(value);
    if (d.length === 15 && d.startsWith('0086')) d = d.slice(4);
    else if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
    else if (d.length === 12 && d.startsWith('0')) d = d.slice(1);
    if (!/^1[3-9]\d{9}$/.test(d)) return { ok: false, reason: 'not a mobile network prefix (13x–19x)' };
    const other = notAlone(text, start, end);
    return other ? { ok: false, reason: other } : { ok: true, reason: 'mobile network prefix', score: 0.6 };
  },
  // An order or parcel word names the number only when it sits right next to it (订单号是…); further
  // back it belongs to another phrase (您的订单（收件人张伟 138…）).
  context: { raise: PHONE_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 12, after: 8, lowerBefore: 6, lowerAfter: 4 },
});
