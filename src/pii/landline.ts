// Mainland landline numbers: area code 0xx/0xxx + 7–8 digit local number, optional extension.

import { makeRecognizer } from './recognizer.js';
import { BUSINESS_NUMBER_WORDS, PHONE_WORDS } from './context-words.js';

// (?<![\d*a-z_])           not glued to a longer number or a mask star
// (?:\(0\d{2,3}\)|0\d{2,3}) area code 010, 021, 0755 … optionally in brackets
// (?<sep>-?)               dash between area code and number (captured: it raises confidence)
// [2-9]\d{6,7}             local number: 7 or 8 digits, never starting with 0 or 1
// (?:(?:-|转|ext)\d{1,5})?  optional extension
// (?![\d*])                not followed by more digits
const LANDLINE = /(?<![\d*a-z_])(?:\(0\d{2,3}\)|0\d{2,3})-?[2-9]\d{6,7}(?:(?:-|转|ext)\d{1,5})?(?![\d*])/g;

export const landline = makeRecognizer({
  name: 'landline',
  kind: 'landline',
  mayContain: (t) => /0\d{2,3}\)?-?[2-9]\d{6}/.test(t),
  patterns: [
    // A dash or brackets make the shape unmistakable; a bare digit run needs a context word.
    { name: 'cn-landline-grouped', regex: /(?<![\d*a-z_])(?:\(0\d{2,3}\)-?|0\d{2,3}-)[2-9]\d{6,7}(?:(?:-|转|ext)\d{1,5})?(?![\d*])/g, score: 0.55 },
    { name: 'cn-landline', regex: LANDLINE, score: 0.35 },
  ],
  context: { raise: PHONE_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 12, after: 6 },
});
