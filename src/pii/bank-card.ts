// Bank-card numbers: 16–19 digits, whole or grouped in fours (the last group shorter), in any
// numerals, confirmed by the issuer prefix and the Luhn check. A number the text calls an order
// or tracking number is something else, and an 18-digit number with an ID's region and birth
// date is an ID (perhaps mistyped), not a card.

import { makeRecognizer } from './recognizer.js';
import { cardIssuer, idShaped, luhnOk } from './checksums.js';
import { BUSINESS_NUMBER_WORDS } from './context-words.js';
import { AFTER, BEFORE, D, digitRunTest, digitsOf, groupings, notAlone } from './digits.js';

// Groups of four, 16 to 19 digits: 4-4-4-4, 4-4-4-4-3 …
const GROUPED = [[4, 4, 4, 4, 3], [4, 4, 4, 4, 2], [4, 4, 4, 4, 1], [4, 4, 4, 4]] as const;

export const bankCard = makeRecognizer({
  name: 'bank-card',
  kind: 'bank-card',
  mayContain: digitRunTest(16),
  patterns: [
    {
      // BEFORE  not inside a longer number or code
      // GROUPED four groups of four digits and an optional shorter fifth, one separator throughout
      // AFTER   nothing glued after
      name: 'card-grouped',
      regex: new RegExp(`${BEFORE}${groupings(GROUPED)}${AFTER}`, 'g'),
      score: 0.5,
    },
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
    if (!luhnOk(digits)) return { ok: false, reason: 'Luhn check failed' };
    const other = notAlone(text, start, end);
    return other ? { ok: false, reason: other } : { ok: true, reason: `${issuer} prefix and Luhn check valid` };
  },
  context: {
    raise: ['银行卡', '卡号', '储蓄卡', '信用卡', '借记卡', '账号', '帐号', '开户', 'card'],
    lower: BUSINESS_NUMBER_WORDS,
  },
});
