// Compiles the pattern strings of a rule file. A pattern is literal text, a regular expression
// written between slashes (/…/) in which {{name}} stands for a word class, or — for grammar
// rules — a sequence of word classes (src/core/kinds/grammar.ts). All are brought into the
// normalised form texts are matched in (simplified, half-width, lower case), and every regex gets
// the literal "triggers" that let the matcher skip it on texts that cannot match.

import { RegExpParser, RegExpSyntaxError, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import type { CompiledPattern } from '../types.js';
import { normalizeLiteral, type ScriptConverter } from '../normalize.js';
import { compileSequence } from '../core/kinds/grammar.js';
import { variantClass } from '../core/variants.js';

export interface PatternEnv {
  /** Word classes by name, as written. */
  vocab: ReadonlyMap<string, readonly string[]>;
  /** The same, normalised (filled on first use). */
  classes?: Map<string, string[]>;
  convert?: ScriptConverter;
}

/** The word classes of `env`, normalised once. */
export function normalizedClasses(env: PatternEnv): Map<string, string[]> {
  if (!env.classes) {
    env.classes = new Map();
    for (const [k, words] of env.vocab) env.classes.set(k, [...new Set(words.map((w) => normalizeLiteral(w, env.convert)))]);
  }
  return env.classes;
}

export type PatternOutcome = { ok: true; pattern: CompiledPattern } | { ok: false; message: string; index: number };

/** Gaps usable in any regex: stay inside a clause or a sentence (normalised punctuation). */
export const BUILTIN_VOCAB: Readonly<Record<string, string>> = {
  // up to 6 characters without crossing a comma or sentence end
  gap: '[^,;:!?。、\\n]{0,6}',
  // up to 12 characters without crossing a comma or sentence end
  clause: '[^,;:!?。、\\n]{0,12}',
  // up to 30 characters without leaving the sentence
  sentence: '[^!?。\\n]{0,30}',
  // up to 40 characters, crossing into the next sentence but not the next line
  nearby: '[^\\n]{0,40}',
};

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
function escapeChar(c: string, inClass: boolean): string {
  if (SYNTAX.has(c) || (inClass && c === '-')) return '\\' + c;
  return c;
}
const escapeLiteral = (s: string): string => [...s].map((c) => escapeChar(c, false)).join('');

export function isRegexPattern(raw: string): boolean {
  return raw.length > 2 && raw.startsWith('/') && raw.endsWith('/');
}

interface Expansion {
  at: number; // index in the raw body
  rawLength: number;
  expandedLength: number;
}

/** Replaces {{name}} references; returns the expanded source or the position of a bad name. */
function expandVocab(body: string, env: PatternEnv): { source: string; expansions: Expansion[] } | { message: string; index: number } {
  const expansions: Expansion[] = [];
  let out = '';
  let last = 0;
  for (const m of body.matchAll(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g)) {
    const name = m[1]!;
    let replacement: string;
    if (name in BUILTIN_VOCAB) replacement = BUILTIN_VOCAB[name]!;
    else {
      const words = env.vocab.get(name);
      if (!words) {
        const known = [...Object.keys(BUILTIN_VOCAB), ...env.vocab.keys()].join(', ');
        return { message: `unknown vocabulary {{${name}}}; define it under "vocab:" (known: ${known})`, index: m.index };
      }
      const norm = [...normalizedClasses(env).get(name)!].sort((a, b) => b.length - a.length);
      replacement = `(?:${norm.map(escapeLiteral).join('|')})`;
    }
    out += body.slice(last, m.index) + replacement;
    expansions.push({ at: m.index, rawLength: m[0].length, expandedLength: replacement.length });
    last = m.index + m[0].length;
  }
  return { source: out + body.slice(last), expansions };
}

/** Maps an index in the expanded source back to the raw body. */
function rawIndex(index: number, expansions: readonly Expansion[]): number {
  let shift = 0;
  for (const e of expansions) {
    const expandedAt = e.at + shift;
    if (index < expandedAt) break;
    if (index < expandedAt + e.expandedLength) return e.at;
    shift += e.expandedLength - e.rawLength;
  }
  return index - shift;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });
