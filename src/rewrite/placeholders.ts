// Keeps personal and financial values on this machine: before a text goes to the model every
// value the recognizers find is replaced by a placeholder (⟦PHONE_1⟧, ⟦AMOUNT_1⟧ …), and
// afterwards the placeholders in the answer are put back. The same value always gets the same
// placeholder, in the draft, the customer's message and the context alike — and in any other
// spelling it turns up in (138.1234.5678, 一三八…, 三百五十八元, two numbers glued together).

import type { PiiKind, RuleSet } from '../types.js';
import { compileRules } from '../core/compile.js';
import { check, type CoreEnv } from '../core/check.js';
import { getRecognizer } from '../pii/registry.js';
import { findPersonalData } from '../pii/scan.js';
import { Occupied } from '../pii/occupied.js';
import { amountsIn, digitRuns, spellingMatcher, valueKey, type ValueKey } from '../pii/spellings.js';

export const PLACEHOLDER_KINDS = ['PHONE', 'ID', 'CARD', 'EMAIL', 'ADDRESS', 'AMOUNT'] as const;
export type PlaceholderKind = (typeof PLACEHOLDER_KINDS)[number];

const KIND_OF: Readonly<Record<PiiKind, PlaceholderKind>> = {
  mobile: 'PHONE',
  landline: 'PHONE',
  'id-card': 'ID',
  'bank-card': 'CARD',
  email: 'EMAIL',
  address: 'ADDRESS',
  amount: 'AMOUNT',
};

export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
}

/** Finds personal values in a text; offsets are UTF-16 indices into it. */
export type PiiFinder = (text: string) => PiiSpan[];

/**
 * A finder made of every `pii` rule of the rule set at severity error (a team's own recognizer
 * options and exceptions count), and of the masking path that every output takes, so that a value
 * is masked even where the team switched its rule off or lowered it (masking is not the team's to
 * relax).
 */
export function piiFinder(ruleSet: RuleSet, env: CoreEnv): PiiFinder {
  const rules = ruleSet.rules.filter((r) => r.kind === 'pii').map((r) => ({ ...r, severity: 'error' as const }));
  const kindOf = new Map(rules.map((r) => [r.id, getRecognizer(String(r.options.recognizer)).kind]));
  const compiled = compileRules({ rules });
  const scan = env.convert ? { convert: env.convert } : {};
  return (text) => {
    const spans: PiiSpan[] = check(text, compiled, {}, env).findings.flatMap((f) => {
      const kind = kindOf.get(f.ruleId);
      return kind ? [{ start: f.start, end: f.end, kind }] : [];
    });
    const taken = new Occupied(text.length);
    for (const x of spans) taken.take(x.start, x.end);
    for (const v of findPersonalData(text, scan)) if (taken.claim(v.start, v.end)) spans.push({ start: v.start, end: v.end, kind: v.kind });
    return spans;
  };
}

/** A placeholder's place in a masked text and in the text it came from. */
export interface MaskedSpan {
  start: number;
  end: number;
  token: string;
}

export interface MaskedText {
  original: string;
  text: string;
  /** Placeholders in order of position; offsets into `original`. */
  spans: MaskedSpan[];
}

// A placeholder as written, or as a model may garble it: optional brackets of several shapes
// around KIND_N, blanks inside the brackets tolerated.
//   [⟦\[【〖]?     an opening bracket, if any
//   [ \t]*        blanks
//   \b(KIND)_(\d{1,3})\b   the kind and its number, on word boundaries
//   [ \t]*[⟧\]】〗]?       blanks and a closing bracket, if any
const TOKEN_RE = new RegExp(`[⟦\\[【〖]?[ \\t]*\\b(${PLACEHOLDER_KINDS.join('|')})_(\\d{1,3})\\b[ \\t]*[⟧\\]】〗]?`, 'g');

/** What came back: the text with values restored, which placeholders were used, and what is wrong. */
export interface Restored {
  text: string;
  /** Times each known placeholder occurs in the answer. */
  used: Map<string, number>;
  /** Placeholder-like tokens that stand for no value (the model made them up). */
  invented: string[];
  /** Where values were put back: offsets into `text`, and the placeholder each stands for. */
  spans: MaskedSpan[];
}

/** Two characters, both digits or Latin letters (in either width). */
const ALNUM_BOTH = /^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{2}$/;

/** Same value, same key: blanks and dashes inside it and the width of digits do not matter. */
const sameValue = (kind: PlaceholderKind, value: string): string =>
  kind + ':' + value.replace(/[０-９Ａ-Ｚａ-ｚ＠]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-－]/g, '').toLowerCase();

export class PlaceholderMap {
  private readonly tokenByKey = new Map<string, string>();
  private readonly valueByToken = new Map<string, string>();
  /** Every form a value was written in, longest first, for masking it where no recognizer fires. */
  private forms: Array<{ form: string; token: string }> = [];
  /** What stays the same of each value across spellings (its digits, its amount …), by placeholder. */
  private readonly keys: Array<{ key: ValueKey; id: string }> = [];
  private readonly counters = new Map<PlaceholderKind, number>();
  private matcher: ((text: string) => string[]) | undefined;

  constructor(
    private readonly find: PiiFinder,
    private readonly convert?: (text: string) => string,
  ) {}

