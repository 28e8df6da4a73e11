// How people write the digits of a personal number, shared by the number recognizers: ASCII or
// full-width digits, Chinese numerals (一二三…〇零, 幺 for 1 as it is read out on the phone, 两 for
// 2), financial numerals (壹贰叁…), mixed; in the groupings people write (138 1234 5678,
// 110105-19491231-002X, 6222 0210 …) with a blank, dash, dot, underscore or slash between groups.
// Recognizers build their patterns from these pieces — each with the groupings of its own kind —
// and validators read a value's digits back with digitsOf(). Two numbers side by side are never
// one: a pattern matches one grouping of one value, and its edges must not touch another digit.

/**
 * Digit characters in normalised text (half-width, simplified) as the body of a regex class; the
 * traditional forms stay for text normalised without a script converter.
 */
export const DIGIT_CLASS = '0-9〇零一二三四五六七八九幺两兩壹贰貳叁参參肆伍陆陸柒捌玖';
/** One digit. */
export const D = `[${DIGIT_CLASS}]`;
/** The check character of a resident ID: a digit or x (lower case after normalisation). */
export const D_OR_X = `[${DIGIT_CLASS}x]`;

/** Value of each non-ASCII digit character, in any width or script. */
const DIGIT_VALUE: Readonly<Record<string, string>> = (() => {
  const m: Record<string, string> = {};
  const groups = ['〇零０', '一幺壹１', '二两兩贰貳２', '三叁参參３', '四肆４', '五伍５', '六陆陸６', '七柒７', '八捌８', '九玖９'];
  groups.forEach((chars, d) => {
    for (const c of chars) m[c] = String(d);
  });
  return m;
})();

/** The digit a character stands for ('0'–'9'), or undefined. Works on original and normalised text. */
export function digitOf(c: string): string | undefined {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return c;
  return DIGIT_VALUE[c];
}

/** True for a digit in any of the spellings above (also full-width), or x/X when `withX`. */
export function isDigitChar(c: string, withX = false): boolean {
  return digitOf(c) !== undefined || (withX && (c === 'x' || c === 'X' || c === 'ｘ' || c === 'Ｘ'));
}

/**
 * The digits of a value as ASCII, in order, skipping separators, brackets and signs; a trailing
 * x (an ID's check character) is kept as lower-case x.
 */
export function digitsOf(value: string): string {
  let out = '';
  for (const c of value) {
    const d = digitOf(c);
    if (d !== undefined) out += d;
    else if (c === 'x' || c === 'X' || c === 'ｘ' || c === 'Ｘ') out += 'x';
  }
  return out;
}

/**
 * The country code +86 (or 0086, (+86), (86)), its digits in any numerals: +86, +八六, 00八六.
 */
export const COUNTRY_CODE = `(?:(?:\\+|00|[〇零]{2})[8八捌][6六陆陸]|\\(\\+?[8八捌][6六陆陸]\\))`;

/** Dashes and dots people put between digit groups (after width folding): - . _ / ‐ – — − · ・ */
const SEP_MARKS = '\\-._/\\u2010-\\u2015\\u2212\\u00b7\\u30fb';

/**
 * Between two digit groups: a mark with up to two blanks around it (138 - 1234), or one to three
 * blanks alone (138 1234).
 */
export const SEP = `(?:[ \\t]{0,2}[${SEP_MARKS}][ \\t]{0,2}|[ \\t]{1,3})`;

/** The Chinese and financial numerals of DIGIT_CLASS. */
const CN_DIGITS = '〇零一二三四五六七八九幺两兩壹贰貳叁参參肆伍陆陸柒捌玖';

/**
 * Before a value: no digit, letter, underscore, @ or mask star glued to it (sku138…, 138****),
 * and no letter or digit joined by a dash or underscore (型号ABC-138…: a code). One exception:
 * a Chinese numeral before an ASCII digit is a word (第一, 统一), not part of the number.
 */
export const BEFORE = `(?:(?=[${CN_DIGITS}])(?<![${CN_DIGITS}0-9a-z_*@])|(?![${CN_DIGITS}])(?<![0-9a-z_*@]))(?<![a-z0-9][-_])`;
/**
 * After a value: the same on the right, with the same exception — 13812345678一直关机 is a
 * number and a word (一直). 138…-BLK-XL is a SKU, 138…@qq.com the local part of an e-mail.
 */
export const AFTER = `(?:(?<=[${CN_DIGITS}])(?![${CN_DIGITS}0-9a-z_*@])|(?<![${CN_DIGITS}])(?![0-9a-z_*@]))(?![-_][a-z0-9])`;

let groupNames = 0;

/**
 * A regex source for digits in groups of the given sizes: `[3, 4, 4]` is 138 1234 5678 with the
 * same separator each time (captured once, then back-referenced); `[11]` is one run. `last` is the
 * class of the final character (an ID's check character may be x).
 */