const parse = (source: string): AST.Pattern => parser.parsePattern(source, 0, source.length, { unicode: true });

/** Rewrites every literal character into its normalised form (！→!, 這→这, A→a). */
function normalizeRegexSource(source: string, ast: AST.Pattern, env: PatternEnv): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  visitRegExpAST(ast, {
    onCharacterEnter(node) {
      if (node.parent.type === 'CharacterClassRange') return; // ranges keep their bounds
      const ch = String.fromCodePoint(node.value);
      const norm = normalizeLiteral(ch, env.convert);
      const inClass = node.parent.type === 'CharacterClass';
      // 着 also matches the 著 a traditional text keeps after conversion (variants.ts)
      const variant = variantClass(norm);
      if (variant) edits.push({ start: node.start, end: node.end, text: inClass ? variant.slice(1, -1) : variant });
      else if (norm !== ch && norm.length > 0) edits.push({ start: node.start, end: node.end, text: escapeChar(norm, inClass) });
    },
  });
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Quantifiers must be bounded: an unbounded one inside a pattern is a ReDoS risk. */
function unboundedQuantifier(ast: AST.Pattern): AST.Quantifier | null {
  let found: AST.Quantifier | null = null;
  visitRegExpAST(ast, {
    onQuantifierEnter(node) {
      if (node.max === Infinity && !found) found = node;
    },
  });
  return found;
}

// ---- triggers: literal strings one of which occurs in every match -------------------------------

type Req = string[] | null;

function better(a: Req, b: Req): Req {
  if (!a) return b;
  if (!b) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

function requiredOfAlternatives(alts: readonly AST.Alternative[]): Req {
  const all = new Set<string>();
  for (const alt of alts) {
    const r = requiredOfSequence(alt.elements);
    if (!r) return null;
    for (const s of r) all.add(s);
  }
  return all.size > 0 ? [...all] : null;
}

function requiredOfElement(el: AST.Element): Req {
  switch (el.type) {
    case 'Character':
      return [String.fromCodePoint(el.value)];
    case 'Group':
    case 'CapturingGroup':
      return requiredOfAlternatives(el.alternatives);
    case 'Quantifier':
      return el.min >= 1 ? requiredOfElement(el.element) : null;
    case 'CharacterClass': {
      if (el.negate || el.unicodeSets) return null;
      const chars: string[] = [];
      for (const e of el.elements) {
        if (e.type !== 'Character') return null;
        chars.push(String.fromCodePoint(e.value));
      }
      return chars.length > 0 && chars.length <= 12 ? chars : null;
    }
    default:
      return null;
  }
}

function requiredOfSequence(elements: readonly AST.Element[]): Req {
  let best: Req = null;
  let run = '';
  const flush = (): void => {
    if (run) best = better(best, [run]);
    run = '';
  };
  for (const el of elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      continue;
    }
    flush();
    best = better(best, requiredOfElement(el));
  }
  flush();
  return best;
}

/** Most groups a pattern's triggers keep (the matcher tracks them in a bit mask). */
const MAX_GROUPS = 8;

/**
 * Characters found in almost every reply (pronouns, particles, punctuation). A trigger group with
 * one of them as a whole member would fire on nearly every text and make the automaton report
 * it at every occurrence, so such a group is kept only when a pattern has no other.
 */
const COMMON = new Set([...'的了是不我您你亲在有这个吗呢吧啊哦呀哈么嘛就也都还要会可到和给为说好一上下看那哪吗没很真太', ',', '?', '!', '.', ' ', '~', '。']);
const isCommonGroup = (g: readonly string[]): boolean => g.some((w) => w.length === 1 && COMMON.has(w));

/**
 * Trigger groups of a parsed pattern (AND of ORs). With a single top-level alternative every
 * element that requires a literal contributes its own group; with several alternatives the
 * pattern needs one of their best groups. [] = no literal is required.
 */
