// Bank-card numbers: 16–19 digits, whole or grouped in fours (the last group shorter), in any
// numerals, confirmed by the issuer prefix and the Luhn check. A number the text calls an order
// or tracking number is something else, and an 18-digit number with an ID's region and birth
// date is an ID (perhaps mistyped), not a card.

import { makeRecognizer } from './recognizer.js';
import { cardIssuer, idShaped, luhnOk } from './checksums.js';
import { BUSINESS_NUMBER_WORDS } from './context-words.js';
import { AFTER, BEFORE, D, digitRunTest, digitsOf, grouping, notAlone } from './digits.js';

// Groups of four: 16 digits (4-4-4-4) or 19 (4-4-4-4-3). One pattern per length, longest first,
// so that the 16 digits of "6222 0210 0112 3456 5月" are a card and the 5 is a month.
const GROUPED = [[4, 4, 4, 4, 3], [4, 4, 4, 4]] as const;

export const bankCard = makeRecognizer({
  name: 'bank-card',
  kind: 'bank-card',
  mayContain: digitRunTest(16),
  patterns: [
    ...GROUPED.map((shape) => ({
      // BEFORE  not inside a longer number or code
      // groups of four digits and an optional shorter fifth, one separator throughout
      // AFTER   nothing glued after
      name: 'card-grouped',
      regex: new RegExp(`${BEFORE}${grouping(shape)}${AFTER}`, 'g'),
      score: 0.5,
    })),
    {
      // BEFORE  16 to 19 digits in one run  AFTER
      name: 'card-run',
      regex: new RegExp(`${BEFORE}${D}{16,19}${AFTER}`, 'g'),
      score: 0.4,
    },
  ],
  validate(value, { text, start, end }) {
    const digits = digitsOf(value);
    if (digits.length < 16 || digits.length > 19) return { ok: false, reason: 'length' };
    if (digits.length === 18 && idShaped(digits)) return { ok: false, reason: 'region and birth date of an ID number' };
    const issuer = cardIssuer(digits);
    if (!issuer) return { ok: false, reason: 'no card issuer has this prefix' };
    if (!issuer.lengths.includes(digits.length)) return { ok: false, reason: `${issuer.name} cards do not have ${digits.length} digits` };
    if (!luhnOk(digits)) return { ok: false, reason: 'Luhn check failed' };
    // 6228 4866 6522 6407 291: a group of three after the fourth is the tail of a 19-digit number.
    const other = notAlone(text, start, end, true);
    return other ? { ok: false, reason: other } : { ok: true, reason: `${issuer.name} prefix and Luhn check valid` };
  },
  context: {
    raise: ['银行卡', '卡号', '储蓄卡', '信用卡', '借记卡', '账号', '帐号', '开户', 'card'],
    // A number the text calls an ID (but that is no valid one) is a mistyped ID, not a card.
    lower: [...BUSINESS_NUMBER_WORDS, '身份证', '证件'],
  },
});
