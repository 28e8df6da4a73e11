// The scoring core: normalise → match every rule in one pass → confirm candidates against their
// exceptions → personal-data recognizers → findings with original offsets → post-process → score.
// Pure: it reads no file, network, environment or clock; heavy helpers are injected.

import type { Category, CheckOptions, CheckResult, EnglishAnalyzer, Finding, Locale, PiiKind, Severity } from '../types.js';
import type { CompiledRules, ActiveRule, ExceptionTest } from './compile.js';
import { normalize, toOriginalSpan, type Normalized, type ScriptConverter } from '../normalize.js';
import { findExclamations, type ExclamationOptions } from './exclamation.js';
import { postprocess } from './postprocess.js';
import { scoreOf, passes } from './score.js';
import { maskSpans } from '../pii/mask.js';
import { PiiScan } from '../pii/scan.js';
import { Occupied } from '../pii/occupied.js';
import { lineColumn } from './line-column.js';
import { formatMessage } from './message.js';

/** Helpers the caller injects: script conversion and (lazily) English analysis. */
export interface CoreEnv {
  convert?: ScriptConverter;
  english?: () => EnglishAnalyzer | undefined;
}

interface Candidate {
  rule: ActiveRule;
  /** Span in the normalised text. */
  s: number;
  e: number;
  /** Span in the original text, rule id, category and severity: filled before post-processing. */
  start: number;
  end: number;
  ruleId: string;
  category: Category;
  severity: Severity;
  match?: RegExpExecArray;
  vars?: Record<string, string>;
  piiKind?: PiiKind;
  explanation?: string;
  /** Replacement computed by the rule kind itself (exclamation runs). */
  replacement?: string;
}

const HAS_CJK = /[\u3400-\u9fff]/;

export function localeOf(text: string, requested: CheckOptions['locale']): Locale {
  if (requested === 'zh' || requested === 'en') return requested;
  return HAS_CJK.test(text) || !/[a-z]/i.test(text) ? 'zh' : 'en';
}

/** True when an exception matches somewhere overlapping [s, e) of `text`. */
function exceptionHits(x: ExceptionTest, text: string, s: number, e: number, seen: Scratch): boolean {
  if ('literal' in x) {
    const i = text.indexOf(x.literal, Math.max(0, s - x.literal.length + 1));
    return i >= 0 && i < e;
  }
  if (x.need !== 0 && (seen.exceptionStamp[x.id] !== seen.epoch || seen.exceptionMask[x.id] !== x.need)) return false; // triggers missing
  x.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = x.re.exec(text)) !== null) {
    if (m.index >= e) return false;
    if (m.index + m[0].length > s) return true;
    if (m[0].length === 0) x.re.lastIndex++;
  }
  return false;
}

type Scratch = CompiledRules['scratch'];

function excepted(rule: ActiveRule, text: string, s: number, e: number, seen: Scratch): boolean {
  for (const x of rule.exceptions) if (exceptionHits(x, text, s, e, seen)) return true;
  return false;
}

/** Expands $1, $<name> and $& in a fix template from a regex match. */
function expandFix(template: string, m: RegExpExecArray | undefined, matched: string): string {
  return template.replace(/\$(?:(\d)|<(\w+)>|&)/g, (_, n: string | undefined, name: string | undefined) => {
    if (n !== undefined) return m?.[Number(n)] ?? '';
    if (name !== undefined) return m?.groups?.[name] ?? '';
    return matched;
  });
}

/** A candidate with its normalised span; the rest is filled in by locate(). */
function candidate(rule: ActiveRule, s: number, e: number, extra?: Partial<Candidate>): Candidate {
  return { rule, s, e, start: 0, end: 0, ruleId: rule.spec.id, category: rule.spec.category, severity: rule.severity, ...extra };
}

