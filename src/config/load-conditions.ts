// Reads a rule's `unless:` list into Conditions the core can test: each entry names word classes
// and where to look for them relative to a match. Problems come back with the path of the entry
// (or of the key inside it) so that the loader can point at file, line and column.

import type { Condition, ConditionScope } from '../types.js';
import { alternation } from '../core/kinds/grammar.js';

export const CONDITION_SCOPES: readonly ConditionScope[] = ['clause', 'sentence', 'line', 'text'];

export type ConditionOutcome = { ok: true; condition: Condition } | { ok: false; message: string; key?: string };

const KEYS: Readonly<Record<string, readonly string[]>> = {
  before: ['before', 'within'],
  after: ['after', 'within'],
  inside: ['inside'],
  subject: ['subject', 'over'],
  question: ['question', 'over'],
};

const HELP =
  'an unless entry is "question", or one of { before: CLASS, within: N|clause|sentence|line|text }, { after: CLASS, within: … }, { inside: CLASS }, { subject: CLASS, over: CLASS }, { question: CLASS, over: CLASS } (CLASS: a word-class name or a list of them)';

/** The words of one or more classes as an alternation source; a message when a name is unknown. */
function wordsOf(value: unknown, classes: ReadonlyMap<string, readonly string[]>): { words: string[] } | { message: string } {
  const names = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  if (!names || names.length === 0) return { message: 'name a word class, or give a list of word-class names' };
  const words: string[] = [];
  for (const n of names) {
    const cls = classes.get(n);
    if (!cls) return { message: `unknown word class "${n}"; define it under "vocab:" (known: ${[...classes.keys()].join(', ')})` };
    words.push(...cls);
  }
  return { words };
}

/** One entry of `unless:`. `classes` holds normalised words by class name. */
export function compileCondition(raw: unknown, classes: ReadonlyMap<string, readonly string[]>): ConditionOutcome {
  if (raw === 'question') return { ok: true, condition: { type: 'question' } };
  if (typeof raw === 'string') return { ok: false, message: `unknown condition "${raw}"; ${HELP}` };
  const entry = raw as Record<string, unknown>;
  const type = Object.keys(KEYS).find((k) => k in entry);
  if (!type) return { ok: false, message: HELP };
  const extra = Object.keys(entry).find((k) => !KEYS[type]!.includes(k));
  if (extra) return { ok: false, key: extra, message: `"${extra}" does not go with "${type}" (allowed: ${KEYS[type]!.join(', ')})` };
  const main = wordsOf(entry[type], classes);
  if ('message' in main) return { ok: false, key: type, message: main.message };

  switch (type) {
    case 'before':
    case 'after': {
      const w = entry.within ?? 'clause';
      let within = -1;
      let scope: ConditionScope = 'clause';
      if (typeof w === 'number') {
        if (!Number.isInteger(w) || w < 0 || w > 60) return { ok: false, key: 'within', message: 'within is a number of characters from 0 to 60, or one of clause, sentence, line, text' };
        within = w;
      } else if (typeof w === 'string' && (CONDITION_SCOPES as readonly string[]).includes(w)) scope = w as ConditionScope;
      else return { ok: false, key: 'within', message: 'within is a number of characters from 0 to 60, or one of clause, sentence, line, text' };
      return { ok: true, condition: { type, words: alternation(main.words), within, scope } };
    }
    case 'inside':
      return { ok: true, condition: { type: 'inside', words: alternation(main.words) } };
    case 'subject':
    case 'question': {
      if (entry.over === undefined) return { ok: false, key: type, message: `"${type}" needs "over": the other person words it is told apart from (e.g. subject: address, over: self)` };
      const over = wordsOf(entry.over, classes);
      if ('message' in over) return { ok: false, key: 'over', message: over.message };
      const is = alternation(main.words);
      const persons = alternation([...main.words, ...over.words]);
      return { ok: true, condition: type === 'subject' ? { type: 'subject', is, persons } : { type: 'question', self: is, persons } };
    }
  }
  return { ok: false, message: HELP };
}
