// Resident identity card numbers (GB 11643): 18 characters validated by region, birth date and
// the MOD 11-2 check character; and the old 15-digit form, which has no check digit: its province
// code and birth date are checked, but it is only reported next to a word that names it (15-digit
// runs with a date-like middle are common: IMEIs, parcel numbers).

import { makeRecognizer } from './recognizer.js';
import { idCard15Problem, idCardProblem } from './checksums.js';
import { BUSINESS_NUMBER_WORDS } from './context-words.js';

const ID_WORDS = ['身份证', '证件', '身份号', '居民身份', 'id card', 'id number', 'identity'] as const;

export const idCard = makeRecognizer({
  name: 'id-card',
  kind: 'id-card',
  mayContain: (t) => /\d{17}/.test(t),
  patterns: [
    {
      name: 'cn-id-18',
      // (?<![\d*a-z])  not part of a longer number or code, not after a mask star
      // [1-9]\d{16}    region (6), birth date (8) and sequence (3) digits
      // [\dx]          check character: a digit or x (10), lower-cased by normalisation
      // (?![\d*a-z])   nothing glued after it
      regex: /(?<![\d*a-z])[1-9]\d{16}[\dx](?![\d*a-z])/g,
      score: 0.5,
    },
  ],
  validate(value) {
    const problem = idCardProblem(value);
    return problem === null ? { ok: true, reason: 'region, birth date and check digit valid' } : { ok: false, reason: `invalid ${problem}` };
  },
  context: { raise: ID_WORDS, lower: BUSINESS_NUMBER_WORDS },
});

export const idCard15 = makeRecognizer({
  name: 'id-card-15',
  kind: 'id-card',
  mayContain: (t) => /\d{15}/.test(t),
  patterns: [
    {
      name: 'cn-id-15',
      // (?<![\d*a-z]) [1-9]\d{5}  region code
      // \d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])  birth date yymmdd
      // \d{3}(?![\d*a-z])  sequence, nothing glued after
      regex: /(?<![\d*a-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\d*a-z])/g,
      score: 0.3,
    },
  ],
  validate(value) {
    const problem = idCard15Problem(value);
    // Confirmed at the pattern's own score: without a check digit the shape alone proves little.
    return problem === null ? { ok: true, reason: 'province and birth date valid', score: 0.3 } : { ok: false, reason: `invalid ${problem}` };
  },
  context: { raise: ID_WORDS, lower: BUSINESS_NUMBER_WORDS, raiseBy: 0.35, lowerBy: 0.6 },
});
