// Mainland landline numbers: area code + 7–8 digit local number, optional extension; and a bare
// 7–8 digit local number, which is only reported next to a word that names a phone. Written in
// the ways people write them — (010)6234 5678, 010-62345678, 0755 8765 4321, +86 10 6234 5678,
// 0571-88886666转123 — in any numerals; the area code and local number are checked in code.

import { combineRecognizers, makeRecognizer } from './recognizer.js';
import { BUSINESS_NUMBER_WORDS, PHONE_WORDS } from './context-words.js';
import { validDate } from './checksums.js';
import { AFTER, BEFORE, COUNTRY_CODE, D, digitOf, digitRunTest, groupings, notAlone, SEP } from './digits.js';

// A local number: 7 or 8 digits, whole or as 3-4 / 4-4.
const LOCAL = groupings([[8], [7], [4, 4], [3, 4]]);
// An extension: -1234, 转1234, ext1234, 分机1234.
const EXT = `(?:[ \\t]?(?:-|转|ext\\.?|分机)[ \\t]?${D}{1,5})?`;

/**
 * Area codes: 010 (Beijing) and 020–029 have three digits; every other one is 0 + three digits
 * from 0310 up. So 0 + 1[3-9]… is a mobile with a trunk prefix, never an area code, and 400/800
 * hotlines never qualify. Written after +86, the 0 is left out.
 */
const AREA = /^0(?:10|2\d|[3-9]\d{2})$/;

/** Digit groups of a value: its runs of digits, in any numerals, as ASCII. */
function parts(value: string): string[] {
  const groups: string[] = [];
  let cur = '';
  for (const c of value) {
    const d = digitOf(c);
    if (d !== undefined) cur += d;
    else if (cur) {
      groups.push(cur);
      cur = '';
    }
  }
  if (cur) groups.push(cur);
  return groups;
}

/** Why an area code + local number (+ extension) is not a landline number, or null. */
function landlineProblem(value: string): string | null {
  let groups = parts(value);
  if (/^(?:\+|\(|00|[〇零]{2})/.test(value) && /^(?:0{0,2})86$/.test(groups[0] ?? '')) {
    groups = groups.slice(1); // the country code
    if (groups.length > 0) groups[0] = '0' + groups[0];
  }
  let area: string;
  let rest: string[];
  if (groups.length === 1) {
    // One run: the area code's own first digits say how long it is.
    const run = groups[0]!;
    const n = /^0(?:10|2\d)/.test(run) ? 3 : 4;
    area = run.slice(0, n);
    rest = [run.slice(n)];
  } else {
    area = groups[0]!;
    rest = groups.slice(1);
  }
  if (!AREA.test(area)) return 'no area code';
  let local = rest[0] ?? '';
  let i = 1;
  if (local.length <= 4 && rest[1]?.length === 4) local += rest[i++]!;
  const extension = rest.slice(i);
  if (!/^[1-9]\d{6,7}$/.test(local)) return 'local number not 7–8 digits';
  if (extension.length > 1 || (extension.length === 1 && extension[0]!.length > 5)) return 'too many digit groups';
  return null;
}

const withArea = makeRecognizer({
  name: 'landline',
  kind: 'landline',
  mayContain: digitRunTest(7),
  patterns: [
    {
      // A separator or brackets make the shape unmistakable.
      // BEFORE                      not glued to a longer number, a mask star or a code
      // (?: \(AREA\) | +86 AREA SEP | AREA SEP )   area code in brackets, or followed by a separator
      // LOCAL EXT AFTER             local number (7–8 digits, maybe 3-4 / 4-4), extension, nothing glued after
      name: 'cn-landline-grouped',
      regex: new RegExp(`${BEFORE}(?:\\(${D}{3,4}\\)[ \\t]{0,2}-?[ \\t]{0,2}|${COUNTRY_CODE}(?:${SEP})?(?:\\(${D}{2,3}\\)|${D}{2,3})(?:${SEP})?|${D}{3,4}${SEP})${LOCAL}${EXT}${AFTER}`, 'g'),
      score: 0.55,
    },
    {
      // The same digits in one run (01062345678, 07557654321): weaker, a context word confirms.
      name: 'cn-landline',
      regex: new RegExp(`${BEFORE}${D}{10,12}${AFTER}`, 'g'),
      score: 0.35,
    },
  ],
  validate(value, { text, start, end }) {
    const problem = landlineProblem(value) ?? notAlone(text, start, end);
    return problem ? { ok: false, reason: problem } : { ok: true, reason: 'area code and local number', score: null };
  },
  context: { raise: PHONE_WORDS, lower: BUSINESS_NUMBER_WORDS, before: 12, after: 8 },
});

const localOnly = makeRecognizer({
  name: 'landline-local',
  kind: 'landline',
  mayContain: digitRunTest(7),
  patterns: [
    {
      // BEFORE (?<![./-])  not part of a longer number, a code, a price, a date or a hotline (400-…)
      // LOCAL              a local number: 7 or 8 digits, maybe 3-4 / 4-4
      // AFTER (?![./-]\d)  nothing glued after
      name: 'cn-landline-local',
      regex: new RegExp(`${BEFORE}(?<![./-])${LOCAL}${AFTER}(?![./-][0-9])`, 'g'),
      score: 0.15,
    },
  ],
  validate(value, { text, start, end }) {
    const d = parts(value).join('');
    // 2–8 first: 0 is a trunk, 1 a mobile or service number, 9 a service hotline.
    if (!/^[2-8]\d{6,7}$/.test(d)) return { ok: false, reason: 'not a local-number shape' };
    // 20240315 next to 电话 is a date (电话回访时间20240315), not a number to call.
    const y = Number(d.slice(0, 4));
    if (d.length === 8 && y >= 1900 && y <= 2099 && validDate(y, Number(d.slice(4, 6)), Number(d.slice(6, 8)))) return { ok: false, reason: 'a yyyymmdd date' };
    // A weak shape: seven or eight digits inside a longer blank-grouped number are a piece of it.
    const other = notAlone(text, start, end, true);
    return other ? { ok: false, reason: other } : { ok: true, reason: 'local-number shape', score: 0.15 };
  },
  // Only words that name a fixed-line phone: 号码 or 联系 alone also sit next to order numbers.
  context: { raise: ['座机', '固话', '固定电话', '电话', '致电', '拨打', '来电', 'tel', 'phone', 'call'], lower: BUSINESS_NUMBER_WORDS, before: 10, after: 8, raiseBy: 0.35 },
});

export const landline = combineRecognizers('landline', 'landline', [withArea, localOnly]);