export function triggersOf(ast: AST.Pattern): string[][] {
  if (ast.alternatives.length !== 1) {
    const any = requiredOfAlternatives(ast.alternatives);
    return any ? [any] : [];
  }
  const groups: string[][] = [];
  let run = '';
  const flush = (): void => {
    if (run) groups.push([run]);
    run = '';
  };
  for (const el of ast.alternatives[0]!.elements) {
    if (el.type === 'Character') {
      run += String.fromCodePoint(el.value);
      continue;
    }
    flush();
    const r = requiredOfElement(el);
    if (r) groups.push(r);
  }
  flush();
  // Keep the most selective groups: longest shortest-member first, then fewest members.
  const score = (g: string[]): number => Math.min(...g.map((x) => x.length)) * 1000 - g.length;
  const rare = groups.filter((g) => !isCommonGroup(g));
  const kept = rare.length > 0 ? rare : groups;
  return kept.sort((a, b) => score(b) - score(a)).slice(0, MAX_GROUPS);
}

/** Parses, bounds-checks and adds triggers to an expanded regex source. */
function finishRegex(source: string, at: (index: number) => number): PatternOutcome {
  let ast: AST.Pattern;
  try {
    ast = parse(source);
  } catch (e) {
    if (e instanceof RegExpSyntaxError) {
      return { ok: false, message: `invalid regular expression: ${e.message.replace(/^Invalid regular expression: /, '')}`, index: at(e.index) };
    }
    throw e;
  }
  const unbounded = unboundedQuantifier(ast);
  if (unbounded) {
    return {
      ok: false,
      message: `unbounded quantifier "${unbounded.raw}": write a bounded one such as {0,20} (unbounded repetition risks catastrophic backtracking)`,
      index: at(unbounded.start),
    };
  }
  try {
    new RegExp(source, 'gu');
  } catch (e) {
    return { ok: false, message: `invalid regular expression: ${(e as Error).message}`, index: at(0) };
  }
  return { ok: true, pattern: { type: 'regex', source, triggers: triggersOf(ast) } };
}

export function compilePattern(raw: string, env: PatternEnv): PatternOutcome {
  if (!isRegexPattern(raw)) {
    const text = normalizeLiteral(raw, env.convert);
    if (text.trim().length === 0) return { ok: false, message: 'a pattern must contain some text', index: 0 };
    return { ok: true, pattern: { type: 'literal', text } };
  }
  const body = raw.slice(1, -1);
  const expanded = expandVocab(body, env);
  if ('message' in expanded) return { ok: false, message: expanded.message, index: expanded.index + 1 };
  let ast: AST.Pattern;
  try {
    ast = parse(expanded.source);
  } catch (e) {
    if (e instanceof RegExpSyntaxError) {
      return { ok: false, message: `invalid regular expression: ${e.message.replace(/^Invalid regular expression: /, '')}`, index: rawIndex(e.index, expanded.expansions) + 1 };
    }
    throw e;
  }
  // Literal characters are rewritten into their normalised form before the final checks.
  return finishRegex(normalizeRegexSource(expanded.source, ast, env), (i) => rawIndex(i, expanded.expansions) + 1);
}

/**
 * A grammar rule's pattern: a /regex/ as above, or a sequence of word classes and literals. The
 * sequence's words are already normalised, so only the regex checks and the triggers remain.
 */
export function compileGrammarPattern(raw: string, env: PatternEnv): PatternOutcome {
  if (isRegexPattern(raw)) return compilePattern(raw, env);
  const seq = compileSequence(raw, { classes: normalizedClasses(env), normalize: (w) => normalizeLiteral(w, env.convert) });
  if (!seq.ok) return seq;
  // A sequence that is one plain literal stays a literal: it goes straight into the automaton.
  if (/^[^{}…^$\s]+$/.test(raw.trim())) return compilePattern(raw.trim(), env);
  return finishRegex(seq.source, () => 0);
}