  private tokenFor(piiKind: PiiKind, value: string): string {
    const kind = KIND_OF[piiKind];
    const key = sameValue(kind, value);
    let token = this.tokenByKey.get(key);
    if (!token) {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      token = `⟦${kind}_${n}⟧`;
      this.tokenByKey.set(key, token);
      this.valueByToken.set(token, value);
    }
    const spelling = valueKey(piiKind, value, this.convert);
    if (spelling && !this.keys.some((k) => k.id === token && JSON.stringify(k.key) === JSON.stringify(spelling))) {
      this.keys.push({ key: spelling, id: token });
      this.matcher = undefined;
    }
    if (!this.forms.some((f) => f.form === value)) {
      this.forms.push({ form: value, token });
      this.forms.sort((a, b) => b.form.length - a.form.length);
    }
    return token;
  }

  /**
   * Replaces every personal value in `text` by its placeholder: what the recognizers find, and
   * any value already seen elsewhere (an amount is only recognised next to words like 退款, but
   * once known it is masked wherever it appears).
   */
  mask(text: string): MaskedText {
    const spans: MaskedSpan[] = [];
    const taken = new Occupied(text.length);
    for (const s of this.find(text)) if (taken.claim(s.start, s.end)) spans.push({ start: s.start, end: s.end, token: this.tokenFor(s.kind, text.slice(s.start, s.end)) });
    const free = (start: number, end: number): boolean => taken.claim(start, end);
    for (const { form, token } of this.forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
        const end = i + form.length;
        // 88元 is not the tail of 188元: a form that starts or ends in a digit or letter must
        // not continue one.
        if (ALNUM_BOTH.test(form[0]! + (text[i - 1] ?? ' '))) continue;
        if (ALNUM_BOTH.test(form[form.length - 1]! + (text[end] ?? ' '))) continue;
        if (free(i, end)) spans.push({ start: i, end, token });
      }
    }
    // A known value in another spelling no recognizer saw (glued to the next number, half in
    // Chinese numerals, 三百五十八元): the whole digit run, or the amount, becomes its placeholder.
    if (this.keys.length > 0) {
      const runs = digitRuns(text);
      const amounts = amountsIn(text);
      for (const { key, id } of this.keys) {
        if (key.kind === 'digits') {
          for (const r of runs) if (r.digits.includes(key.digits) && free(r.start, r.end)) spans.push({ start: r.start, end: r.end, token: id });
        } else if (key.kind === 'amount') {
          for (const a of amounts) if (a.amount === key.amount && free(a.start, a.end)) spans.push({ start: a.start, end: a.end, token: id });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += text.slice(at, s.start) + s.token;
      at = s.end;
    }
    return { original: text, text: out + text.slice(at), spans };
  }

  /** Puts values back in place of the placeholders of `answer`. */
  restore(answer: string): Restored {
    const used = new Map<string, number>();
    const invented: string[] = [];
    const spans: MaskedSpan[] = [];
    let out = '';
    let at = 0;
    for (const m of answer.matchAll(TOKEN_RE)) {
      const token = `⟦${m[1]}_${Number(m[2])}⟧`;
      const value = this.valueByToken.get(token);
      if (value === undefined) {
        invented.push(m[0].trim());
        continue;
      }
      used.set(token, (used.get(token) ?? 0) + 1);
      out += answer.slice(at, m.index);
      spans.push({ start: out.length, end: out.length + value.length, token });
      out += value;
      at = m.index + m[0].length;
    }
    out += answer.slice(at);
    // A lone bracket of ours is a placeholder the model broke or made up (⟦手机号⟧).
    const rest = out.replace(TOKEN_RE, '');
    if (/[⟦⟧]/.test(rest)) invented.push(...(rest.match(/⟦[^⟧\n]{0,20}⟧?|⟧/g) ?? []));
    return { text: out, used, invented, spans };
  }

  /** The placeholders known so far. */
  tokens(): string[] {
    return [...this.valueByToken.keys()];
  }

  /** Every raw form of every value, for checking that none of them leaves the machine. */
  rawValues(): string[] {
    return this.forms.map((f) => f.form);
  }

  /**
   * The placeholders whose values appear in `text` in any spelling (digits across separators and
   * numeral styles, amounts by their number, e-mails and streets folded). Placeholders themselves
   * do not count.
   */
  spelledOut(text: string): string[] {
    this.matcher ??= spellingMatcher(this.keys, this.convert);
    return this.matcher(withoutPlaceholders(text));
  }
}

/** `text` with every placeholder (well-formed or garbled) blanked out, for looking at the rest. */
export function withoutPlaceholders(text: string): string {
  return text.replace(TOKEN_RE, ' ');
}

/**
 * `source`[start, end) with every value in it shown as its placeholder, widened to whole
 * placeholders where the range cuts one: for a masked draft (source = the original) and for a
 * restored answer (source = the restored text) alike.
 */
export function placeholderExcerpt(source: string, spans: readonly MaskedSpan[], start: number, end: number): string {
  let out = '';
  let at = start;
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    if (s.start > at) out += source.slice(at, s.start);
    out += s.token;
    at = Math.max(at, s.end);
  }
  return out + (at < end ? source.slice(at, end) : '');
}
