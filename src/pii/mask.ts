// Masks personal values for output. Masks keep the length in UTF-16 code units, so every offset
// computed on the original text stays valid on the masked one.

import type { PiiKind } from '../types.js';
import { digitsOf, isDigitChar } from './digits.js';
import { splitEmail } from './email.js';

const MASK = '*';

/**
 * Masks the digits of `s` — in any width or numerals (一三八…, 壹叁捌…) — except the first `head`
 * and the last `tail`; separators stay. With `withX` an x counts as a digit (the check character
 * of an ID); otherwise letters stay (ext). A masked Chinese numeral becomes one star: both are one
 * code unit.
 */
export function maskDigits(s: string, head: number, tail: number, withX = false): string {
  const isDigitLike = (c: string): boolean => isDigitChar(c, withX);
  let total = 0;
  for (const c of s) if (isDigitLike(c)) total++;
  let seen = 0;
  let out = '';
  for (const c of s) {
    if (isDigitLike(c)) {
      out += seen >= head && seen < total - tail ? MASK : c;
      seen++;
    } else out += c;
  }
  return out;
}

/** Keeps the first character of the local part and the domain (the @ in any spelling). */
function maskEmail(s: string): string {
  const parts = splitEmail(s);
  if (!parts) return MASK.repeat(s.length);
  return s[0] + MASK.repeat(parts.local.length - 1) + s.slice(parts.local.length);
}

/**
 * Keeps the administrative part (…省…市…区/县, Chinese characters only, so a house number before
 * a 市 in 宁夏路288号市南软件园 is never kept, and 小区 is a compound, not a district) and masks the
 * street, number, building and room.
 */
function maskAddress(s: string): string {
  const m = /^(?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区|特别行政区))?(?:[\u4e00-\u9fa5]{1,8}?(?:市|自治州|地区|盟))?(?:[\u4e00-\u9fa5]{1,8}?(?:(?<!小)区|县|旗))?/u.exec(s);
  const keep = m ? m[0].length : 0;
  return s.slice(0, keep) + s.slice(keep).replace(/[^\s,，。]/g, MASK);
}

/** Digits kept at the front of a mobile number: the network prefix (138) after any +86/0086/0. */
const mobileHead = (s: string): number => Math.max(3, digitsOf(s).length - 8);

/**
 * Digits kept at the front of a landline: the area code (010 and 02x have three digits), after
 * +86 / 0086 the country code too.
 */
function landlineHead(s: string): number {
  const d = digitsOf(s);
  const country = /^[(（]?(?:[+＋]|00|００)/.test(s) ? (d.startsWith('0086') ? 4 : 2) : 0;
  const area = d.slice(country);
  return country + (country > 0 ? (/^(?:10|2\d)/.test(area) ? 2 : 3) : /^0(?:10|2\d)/.test(area) ? 3 : 4);
}

export function maskValue(kind: PiiKind, s: string): string {
  switch (kind) {
    case 'mobile':
      return maskDigits(s, mobileHead(s), 4);
    case 'landline': {
      // A bare local number (no area code) keeps only its last two digits.
      const d = digitsOf(s);
      return maskDigits(s, d.startsWith('0') || /^[(（]?(?:[+＋]|00|００)/.test(s) ? landlineHead(s) : 0, 2);
    }
    case 'id-card':
      return maskDigits(s, 1, 2, true);
    case 'bank-card':
      return maskDigits(s, 4, 4);
    case 'email':
      return maskEmail(s);
    case 'address':
      return maskAddress(s);
    case 'amount':
      return maskDigits(s.replace(/[壹贰貳叁参參肆伍陆陸柒捌玖拾佰仟萬万億亿零〇一幺二两兩三四五六七八九十百千]/g, MASK), 0, 0);
  }
}

/** Replaces each span of `text` by its masked form. Spans must not overlap. */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number; kind: PiiKind }>): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + maskValue(s.kind, text.slice(s.start, s.end));
    at = s.end;
  }
  return out + text.slice(at);
}
