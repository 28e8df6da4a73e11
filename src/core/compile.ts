// Turns a loaded rule set into the structures the hot path runs on, once: one Aho-Corasick
// automaton over every literal and every regex trigger, and each regex compiled a single time.

import type { CompiledPattern, RuleSpec, RuleSet, Severity } from '../types.js';
import { AhoCorasick } from './aho-corasick.js';
import { getRecognizer } from '../pii/registry.js';
import type { Recognizer } from '../pii/recognizer.js';

/** An exception of a rule, ready to test. */
export type ExceptionTest = { literal: string } | { re: RegExp };

export interface ActiveRule {
  index: number;
  spec: RuleSpec;
  severity: Severity;
  exceptions: ExceptionTest[];
  recognizer?: Recognizer;
}

interface RegexEntry {
  rule: number;
  re: RegExp;
}

/** What an automaton phrase stands for: a literal pattern of a rule, or the trigger of regexes. */
interface PhraseEntry {
  literalOf: number[];
  triggers: number[];
}

export interface CompiledRules {
  rules: ActiveRule[];
  automaton: AhoCorasick;
  phrases: PhraseEntry[];
  regexes: RegexEntry[];
  /** Regexes without a usable trigger: run on every text. */
  untriggered: number[];
  piiRules: number[];
  exclamationRules: number[];
  englishRules: number[];
  /** Per-check scratch space: which regexes the current text triggered (epoch stamps). */
  scratch: { stamp: Int32Array; epoch: number };
}

/** Compiles a pattern source once; 'g' for scanning, 'u' for code-point semantics. */
export function compileRegex(source: string): RegExp {
  return new RegExp(source, 'gu');
}

function exceptionTest(p: CompiledPattern): ExceptionTest {
  return p.type === 'literal' ? { literal: p.text } : { re: compileRegex(p.source) };
}

export function compileRules(set: RuleSet): CompiledRules {
  const phraseIndex = new Map<string, number>();
  const phrases: PhraseEntry[] = [];
  const phraseTexts: string[] = [];
  const entryFor = (text: string): PhraseEntry => {
    let i = phraseIndex.get(text);
    if (i === undefined) {
      i = phrases.length;
      phraseIndex.set(text, i);
      phrases.push({ literalOf: [], triggers: [] });
      phraseTexts.push(text);
    }
    return phrases[i]!;
  };

  const out: CompiledRules = {
    rules: [],
    automaton: new AhoCorasick([]),
    phrases,
    regexes: [],
    untriggered: [],
    piiRules: [],
    exclamationRules: [],
    englishRules: [],
    scratch: { stamp: new Int32Array(0), epoch: 0 },
  };

  for (const spec of set.rules) {
    if (spec.severity === 'off') continue;
    const index = out.rules.length;
    const rule: ActiveRule = { index, spec, severity: spec.severity, exceptions: spec.exceptions.map(exceptionTest) };
    out.rules.push(rule);
    switch (spec.kind) {
      case 'pii': {
        rule.recognizer = getRecognizer(String(spec.options.recognizer));
        out.piiRules.push(index);
        continue;
      }
      case 'exclamation':
        out.exclamationRules.push(index);
        continue;
      case 'english-negation':
        out.englishRules.push(index);
        break; // its patterns are the cheap pre-filter, matched like any phrase rule
      case 'phrase':
        break;
    }
    for (const p of spec.patterns) {
      if (p.type === 'literal') {
        entryFor(p.text).literalOf.push(index);
        continue;
      }
      const id = out.regexes.length;
      out.regexes.push({ rule: index, re: compileRegex(p.source) });
      if (p.triggers.length === 0) out.untriggered.push(id);
      for (const t of p.triggers) {
        const e = entryFor(t);
        if (!e.triggers.includes(id)) e.triggers.push(id);
      }
    }
  }
  out.automaton = new AhoCorasick(phraseTexts);
  out.scratch.stamp = new Int32Array(out.regexes.length);
  return out;
}
