// Masks personal values for output. Masks keep the length in UTF-16 code units, so every offset
// computed on the original text stays valid on the masked one.

import type { PiiKind } from '../types.js';

const MASK = '*';

const isDigitLike = (c: string): boolean => /[0-9０-９xX]/.test(c);

/** Masks the digits of `s` except the first `head` and the last `tail`; separators stay. */
export function maskDigits(s: string, head: number, tail: number): string {
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

function maskEmail(s: string): string {
  const at = s.lastIndexOf('@');
  if (at < 1) return MASK.repeat(s.length);
  return s[0] + MASK.repeat(at - 1) + s.slice(at);
}

/** Keeps the administrative part (…省…市…区/县) and masks the street and number. */
function maskAddress(s: string): string {
  const m = /^(?:.{0,8}?(?:省|自治区))?(?:.{0,8}?(?:市|自治州|盟))?(?:.{0,8}?(?:区|县|旗))?/u.exec(s);
  const keep = m ? m[0].length : 0;
  return s.slice(0, keep) + s.slice(keep).replace(/[^\s,，。]/g, MASK);
}

export function maskValue(kind: PiiKind, s: string): string {
  switch (kind) {
    case 'mobile':
      return maskDigits(s, s.replace(/\D/g, '').length > 11 ? 5 : 3, 4);
    case 'landline':
      return maskDigits(s, 4, 2);
    case 'id-card':
      return maskDigits(s, 1, 2);
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
