// Bank-card numbers: 16–19 digits, whole or grouped in fours, confirmed by the issuer prefix and
// the Luhn check. A number the text calls an order or tracking number is something else, and an
// 18-digit number with an ID's region and birth date is an ID (perhaps mistyped), not a card.

import { makeRecognizer } from './recognizer.js';
import { cardIssuer, idShaped, luhnOk } from './checksums.js';
import { BUSINESS_NUMBER_WORDS } from './context-words.js';

export const bankCard = makeRecognizer({
  name: 'bank-card',
  kind: 'bank-card',
  mayContain: (t) => /\d{4}-?\d{4}-?\d{4}/.test(t),
  patterns: [
    {
      name: 'card-grouped',
      // (?<![\d*a-z-])  not inside a longer number or code
      // \d{4}(?:-\d{4}){3}  four dash-separated groups of four digits
      // (?:-?\d{1,3})?  up to three more digits (19-digit cards)
      // (?![\d*a-z])    nothing glued after
      regex: /(?<![\d*a-z-])\d{4}(?:-\d{4}){3}(?:-?\d{1,3})?(?![\d*a-z])/g,
      score: 0.5,
    },
    {
      name: 'card-run',
      // 16 to 19 digits in one run, not glued to letters, digits or mask stars
      regex: /(?<![\d*a-z])\d{16,19}(?![\d*a-z])/g,
      score: 0.4,
    },
  ],
  validate(value) {
    const digits = value.replace(/-/g, '');
    if (digits.length < 16 || digits.length > 19) return { ok: false, reason: 'length' };
    if (digits.length === 18 && idShaped(digits)) return { ok: false, reason: 'region and birth date of an ID number' };
    const issuer = cardIssuer(digits);
    if (!issuer) return { ok: false, reason: 'no card issuer has this prefix' };
    return luhnOk(digits) ? { ok: true, reason: `${issuer} prefix and Luhn check valid` } : { ok: false, reason: 'Luhn check failed' };
  },
  context: {
    raise: ['银行卡', '卡号', '储蓄卡', '信用卡', '借记卡', '账号', '帐号', '开户', 'card'],
    lower: BUSINESS_NUMBER_WORDS,
  },
});
