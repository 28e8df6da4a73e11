// The shape every rule kind shares (after Vale's check kinds): a name, an option schema, how its
// patterns are written, and the hooks the core calls when rules compile and when a reply is
// checked. A concrete rule in the data extends exactly one kind; the kinds are few and in code.

import type { z } from 'zod';
import type { EnglishAnalyzer, PiiKind, RuleSpec, Severity, WordSegmenter } from '../../types.js';
import type { MessageParts } from '../message.js';
import type { Normalized } from '../../normalize.js';
import type { PiiScan } from '../../pii/scan.js';
import type { ConditionTest } from '../conditions.js';

/** zod, passed in by the loader: the core never imports it, so `check` never loads it. */
export type Zod = typeof z;

/** An exception of a rule, ready to test (`id` indexes the per-check trigger stamps). */
export type ExceptionTest = { literal: string } | { re: RegExp; id: number; need: number };

/** A rule ready to run: its data, its kind and what compiling made of them. */
export interface ActiveRule {
  index: number;
  spec: RuleSpec;
  kind: KindModule;
  severity: Severity;
  messages: { zh: MessageParts; en: MessageParts };
  labels: { zh: string; en: string };
  exceptions: ExceptionTest[];
  /** What the kind's compile() keeps for itself (a recognizer, options with defaults …). */
  state: unknown;
  /** The rule's `unless:` conditions, compiled. */
  conditions: ConditionTest[];
  /** The rule's `soften:` conditions, compiled. */
  softeners: ConditionTest[];
}

/** A possible finding, before conditions, exceptions and post-processing decide on it. */
export interface Candidate {
  rule: ActiveRule;
  /** Span in the normalised text. */
  s: number;
  e: number;
  /** Span in the original text, rule id, category and severity: filled before post-processing. */
  start: number;
  end: number;
  ruleId: string;
  category: string;
  severity: Severity;
  match?: RegExpExecArray;
  vars?: Record<string, string>;
  piiKind?: PiiKind;
  explanation?: string;
  /** Replacement computed by the rule kind itself (exclamation runs). */
  replacement?: string;
}

/** Helpers the caller injects into the pure core. */
export interface CoreEnv {
  /** Traditional → simplified, same length. */
  convert?: (text: string) => string;
  /** English sentence and negation analysis, loaded on first use. */
  english?: () => EnglishAnalyzer | undefined;
  /** Chinese word segmentation, loaded on first use (only rules that ask for whole words need it). */
  words?: () => WordSegmenter | undefined;
}

/** What a kind sees of the reply being checked. */
export interface Reply {
  /** The text as given. */
  original: string;
  /** Its normalised form, where every pattern matches. */
  norm: Normalized;
  t: string;
  env: CoreEnv;
  /** The personal-data recognizers' results for this reply (each recognizer runs at most once). */
  scan: PiiScan;
  /** Makes a candidate of `rule` over [s, e) of the normalised text. */
  candidate(rule: ActiveRule, s: number, e: number, extra?: Partial<Candidate>): Candidate;
  /** True when one of the rule's exceptions matches a span overlapping [s, e). */
  excepted(rule: ActiveRule, s: number, e: number): boolean;
  /** The default verdict on a matcher candidate: no exception, no `unless:` condition, not quoted. */
  stands(c: Candidate): boolean;
}

export interface KindModule {
  readonly name: string;
  /** One line for a rules author: what a rule of this kind does. */
  readonly summary: string;
  /** Whether a rule of this kind must, may or must not have patterns. */
  readonly patterns: 'required' | 'optional' | 'none';
  /** How its patterns are written: literal text and /regex/, or a grammar sequence. */
  readonly syntax: 'phrase' | 'grammar';
  /** Patterns go into the shared one-pass matcher (literals and regex triggers). */
  readonly automaton: boolean;
  /** The schema of `options:`; strict, so that a mistyped option is refused when the file loads. */
  options(z: Zod): z.ZodType<Record<string, unknown>>;
  /** Compile time: whatever the kind keeps per rule (stored in ActiveRule.state). */
  compile?(spec: RuleSpec): unknown;
  /** Check time: candidates the kind finds itself (kinds outside the shared matcher). */
  find?(rule: ActiveRule, reply: Reply, out: Candidate[]): void;
  /**
   * Check time: which of the shared matcher's candidates of this kind stand. Without it, a
   * candidate stands unless an exception or an `unless:` condition turns it off.
   */
  confirm?(cands: Candidate[], reply: Reply): Candidate[];
}
