// Whether a known personal value appears in a text in any spelling: 13812345678 as 138.1234.5678,
// 一三八一二三四五六七八 or 壹叁捌…, glued to the next number; 358元 as 三百五十八元 or ¥358.00; an
// e-mail behind (at) and (dot); a street behind another width or script. The LLM guard asks this
// of everything it sends and of every answer, so that a value that left as a placeholder does not
// come back — or go out — spelt another way.

import type { PiiKind } from '../types.js';
import { digitOf, digitsOf } from './digits.js';
import { splitEmail } from './email.js';
import { maskValue } from './mask.js';

/** A value reduced to what stays the same across spellings. */
export type ValueKey =
  | { kind: 'digits'; digits: string }
  | { kind: 'amount'; amount: number }
  | { kind: 'text'; text: string };

/** Characters that may stand between the digits of one number (as the recognizers allow). */
const JOINER = new Set([' ', '\t', '\u3000', '\u00a0', '-', '.', '_', '/', '－', '．', '＿', '／', '‐', '‑', '‒', '–', '—', '―', '−', '·', '・', '(', ')', '（', '）', '+', '＋']);

/** A run of digits in a text: the digits as ASCII and where the run is. */
export interface DigitRun {
  digits: string;
  start: number;
  end: number;
}

/**
 * The digit strings of a text: each run of digits in any numerals and widths, with up to three
 * joining characters (blanks, dashes, dots, brackets …) between two digits, read as ASCII. Two
 * numbers side by side read as one run, so a value is found in either. An x (an ID's check
 * character) is kept.
 */
export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let digits = '';
  let start = 0;
  let end = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const d = digitOf(c);
    if (d !== undefined || ((c === 'x' || c === 'X' || c === 'ｘ' || c === 'Ｘ') && digits.length >= 17)) {
      if (!digits) start = i;
      digits += d ?? 'x';
      end = i + 1;
      gap = 0;
    } else if (digits && JOINER.has(c) && gap < 3) gap++;
    else if (digits) {
      runs.push({ digits, start, end });
      digits = '';
      gap = 0;
    }
  }
  if (digits) runs.push({ digits, start, end });
  return runs;
}

const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/**
 * The number an amount stands for: 1,299.00 元, ¥358, 1.5万元, 3千5百元, 三百五十八元, 叁佰伍拾捌元伍角.
 * Null when the text holds no number.
 */
export function amountNumber(value: string): number | null {
  let total = 0;
  let section = 0;
  let num: number | null = null;
  let seen = false;
  let i = 0;
  const s = value.replace(/[,，]/g, '');
  while (i < s.length) {
    const c = s[i]!;
    const d = digitOf(c);
    if (d !== undefined) {
      // A run of digits (with a decimal point) is one number: 1299.00, 358.
      let j = i;
      let lit = '';
      while (j < s.length && (digitOf(s[j]!) !== undefined || (s[j] === '.' && digitOf(s[j + 1] ?? '') !== undefined))) {
        lit += s[j] === '.' ? '.' : digitOf(s[j]!)!;
        j++;
      }
      num = Number(lit);
      seen = true;
      i = j;
      continue;
    }
    if (CN_UNIT[c] !== undefined) {
      section += (num ?? 1) * CN_UNIT[c]!;
      num = null;
      seen = true;
    } else if (CN_BIG[c] !== undefined) {
      total += (section + (num ?? 0) || 1) * CN_BIG[c]!;
      section = 0;
      num = null;
    } else if ('元圆圓块塊'.includes(c)) {
      // The end of the whole units: what follows is 角 and 分.
      total += section + (num ?? 0);
      section = 0;
      num = null;
    } else if (c === '角' && num !== null) {
      total += num / 10;
      num = null;
    } else if (c === '分' && num !== null) {
      total += num / 100;
      num = null;
    } else if (c === '点' && num !== null) {
      // 三点五元: a decimal point in words.
      const rest = /^[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖]+/.exec(s.slice(i + 1))?.[0] ?? '';
      num = Number(`${num}.${digitsOf(rest) || '0'}`);
      i += rest.length;
    }
    i++;
  }
  if (!seen) return null;
  return Math.round((total + section + (num ?? 0)) * 100) / 100;
}

/** The national number of a mobile (the last eleven digits) or landline (area code without 0 + local). */
function nationalDigits(kind: PiiKind, value: string): string {
  const d = digitsOf(value);
  if (kind === 'mobile') return d.slice(-11);
  if (kind === 'landline') return d.replace(/^(?:0086|86)(?=[1-9])/, '').replace(/^0/, '');
  return d;
}

