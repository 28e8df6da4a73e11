// Resident identity card numbers (GB 11643): 18 characters validated by region, birth date and
// the MOD 11-2 check character; and the old 15-digit form, which has no check digit: its province
// code and birth date are checked, but it is only reported next to a word that names it (15-digit
// runs with a date-like middle are common: IMEIs, parcel numbers). Either may be written whole or
// grouped (110105-19491231-002X, 110105 1949 1231 002X, 1101 0519 4912 3100 2X), in any numerals.

import { makeRecognizer } from './recognizer.js';
import { idCard15Problem, idCardProblem } from './checksums.js';
import { BUSINESS_NUMBER_WORDS } from './context-words.js';
import { AFTER, BEFORE, D_OR_X, digitRunTest, digitsOf, groupings, notAlone } from './digits.js';

const ID_WORDS = ['身份证', '证件', '身份号', '居民身份', 'id card', 'id number', 'identity'] as const;

// 18 characters: whole; region-birth date-sequence (6-8-4); region and the date split in year,
// month-day (6-4-4-4); or in fours like a card (4-4-4-4-2).
const SHAPES_18 = [[18], [6, 8, 4], [6, 4, 4, 4], [4, 4, 4, 4, 2]] as const;
// 15 digits: whole, or region-birth date-sequence (6-6-3).
const SHAPES_15 = [[15], [6, 6, 3]] as const;

export const idCard = makeRecognizer({
  name: 'id-card',
  kind: 'id-card',
  mayContain: digitRunTest(17),
  patterns: [
    {
      // BEFORE   not part of a longer number or code, not after a mask star
      // SHAPES   17 digits and the check character (a digit or x), whole or grouped
      // AFTER    nothing glued after it
      name: 'cn-id-18',
      regex: new RegExp(`${BEFORE}${groupings(SHAPES_18, D_OR_X)}${AFTER}`, 'g'),
      score: 0.5,
    },
  ],
  validate(value, { text, start, end }) {
    const problem = idCardProblem(digitsOf(value));
    if (problem !== null) return { ok: false, reason: `invalid ${problem}` };
    const other = notAlone(text, start, end);
    return other ? { ok: false, reason: other } : { ok: true, reason: 'region, birth date and check digit valid' };
  },
  context: { raise: ID_WORDS, lower: BUSINESS_NUMBER_WORDS },
});

export const idCard15 = makeRecognizer({
  name: 'id-card-15',
  kind: 'id-card',
  mayContain: digitRunTest(15),
  patterns: [
    {
      // BEFORE  SHAPES (15 digits: region, birth date yymmdd, sequence)  AFTER
      name: 'cn-id-15',
      regex: new RegExp(`${BEFORE}${groupings(SHAPES_15)}${AFTER}`, 'g'),
      score: 0.3,
    },
  ],
  validate(value, { text, start, end }) {
    const problem = idCard15Problem(digitsOf(value));
    if (problem !== null) return { ok: false, reason: `invalid ${problem}` };
    const other = notAlone(text, start, end);
    // Confirmed at the pattern's own score: without a check digit the shape alone proves little.
    return other ? { ok: false, reason: other } : { ok: true, reason: 'province and birth date valid', score: 0.3 };
  },
  // "your old ID card number …": English names it further back.
  context: { raise: ID_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 16, raiseBy: 0.35, lowerBy: 0.6 },
});
