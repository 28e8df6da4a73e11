// The scoring core: normalise → match every rule in one pass → let each kind confirm its
// candidates (exceptions, `unless:` conditions, quotation) → kinds that find their own (personal
// data, exclamation marks) → findings with original offsets → post-process → score.
// Pure: it reads no file, network, environment or clock; heavy helpers are injected.

import type { CheckOptions, CheckResult, Finding, Locale, PiiKind, Severity } from '../types.js';
import type { CompiledRules, ActiveRule, ExceptionTest } from './compile.js';
import type { Candidate, CoreEnv, KindModule, Reply } from './kinds/kind.js';
import { normalize, toOriginalSpan, type Normalized } from '../normalize.js';
import { quoted } from './conditions.js';
import { postprocess } from './postprocess.js';
import { scoreOf, passes } from './score.js';
import { maskSpans } from '../pii/mask.js';
import { PiiScan } from '../pii/scan.js';
import { Occupied } from '../pii/occupied.js';
import { lineColumn } from './line-column.js';
import { formatMessage } from './message.js';

export type { CoreEnv } from './kinds/kind.js';

const HAS_CJK = /[\u3400-\u9fff]/;

export function localeOf(text: string, requested: CheckOptions['locale']): Locale {
  if (requested === 'zh' || requested === 'en') return requested;
  return HAS_CJK.test(text) || !/[a-z]/i.test(text) ? 'zh' : 'en';
}

type Scratch = CompiledRules['scratch'];

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

/** A candidate with its normalised span; the rest is filled in before post-processing. */
function candidate(rule: ActiveRule, s: number, e: number, extra?: Partial<Candidate>): Candidate {
  return { rule, s, e, start: 0, end: 0, ruleId: rule.spec.id, category: rule.spec.category, severity: rule.severity, ...extra };
}

/** The reply as the kinds see it (one per check; methods on the prototype, nothing per call). */
class ReplyContext implements Reply {
  constructor(
    readonly original: string,
    readonly norm: Normalized,
    readonly t: string,
    readonly env: CoreEnv,
    private readonly scratch: Scratch,
  ) {
    this.scan = new PiiScan(t);
  }
  /** One run of each personal-data recognizer per reply, shared by the `pii` rules and masking. */
  readonly scan: PiiScan;
  candidate(rule: ActiveRule, s: number, e: number, extra?: Partial<Candidate>): Candidate {
    return candidate(rule, s, e, extra);
  }
  excepted(rule: ActiveRule, s: number, e: number): boolean {
    return excepted(rule, this.t, s, e, this.scratch);
  }
  stands(c: Candidate): boolean {
    if (excepted(c.rule, this.t, c.s, c.e, this.scratch)) return false;
    for (const off of c.rule.conditions) if (off(this.t, c.s, c.e)) return false;
    return !quoted(this.t, c.s, c.e);
  }
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

/** Each kind decides on its own matcher candidates; by default a candidate must stand. */
function confirm(cands: Candidate[], reply: ReplyContext): Candidate[] {
  let batches: Map<KindModule, Candidate[]> | undefined;
  const kept: Candidate[] = [];
  for (const c of cands) {
    const kind = c.rule.kind;
    if (kind.confirm) {
      batches ??= new Map();
      const b = batches.get(kind);
      if (b) b.push(c);
      else batches.set(kind, [c]);
    } else if (reply.stands(c)) kept.push(c);
  }
  if (batches) for (const [kind, batch] of batches) kept.push(...kind.confirm!(batch, reply));
  return kept;
}

const SOFTER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'info' };

/** A `soften:` condition that holds lowers a candidate's severity one step. */
function soften(cands: Candidate[], t: string): void {
  for (const c of cands) {
    const softeners = c.rule.softeners;
    for (let k = 0; k < softeners.length; k++) {
      if (softeners[k]!(t, c.s, c.e)) {
        c.severity = SOFTER[c.severity];
        break;
      }
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
  const matched: Candidate[] = [];
  phraseCandidates(compiled, t, matched);
  const reply = new ReplyContext(text, norm, t, env, compiled.scratch);
  const cands = matched.length > 0 ? confirm(matched, reply) : matched;
  soften(cands, t);
  for (const index of compiled.findRules) {
    const rule = compiled.rules[index]!;
    rule.kind.find!(rule, reply, cands);
  }
  if (cands.length === 0) return { text: maskedText(text, norm, reply.scan, []), findings: [], score: 100, pass: true };

  for (const c of cands) [c.start, c.end] = toOriginalSpan(norm, c.s, c.e);
  const kept = postprocess(cands);

  const masked = maskedText(text, norm, reply.scan, kept);
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
    f.categoryLabel = c.rule.labels[locale];
    findings.push(f);
  }
  return { text: masked, findings, score: scoreOf(findings), pass: passes(findings, failOn) };
}
