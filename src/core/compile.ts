// Turns a loaded rule set into the structures the hot path runs on, once: one Aho-Corasick
// automaton over every literal and every regex trigger, and each regex compiled a single time.

import type { CategorySpec, CompiledPattern, RuleSet } from '../types.js';
import { AhoCorasick } from './aho-corasick.js';
import { parseMessage } from './message.js';
import { compileConditions } from './conditions.js';
import { kindOf } from './kinds/index.js';
import { literalVariants } from './variants.js';
import type { ActiveRule, ExceptionTest } from './kinds/kind.js';

export type { ActiveRule, ExceptionTest } from './kinds/kind.js';

interface RegexEntry {
  rule: number;
  re: RegExp;
}

/** A phrase's part in a regex's trigger groups: seeing it sets `bit` for regex `id`. */
export interface TriggerRef {
  id: number;
  bit: number;
}

/** What an automaton phrase stands for: a literal pattern of rules, or a trigger of regexes. */
interface PhraseEntry {
  literalOf: number[];
  /** The regexes this phrase is a trigger of, as id, bit, id, bit … */
  triggerBits: Int32Array;
  /** The same for exception regexes. */
  exceptionTriggerBits: Int32Array;
}

export interface CompiledRules {
  rules: ActiveRule[];
  automaton: AhoCorasick;
  phrases: PhraseEntry[];
  regexes: RegexEntry[];
  /** Regexes without a usable trigger: run on every text. */
  untriggered: number[];
  /** Per regex id: a bit mask with one bit per trigger group; the regex runs when all are seen. */
  regexNeed: Int32Array;
  /** Rules whose kind finds its own candidates (personal data, exclamation marks). */
  findRules: number[];
  exceptionCount: number;
  /** Every declared category by id (labels for findings). */
  categories: ReadonlyMap<string, CategorySpec>;
  /** Per-check scratch space: trigger groups seen in the current text (epoch stamps + masks), phrases seen (stamps). */
  scratch: { stamp: Int32Array; mask: Int32Array; exceptionStamp: Int32Array; exceptionMask: Int32Array; phraseStamp: Int32Array; epoch: number };
}

/** Compiles a pattern source once; 'g' for scanning, 'u' for code-point semantics. */
export function compileRegex(source: string): RegExp {
  return new RegExp(source, 'gu');
}


const NO_BITS = new Int32Array(0);
/** id, bit, id, bit … in one typed array, filled in place (compiling runs at every start-up). */
function flatten(refs: readonly TriggerRef[]): Int32Array {
  if (refs.length === 0) return NO_BITS;
  const out = new Int32Array(refs.length * 2);
  for (let k = 0; k < refs.length; k++) {
    out[2 * k] = refs[k]!.id;
    out[2 * k + 1] = refs[k]!.bit;
  }
  return out;
}

/** Compiles a rule set; without categories, findings are labelled with the category id. */
export function compileRules(set: Pick<RuleSet, 'rules'> & Partial<Pick<RuleSet, 'categories'>>): CompiledRules {
  const phraseIndex = new Map<string, number>();
  const phrases: PhraseEntry[] = [];
  const phraseTexts: string[] = [];
  // Trigger references while compiling, by phrase index; flattened into the entries at the end.
  const refs: Array<{ triggers: TriggerRef[]; exceptionTriggers: TriggerRef[] }> = [];
  const indexFor = (text: string): number => {
    let i = phraseIndex.get(text);
    if (i === undefined) {
      i = phrases.length;
      phraseIndex.set(text, i);
      phrases.push({ literalOf: [], triggerBits: NO_BITS, exceptionTriggerBits: NO_BITS });
      refs.push({ triggers: [], exceptionTriggers: [] });
      phraseTexts.push(text);
    }
    return i;
  };
  const regexNeed: number[] = [];

  const out: CompiledRules = {
    rules: [],
    automaton: new AhoCorasick([]),
    phrases,
    regexes: [],
    untriggered: [],
    regexNeed: new Int32Array(0),
    findRules: [],
    exceptionCount: 0,
    categories: new Map((set.categories ?? []).map((c) => [c.id, c])),
    scratch: { stamp: new Int32Array(0), mask: new Int32Array(0), exceptionStamp: new Int32Array(0), exceptionMask: new Int32Array(0), phraseStamp: new Int32Array(0), epoch: 0 },
  };
  /** Registers trigger groups; returns the mask of all groups (0 = no trigger: always run). */
  const registerTriggers = (groups: readonly string[][], id: number, list: 'triggers' | 'exceptionTriggers'): number => {
    groups.forEach((group, g) => {
      for (const t of new Set(group)) refs[indexFor(t)]![list].push({ id, bit: 1 << g });
    });
    return groups.length === 0 ? 0 : (1 << groups.length) - 1;
  };
  const exceptionTest = (p: CompiledPattern): ExceptionTest => {
    if (p.type === 'literal') return { literal: p.text };
    const id = out.exceptionCount++;
    return { re: compileRegex(p.source), id, need: registerTriggers(p.triggers, id, 'exceptionTriggers') };
  };

  for (const spec of set.rules) {
    if (spec.severity === 'off') continue;
    const index = out.rules.length;
    const kind = kindOf(spec.kind);
    const category = out.categories.get(spec.category);
    const rule: ActiveRule = {
      index,
      spec,
      kind,
      severity: spec.severity,
      messages: { zh: parseMessage(spec.message.zh), en: parseMessage(spec.message.en) },
      labels: category?.label ?? { zh: spec.category, en: spec.category },
      exceptions: spec.exceptions.map(exceptionTest),
      state: kind.compile?.(spec),
      conditions: compileConditions(spec.unless ?? []),
      softeners: compileConditions(spec.soften ?? []),
    };
    out.rules.push(rule);
    if (kind.find) out.findRules.push(index);
    if (!kind.automaton) continue;
    for (const p of spec.patterns) {
      if (p.type === 'literal') {
        for (const text of literalVariants(p.text)) phrases[indexFor(text)]!.literalOf.push(index);
        continue;
      }
      const id = out.regexes.length;
      const need = registerTriggers(p.triggers, id, 'triggers');
      out.regexes.push({ rule: index, re: compileRegex(p.source) });
      regexNeed.push(need);
      if (need === 0) out.untriggered.push(id);
    }
  }
  out.automaton = new AhoCorasick(phraseTexts);
  phrases.forEach((p, i) => {
    p.triggerBits = flatten(refs[i]!.triggers);
    p.exceptionTriggerBits = flatten(refs[i]!.exceptionTriggers);
  });
  out.scratch.phraseStamp = new Int32Array(phrases.length);
  out.regexNeed = Int32Array.from(regexNeed);
  out.scratch.stamp = new Int32Array(out.regexes.length);
  out.scratch.mask = new Int32Array(out.regexes.length);
  out.scratch.exceptionStamp = new Int32Array(out.exceptionCount);
  out.scratch.exceptionMask = new Int32Array(out.exceptionCount);
  return out;
}
