// The `grammar` rule kind: a category's wording as a composition of word classes within a clause
// ("{address} {degree}? {putdown}": 你真笨, 您是不是傻, 你這人太煩了) instead of a list of
// sentences. A sequence compiles to one bounded regular expression whose word classes become the
// shared automaton's triggers, so a rule costs nothing on replies that lack one of its classes.
// With `wholeWords`, a match must also begin and end on word boundaries (jieba, loaded on first
// use): 笨 is a put-down in 你真笨, not in 你这箱子真笨重.

import type { Candidate, KindModule, Reply } from './kind.js';
import { scopeEnd, scopeStart } from '../conditions.js';
import { variantClass } from '../variants.js';

/** Characters that separate clauses in normalised text; a gap never crosses one. */
const BREAKERS = ',;:!?。、~\\n';
/** Default and largest length of a `…` gap. */
const GAP = 6;
const MAX_GAP = 30;
/** `{x}*` and `{x}+` repeat a word at most this often. */
const MAX_REPEAT = 3;

const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));
/** Escapes a word for a regex; a character with a script variant matches both forms (着/著). */
export const escapeRegex = (s: string): string => [...s].map((c) => (SYNTAX.has(c) ? '\\' + c : (variantClass(c) ?? c))).join('');

/** Alternation of words, longest first (so 你这个人 wins over 你), as a non-capturing group. */
export function alternation(words: Iterable<string>): string {
  const sorted = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${sorted.map(escapeRegex).join('|')})`;
}

export interface SequenceEnv {
  /** Word classes by name, words already normalised. */
  classes: ReadonlyMap<string, readonly string[]>;
  /** Brings a literal into the normalised form texts are matched in. */
  normalize(text: string): string;
}

export type SequenceOutcome = { ok: true; source: string; classes: string[] } | { ok: false; message: string; index: number };

const CLASS_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Compiles a grammar sequence into a regular-expression source over normalised text.
 *
 *   {name}      one word of class `name`        {name|other|字面}  one word of any of them
 *   {…}?        optional   {…}*  0–3 times   {…}+  1–3 times
 *   …   …12     a gap of up to 6 (12) characters inside the clause
 *   ^   $       the clause begins / ends here     ^^   $$   the reply begins / ends here
 *   anything else is literal text (normalised: 說 → 说, ！ → !)
 */
export function compileSequence(raw: string, env: SequenceEnv): SequenceOutcome {
  let out = '';
  const used: string[] = [];
  const tokens = [...raw.matchAll(/\S+/g)];
  if (tokens.length === 0) return { ok: false, message: 'a grammar pattern needs at least one element', index: 0 };
  let words = 0;
  for (const m of tokens) {
    const tok = m[0];
    const at = m.index;
    if (tok === '^') out += `(?<![^${BREAKERS}\\s])`;
    else if (tok === '$') out += `(?![^${BREAKERS}\\s.])`;
    else if (tok === '^^') out += '(?<=^\\s{0,4})';
    else if (tok === '$$') out += `(?=[${BREAKERS}\\s.…]{0,8}$)`;
    else if (tok.startsWith('…')) {
      const n = tok.length === 1 ? GAP : Number(tok.slice(1));
      if (!Number.isInteger(n) || n < 1 || n > MAX_GAP) return { ok: false, message: `a gap is … or …N with N from 1 to ${MAX_GAP}`, index: at };
      out += `[^${BREAKERS}]{0,${n}}`;
    } else if (tok.startsWith('{')) {
      const close = tok.lastIndexOf('}');
      const suffix = tok.slice(close + 1);
      if (close < 0 || !['', '?', '*', '+'].includes(suffix)) return { ok: false, message: 'a word slot is {name} or {name|other}, optionally followed by ?, * or +', index: at };
      const alts: string[] = [];
      let offset = 1;
      for (const part of tok.slice(1, close).split('|')) {
        if (part.length === 0) return { ok: false, message: 'empty alternative in a word slot', index: at + offset };
        if (CLASS_NAME.test(part)) {
          const cls = env.classes.get(part);
          if (!cls) {
            const known = [...env.classes.keys()].join(', ');
            return { ok: false, message: `unknown word class {${part}}; define it under "vocab:" (known: ${known})`, index: at + offset };
          }
          alts.push(...cls);
          used.push(part);
        } else alts.push(env.normalize(part));
        offset += part.length + 1;
      }
      const group = alternation(alts);
      out += suffix === '?' ? `${group}?` : suffix === '*' ? `${group}{0,${MAX_REPEAT}}` : suffix === '+' ? `${group}{1,${MAX_REPEAT}}` : group;
      if (suffix === '' || suffix === '+') words++;
    } else {
      if (tok.length > 1 && /[?*+]$/.test(tok)) {
        return { ok: false, message: `"${tok}": write {${tok.slice(0, -1)}}${tok.slice(-1)} for an optional or repeated word (a question mark of the text is a token of its own: 吗 ?)`, index: at };
      }
      out += escapeRegex(env.normalize(tok));
      words++;
    }
  }
  if (words === 0) return { ok: false, message: 'a grammar pattern needs at least one required word or literal', index: 0 };
  return { ok: true, source: out, classes: [...new Set(used)] };
}

/** True when `i` is a word boundary in `words` laid end to end from `from`. */
function onBoundary(words: readonly string[], from: number, i: number): boolean {
  let at = from;
  if (i === at) return true;
  for (const w of words) {
    at += w.length;
    if (at === i) return true;
    if (at > i) return false;
  }
  return at === i;
}

export const grammar: KindModule = {
  name: 'grammar',
  summary: 'sequences of word classes within a clause ({address} {degree}? {putdown}), with exceptions and conditions',
  patterns: 'required',
  syntax: 'grammar',
  automaton: true,
  options: (z) =>
    z
      .object({
        /** The match must start and end on word boundaries (jieba), e.g. not 笨 inside 笨重. */
        wholeWords: z.boolean().optional(),
      })
      .strict(),
  confirm(cands: Candidate[], reply: Reply): Candidate[] {
    const kept = cands.filter((c) => reply.stands(c));
    if (kept.length === 0 || !kept.some((c) => (c.rule.spec.options as { wholeWords?: boolean }).wholeWords)) return kept;
    const cut = reply.env.words?.();
    if (!cut) return kept; // without a segmenter, characters decide alone
    return kept.filter((c) => {
      if (!(c.rule.spec.options as { wholeWords?: boolean }).wholeWords) return true;
      const a = scopeStart(reply.t, c.s, 'clause');
      const b = scopeEnd(reply.t, c.e, 'clause');
      const words = cut(reply.t.slice(a, b));
      return onBoundary(words, a, c.s) && onBoundary(words, a, c.e);
    });
  },
};
