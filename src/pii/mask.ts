// Masks personal values for output. Masks keep the length in UTF-16 code units, so every offset
// computed on the original text stays valid on the masked one.

import type { PiiKind } from '../types.js';

const MASK = '*';

/** Full-width digits → ASCII, for counting (the mask itself keeps what the agent typed). */
const foldDigits = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const DIGIT = /[0-9０-９]/;
/** Digits and the x (10) an ID ends with, in either width. */
const DIGIT_OR_X = /[0-9０-９xXｘＸ]/;

/**
 * Masks the digits of `s` except the first `head` and the last `tail`; separators stay. With
 * `withX` an x counts as a digit (the check character of an ID); otherwise letters stay (ext).
 */
export function maskDigits(s: string, head: number, tail: number, withX = false): string {
  const re = withX ? DIGIT_OR_X : DIGIT;
  const isDigitLike = (c: string): boolean => re.test(c);
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

/** Keeps the first character of the local part and the domain (a full-width ＠ counts too). */
function maskEmail(s: string): string {
  const at = Math.max(s.lastIndexOf('@'), s.lastIndexOf('＠'));
  if (at < 1) return MASK.repeat(s.length);
  return s[0] + MASK.repeat(at - 1) + s.slice(at);
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
const mobileHead = (s: string): number => Math.max(3, s.replace(/\D/g, '').length - 8);

/** Digits kept at the front of a landline: the area code (010 and 02x have three digits). */
const landlineHead = (s: string): number => (/^[(（]?0(?:10|2\d)/.test(foldDigits(s)) ? 3 : 4);

export function maskValue(kind: PiiKind, s: string): string {
  switch (kind) {
    case 'mobile':
      return maskDigits(s, mobileHead(foldDigits(s)), 4);
    case 'landline': {
      // A bare local number (no area code) keeps only its last two digits.
      const d = foldDigits(s).replace(/\D/g, '');
      return maskDigits(s, d.startsWith('0') ? landlineHead(s) : 0, 2);
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
      return maskDigits(s.replace(/[壹贰叁肆伍陆柒捌玖拾佰仟萬万億亿零一二两三四五六七八九十百千]/g, MASK), 0, 0);
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
