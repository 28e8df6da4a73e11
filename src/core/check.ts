// The scoring core: normalise → match every rule in one pass → confirm candidates against their
// exceptions → personal-data recognizers → findings with original offsets → post-process → score.
// Pure: it reads no file, network, environment or clock; heavy helpers are injected.

import type { CheckOptions, CheckResult, EnglishAnalyzer, Finding, Locale, PiiKind, Severity } from '../types.js';
import type { CompiledRules, ActiveRule, ExceptionTest } from './compile.js';
import { normalize, toOriginalSpan, type Normalized, type ScriptConverter } from './normalize.js';
import { findExclamations, type ExclamationOptions } from './exclamation.js';
import { postprocess } from './postprocess.js';
import { scoreOf, passes } from './score.js';
import { maskSpans } from '../pii/mask.js';
import { lineColumn } from './line-column.js';

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
function exceptionHits(x: ExceptionTest, text: string, s: number, e: number): boolean {
  if ('literal' in x) {
    const i = text.indexOf(x.literal, Math.max(0, s - x.literal.length + 1));
    return i >= 0 && i < e;
  }
  x.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = x.re.exec(text)) !== null) {
    if (m.index >= e) return false;
    if (m.index + m[0].length > s) return true;
    if (m[0].length === 0) x.re.lastIndex++;
  }
  return false;
}

function excepted(rule: ActiveRule, text: string, s: number, e: number): boolean {
  for (const x of rule.exceptions) if (exceptionHits(x, text, s, e)) return true;
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

function phraseCandidates(compiled: CompiledRules, t: string, out: Candidate[]): void {
  const triggered: number[] = [];
  const stamp = compiled.scratch.stamp;
  const epoch = ++compiled.scratch.epoch;
  compiled.automaton.scan(t, (phrase, s, e) => {
    const entry = compiled.phrases[phrase]!;
    for (const r of entry.literalOf) out.push({ rule: compiled.rules[r]!, s, e });
    for (const id of entry.triggers) {
      if (stamp[id] !== epoch) {
        stamp[id] = epoch;
        triggered.push(id);
      }
    }
  });
  for (const id of compiled.untriggered) triggered.push(id);
  for (const id of triggered) {
    const { rule, re } = compiled.regexes[id]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ rule: compiled.rules[rule]!, s: m.index, e: m.index + m[0].length, match: m });
    }
  }
}

/** English negation rules: keep a trigger hit only where the analyzer sees a negated verb. */
function confirmEnglish(cands: Candidate[], t: string, env: CoreEnv): Candidate[] {
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
    return !excepted(c.rule, t, c.s, windowEnd);
  });
}

function nextSentenceEnd(t: string, from: number): number {
  const m = /[.!?。！？\n]/g;
  m.lastIndex = from + 1;
  const r = m.exec(t);
  return r ? r.index + 1 : t.length;
}

function piiCandidates(compiled: CompiledRules, t: string, out: Candidate[]): void {
  for (const index of compiled.piiRules) {
    const rule = compiled.rules[index]!;
    const min = typeof rule.spec.options.minScore === 'number' ? rule.spec.options.minScore : 0.5;
    for (const m of rule.recognizer!.find(t)) {
      if (m.score < min) continue;
      if (excepted(rule, t, m.start, m.end)) continue;
      out.push({ rule, s: m.start, e: m.end, piiKind: m.kind, explanation: m.explanation, vars: { score: String(m.score) } });
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
      out.push({ rule, s: h.start, e: h.end, vars: h.vars, ...(h.kind === 'run' ? { replacement: original[a] ?? '！' } : {}) });
    }
  }
}

/** Checks one reply. `compiled` comes from compileRules(); env carries injected helpers. */
export function check(text: string, compiled: CompiledRules, options: CheckOptions = {}, env: CoreEnv = {}): CheckResult {
  const failOn: Severity = options.failOn ?? 'error';
  if (text.length === 0) return { text, findings: [], score: 100, pass: true };
  const norm = normalize(text, env.convert);
  const t = norm.text;
  let cands: Candidate[] = [];
  phraseCandidates(compiled, t, cands);
  cands = cands.filter((c) => c.rule.spec.kind === 'english-negation' || !excepted(c.rule, t, c.s, c.e));
  cands = confirmEnglish(cands, t, env);
  piiCandidates(compiled, t, cands);
  exclamationCandidates(compiled, t, text, norm, cands);
  if (cands.length === 0) return { text, findings: [], score: 100, pass: true };

  const locale = localeOf(text, options.locale);
  const drafts: Array<{ f: Finding; c: Candidate }> = [];
  for (const c of cands) {
    const [start, end] = toOriginalSpan(norm, c.s, c.e);
    const spec = c.rule.spec;
    const f: Finding = {
      ruleId: spec.id,
      category: spec.category,
      severity: c.rule.severity,
      message: '',
      start,
      end,
      line: 0,
      column: 0,
      excerpt: '',
      suggestions: spec.suggestions,
    };
    const original = text.slice(start, end);
    if (c.replacement !== undefined) f.fix = { start, end, replacement: c.replacement };
    else if (spec.fix !== undefined && original === t.slice(c.s, c.e)) {
      // A fix is certain only when the agent typed exactly the normalised form (no script change).
      f.fix = { start, end, replacement: expandFix(spec.fix, c.match, original) };
    }
    drafts.push({ f, c });
  }

  const kept = new Set(postprocess(drafts.map((d) => d.f)));
  const findings: Finding[] = [];
  const piiSpans: Array<{ start: number; end: number; kind: PiiKind }> = [];
  for (const { f, c } of drafts) {
    if (!kept.has(f)) continue;
    if (c.piiKind) piiSpans.push({ start: f.start, end: f.end, kind: c.piiKind });
  }
  const masked = maskSpans(text, piiSpans);
  const lc = lineColumn(text);
  for (const { f, c } of drafts) {
    if (!kept.has(f)) continue;
    f.excerpt = masked.slice(f.start, f.end);
    const vars: Record<string, string> = { match: f.excerpt, ...c.vars };
    f.message = c.rule.spec.message[locale].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
    if (c.explanation) f.explanation = c.explanation.replace(t.slice(c.s, c.e), f.excerpt);
    const [line, column] = lc(f.start);
    f.line = line;
    f.column = column;
    findings.push(f);
  }
  const sorted = postprocess(findings);
  return { text: masked, findings: sorted, score: scoreOf(sorted), pass: passes(sorted, failOn) };
}