/** Folds width and case, and the spellings of @ and . in an e-mail address. */
function foldEmail(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\s*(?:[(\[{<]at[)\]}>]|﹫|艾特|\sat\s)\s*/g, '@')
    .replace(/\s*@\s*/g, '@')
    .replace(/\s*(?:[(\[{<]dot[)\]}>]|\sdot\s|。)\s*/g, '.');
}

/** Blanks out, width folded, script simplified when a converter is given: for comparing streets. */
function foldText(s: string, convert?: (t: string) => string): string {
  const folded = s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '').toLowerCase();
  return convert ? convert(folded) : folded;
}

/**
 * What stays the same of a value across spellings, or null when too little of it is left to
 * compare safely (a number of fewer than seven digits, an amount of less than 10).
 */
export function valueKey(kind: PiiKind, value: string, convert?: (t: string) => string): ValueKey | null {
  switch (kind) {
    case 'mobile':
    case 'landline':
    case 'id-card':
    case 'bank-card': {
      const digits = nationalDigits(kind, value);
      return digits.length >= 7 ? { kind: 'digits', digits } : null;
    }
    case 'amount': {
      const amount = amountNumber(value);
      return amount !== null && amount >= 10 ? { kind: 'amount', amount } : null;
    }
    case 'email': {
      const parts = splitEmail(value);
      return parts ? { kind: 'text', text: foldEmail(value) } : null;
    }
    case 'address': {
      // The part a mask hides: street, number, building, room (the district alone is no secret).
      const masked = maskValue('address', value);
      let hidden = '';
      for (let i = 0; i < value.length; i++) if (masked[i] === '*') hidden += value[i];
      const text = foldText(hidden, convert);
      return text.length >= 4 ? { kind: 'text', text } : null;
    }
  }
}

// An amount as it may be written: a number — digits with thousands commas, decimals and 万/千/百
// (1,299.00, 1.5万, 3千5百), or Chinese or financial numerals with units (三百五十八, 叁佰伍拾捌) —
// with a currency sign before it or a currency unit after it. A bare number (24小时) is no amount.
const NUMBER = '(?:[\\d０-９][\\d０-９,，]*(?:\\.[\\d０-９]+)?(?:[万萬千仟百佰][\\d０-９]*)*|[〇零一二两三四五六七八九十百千万壹贰叁参參肆伍陆陸柒捌玖拾佰仟萬亿億点]+)';
const AMOUNT_LIKE = new RegExp(`(?<=(?:[¥￥$＄]|rmb|RMB|人民币|usd|USD)[ \\t]?)${NUMBER}|${NUMBER}(?=[ \\t]?(?:元|圆|圓|块|塊|美元|美金|rmb|RMB|usd|USD|dollar))`, 'g');

/** Amounts of a text (a number with a currency sign or unit), with where their numbers are. */
export function amountsIn(text: string): Array<{ amount: number; start: number; end: number }> {
  const out: Array<{ amount: number; start: number; end: number }> = [];
  for (const m of text.matchAll(AMOUNT_LIKE)) {
    const amount = amountNumber(m[0]);
    if (amount !== null) out.push({ amount, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A matcher for the given keys: which of them appear in a text in any spelling. Digits are
 * compared across separators and numeral styles (and found inside two numbers written side by
 * side); amounts by their number; e-mails and streets after folding width, case and script.
 */
export function spellingMatcher(keys: ReadonlyArray<{ key: ValueKey; id: string }>, convert?: (t: string) => string): (text: string) => string[] {
  return (text) => {
    if (keys.length === 0) return [];
    const runs = digitRuns(text);
    let amounts: number[] | undefined;
    let email: string | undefined;
    let plain: string | undefined;
    const hits: string[] = [];
    for (const { key, id } of keys) {
      let hit = false;
      if (key.kind === 'digits') hit = runs.some((r) => r.digits.includes(key.digits));
      else if (key.kind === 'amount') hit = (amounts ??= amountsIn(text).map((a) => a.amount)).includes(key.amount);
      else if (key.text.includes('@')) hit = (email ??= foldEmail(text)).includes(key.text);
      else hit = (plain ??= foldText(text, convert)).includes(key.text);
      if (hit) hits.push(id);
    }
    return hits;
  };
}