function phraseCandidates(compiled: CompiledRules, t: string, out: Candidate[]): void {
  const triggered: number[] = [];
  const { stamp, mask, exceptionStamp, exceptionMask, phraseStamp } = compiled.scratch;
  const epoch = ++compiled.scratch.epoch;
  const { phrases, rules } = compiled;
  compiled.automaton.scan(t, (phrase, s, e) => {
    const entry = phrases[phrase]!;
    const literalOf = entry.literalOf;
    for (let k = 0; k < literalOf.length; k++) out.push(candidate(rules[literalOf[k]!]!, s, e));
    // Trigger bits are the same for every occurrence of a phrase: set them once per text.
    if (phraseStamp[phrase] === epoch) return;
    phraseStamp[phrase] = epoch;
    const bits = entry.triggerBits;
    for (let k = 0; k < bits.length; k += 2) {
      const id = bits[k]!;
      if (stamp[id] !== epoch) {
        stamp[id] = epoch;
        mask[id] = bits[k + 1]!;
        triggered.push(id);
      } else mask[id]! |= bits[k + 1]!;
    }
    const xbits = entry.exceptionTriggerBits;
    for (let k = 0; k < xbits.length; k += 2) {
      const id = xbits[k]!;
      if (exceptionStamp[id] !== epoch) {
        exceptionStamp[id] = epoch;
        exceptionMask[id] = xbits[k + 1]!;
      } else exceptionMask[id]! |= xbits[k + 1]!;
    }
  });
  for (const id of compiled.untriggered) triggered.push(id);
  const regexNeed = compiled.regexNeed;
  for (let k = 0; k < triggered.length; k++) {
    const id = triggered[k]!;
    const need = regexNeed[id]!;
    if (need !== 0 && mask[id] !== need) continue; // some trigger group not seen
    const { rule, re } = compiled.regexes[id]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push(candidate(compiled.rules[rule]!, m.index, m.index + m[0].length, { match: m }));
    }
  }
}

/** English negation rules: keep a trigger hit only where the analyzer sees a negated verb. */
function confirmEnglish(compiled: CompiledRules, cands: Candidate[], t: string, env: CoreEnv): Candidate[] {
  if (!cands.some((c) => c.rule.spec.kind === 'english-negation')) return cands;
  const analyzer = env.english?.();
  if (!analyzer) return cands.filter((c) => c.rule.spec.kind !== 'english-negation');
  const clauses = analyzer.negatedClauses(t);
  return cands.filter((c) => {
    if (c.rule.spec.kind !== 'english-negation') return true;
    const clause = clauses.find((k) => k.start < c.e && c.s < k.end);
    if (!clause) return false;
    // An alternative offered in the same or the next sentence makes it a refusal with a way out.
    const next = clauses.find((k) => k.sentenceStart >= clause.sentenceEnd);
    const windowEnd = Math.max(clause.sentenceEnd, next ? next.sentenceEnd : nextSentenceEnd(t, clause.sentenceEnd));
    return !excepted(c.rule, t, c.s, windowEnd, compiled.scratch);
  });
}

function nextSentenceEnd(t: string, from: number): number {
  const m = /[.!?。！？\n]/g;
  m.lastIndex = from + 1;
  const r = m.exec(t);
  return r ? r.index + 1 : t.length;
}

function piiCandidates(compiled: CompiledRules, t: string, out: Candidate[], scan: PiiScan): void {
  for (const index of compiled.piiRules) {
    const rule = compiled.rules[index]!;
    const min = typeof rule.spec.options.minScore === 'number' ? rule.spec.options.minScore : 0.5;
    for (const m of scan.of(rule.recognizer!)) {
      if (m.score < min) continue;
      if (excepted(rule, t, m.start, m.end, compiled.scratch)) continue;
      out.push(candidate(rule, m.start, m.end, { piiKind: m.kind, explanation: m.explanation, vars: { score: String(m.score) } }));
    }
  }
}

