// Mainland mobile numbers: 1[3-9]x xxxx xxxx, with +86/0086/0 prefixes, dashes or blanks
// (blanks inside digit runs are already removed by normalisation; full-width digits folded).

import { makeRecognizer } from './recognizer.js';
import { BUSINESS_NUMBER_WORDS, PHONE_WORDS } from './context-words.js';

export const mobile = makeRecognizer({
  name: 'mobile',
  kind: 'mobile',
  mayContain: (t) => /1[3-9]\d/.test(t),
  patterns: [
    {
      name: 'cn-mobile',
      // (?<![\d*a-z_])        not glued to a longer number, a mask star or an identifier
      // (?:(?:\+|00)86-?|0)?  optional country code (+86, 0086) or trunk prefix 0
      // 1[3-9]\d              network prefix: 13x … 19x
      // -?\d{4}-?\d{4}        eight subscriber digits, optionally grouped 3-4-4 with dashes
      // (?![\d*])             not followed by more digits or a mask star
      regex: /(?<![\d*a-z_])(?:(?:\+|00)86-?|0)?1[3-9]\d-?\d{4}-?\d{4}(?![\d*])/g,
      score: 0.6,
    },
  ],
  // An order or parcel word names the number only when it sits right next to it (订单号是…); further
  // back it belongs to another phrase (您的订单（收件人张伟 138…）).
  context: { raise: PHONE_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 12, after: 8, lowerBefore: 6, lowerAfter: 4 },
});