export function grouping(sizes: readonly number[], last: string = D): string {
  const group = (n: number, final: boolean): string => (final ? (n > 1 ? `${D}{${n - 1}}${last}` : last) : `${D}{${n}}`);
  if (sizes.length === 1) return group(sizes[0]!, true);
  const name = `sep${groupNames++}`;
  return sizes.map((n, i) => group(n, i === sizes.length - 1) + (i === 0 ? `(?<${name}>${SEP})` : i < sizes.length - 1 ? `\\k<${name}>` : '')).join('');
}

/** Several groupings as one alternation, longest shapes first so that a run is never cut short. */
export function groupings(shapes: ReadonlyArray<readonly number[]>, last: string = D): string {
  return `(?:${shapes.map((s) => grouping(s, last)).join('|')})`;
}

const MARK = new RegExp(`[${SEP_MARKS}]`);

/**
 * True when [start, end) is only part of a longer number grouped the same way: the mark that
 * joins its groups (a dash, dot …) goes on with another digit on either side (138-1234-5678-90).
 * Blanks join only when `blanks` is set and the value is itself grouped with blanks, and then only
 * a group of three or more digits (6222 0210 0112 3456 789 holds no 16-digit card, nor a local
 * number 6222 0210); otherwise "13812345678 2件" is a number and a count, "138 1234 5678 11点" a
 * number and a time, and "6222021234567890 13812345678" a card and a mobile.
 */
export function continuesGrouping(text: string, start: number, end: number, blanks = false): boolean {
  const value = text.slice(start, end);
  let mark: string | undefined;
  for (const c of value) {
    if (MARK.test(c)) {
      mark = c;
      break;
    }
  }
  if (mark !== undefined) {
    const after = text.slice(end, end + 4).replace(/^[ \t]+/, '');
    const before = text.slice(Math.max(0, start - 4), start).replace(/[ \t]+$/, '');
    return (after[0] === mark && isDigitChar(after.slice(1).trimStart()[0] ?? '')) || (before.endsWith(mark) && isDigitChar(before.slice(0, -1).trimEnd().slice(-1)));
  }
  if (!blanks || !/[ \t]/.test(value)) return false;
  return BLANK_GROUP_AFTER.test(text.slice(end, end + 6)) || BLANK_GROUP_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

const BLANK_GROUP_AFTER = new RegExp(`^[ \\t]{1,3}${D}{3}`);
const BLANK_GROUP_BEFORE = new RegExp(`${D}{3}[ \\t]{1,3}$`);

/** Per UTF-16 code unit: 1 = a digit character, 2 = a separator character, 0 = anything else. */
const CHAR_KIND = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (const c of CN_DIGITS) t[c.charCodeAt(0)] = 1;
  for (const c of ' \t-._/\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00b7\u30fb') t[c.charCodeAt(0)] = 2;
  return t;
})();

let lastText: string | undefined;
let lastRun = 0;

/**
 * The most digit characters in one stretch of `text` where at most three separator characters
 * stand between two digits — an upper bound of the longest number any recognizer could find
 * there. One loop over the text, remembered for the last text (every number recognizer asks).
 */
export function longestDigitRun(text: string): number {
  if (text === lastText) return lastRun;
  let best = 0;
  let run = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const k = CHAR_KIND[text.charCodeAt(i)]!;
    if (k === 1) {
      run++;
      gap = 0;
      if (run > best) best = run;
    } else if (k === 2 && run > 0 && gap < 3) gap++;
    else {
      run = 0;
      gap = 0;
    }
  }
  lastText = text;
  lastRun = best;
  return best;
}

/** A quick test that a text may hold a number of at least `min` digits (see longestDigitRun). */
export function digitRunTest(min: number): (text: string) => boolean {
  return (text) => longestDigitRun(text) >= min;
}

/** Counter words: a number right before one is a quantity (第13812345678位顾客, 13812345678件). */
const COUNTER_AFTER = /^[ \t]?(?:位|名|个|次|件|人|元|块|份|张|条|台|只|笔|期|届|倍)/;
/** 第 right before a number makes it an ordinal. */
const ORDINAL_BEFORE = /第[ \t]?$/;

/**
 * Why the number at [start, end) of `text` is not a value of its own, or null when it is: a
 * piece of a longer grouped number (see continuesGrouping for `blanksJoin`), an ordinal (第…位)
 * or a count (…件).
 */
export function notAlone(text: string, start: number, end: number, blanksJoin = false): string | null {
  if (continuesGrouping(text, start, end, blanksJoin)) return 'part of a longer grouped number';
  if (ORDINAL_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return 'an ordinal (第…)';
  if (COUNTER_AFTER.test(text.slice(end, end + 2))) return 'a count (a counter word follows)';
  return null;
}