function exclamationCandidates(compiled: CompiledRules, t: string, original: string, norm: Normalized, out: Candidate[]): void {
  for (const index of compiled.exclamationRules) {
    const rule = compiled.rules[index]!;
    const o = rule.spec.options as Partial<ExclamationOptions>;
    const hits = findExclamations(t, { minRun: o.minRun ?? 2, sentenceShare: o.sentenceShare ?? 0.6, minSentences: o.minSentences ?? 3, minExclaimed: o.minExclaimed ?? 3 });
    for (const h of hits) {
      const [a] = toOriginalSpan(norm, h.start, h.end);
      out.push(candidate(rule, h.start, h.end, { vars: h.vars, ...(h.kind === 'run' ? { replacement: original[a] ?? '！' } : {}) }));
    }
  }
}

/**
 * The text as it may be shown: the values the findings report masked, and every other personal
 * value the recognizers find too (a rule a team switched off stops the finding, not the masking).
 */
function maskedText(text: string, norm: Normalized, scan: PiiScan, kept: readonly Candidate[]): string {
  const values = scan.values();
  if (values.length === 0 && !kept.some((c) => c.piiKind)) return text; // the common case: nothing personal
  const spans: Array<{ start: number; end: number; kind: PiiKind }> = [];
  const taken = new Occupied(text.length);
  for (const c of kept) if (c.piiKind && taken.claim(c.start, c.end)) spans.push({ start: c.start, end: c.end, kind: c.piiKind });
  for (const m of values) {
    const [start, end] = toOriginalSpan(norm, m.start, m.end);
    if (taken.claim(start, end)) spans.push({ start, end, kind: m.kind });
  }
  return maskSpans(text, spans);
}

/** Checks one reply. `compiled` comes from compileRules(); env carries injected helpers. */
export function check(text: string, compiled: CompiledRules, options: CheckOptions = {}, env: CoreEnv = {}): CheckResult {
  const failOn: Severity = options.failOn ?? 'error';
  if (text.length === 0) return { text, findings: [], score: 100, pass: true };
  const norm = normalize(text, env.convert);
  const t = norm.text;
  let cands: Candidate[] = [];
  phraseCandidates(compiled, t, cands);
  cands = cands.filter((c) => c.rule.spec.kind === 'english-negation' || !excepted(c.rule, t, c.s, c.e, compiled.scratch));
  cands = confirmEnglish(compiled, cands, t, env);
  const scan = new PiiScan(t);
  piiCandidates(compiled, t, cands, scan);
  exclamationCandidates(compiled, t, text, norm, cands);
  if (cands.length === 0) return { text: maskedText(text, norm, scan, []), findings: [], score: 100, pass: true };

  for (const c of cands) [c.start, c.end] = toOriginalSpan(norm, c.s, c.e);
  const kept = postprocess(cands);

  const masked = maskedText(text, norm, scan, kept);
  const locale = localeOf(text, options.locale);
  const lc = lineColumn(text);
  const findings: Finding[] = [];
  for (const c of kept) {
    const spec = c.rule.spec;
    const excerpt = masked.slice(c.start, c.end);
    const [line, column] = lc(c.start);
    const f: Finding = {
      ruleId: c.ruleId,
      category: c.category,
      severity: c.severity,
      message: formatMessage(c.rule.messages[locale], c.vars ? { match: excerpt, ...c.vars } : { match: excerpt }),
      start: c.start,
      end: c.end,
      line,
      column,
      excerpt,
      suggestions: spec.suggestions,
    };
    if (c.replacement !== undefined) f.fix = { start: c.start, end: c.end, replacement: c.replacement };
    else if (spec.fix !== undefined && excerpt === t.slice(c.s, c.e)) {
      // A fix is certain only when the agent typed exactly the normalised form (no script change).
      f.fix = { start: c.start, end: c.end, replacement: expandFix(spec.fix, c.match, excerpt) };
    }
    if (c.explanation) f.explanation = c.explanation.replace(t.slice(c.s, c.e), excerpt);
    findings.push(f);
  }
  const sorted = findings;
  return { text: masked, findings: sorted, score: scoreOf(sorted), pass: passes(sorted, failOn) };
}
