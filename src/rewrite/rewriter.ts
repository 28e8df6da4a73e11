// The optional LLM rewrite (SPEC §7): mask the draft, ask the model, restore the values, check
// the answer with the core again, and hand it out only when it passes and scores higher than the
// draft — otherwise try again, and in the end give back the draft's findings and the best
// phrasebook reply instead. Nothing here runs unless a rewrite is asked for.

import { SEVERITY_RANK, type Category, type CheckOptions, type CheckResult, type RuleSet, type Severity, type Suggestion } from '../types.js';
import type { CoreEnv } from '../core/check.js';
import { localeOf } from '../core/check.js';
import { PlaceholderMap, piiFinder, placeholderExcerpt, withoutPlaceholders, type MaskedText, type Restored } from './placeholders.js';
import { findPersonalData, type ScanOptions } from '../pii/scan.js';
import { buildMessages, cleanAnswer, type ChatMessage, type Language, type PromptFinding, type PromptInput, type Rejection, type TeamRules } from './prompt.js';
import { resolveLlmSettings, type LlmSettings } from './settings.js';
import { openaiChat, type ChatClient } from './chat.js';
import { Semaphore } from './semaphore.js';
import { LlmUnavailableError } from './errors.js';

export { LlmUnavailableError, LlmRequestError } from './errors.js';
export { LlmSettingsError } from './settings.js';

/**
 * What the rewriter needs of the engine (engine.ts's Engine has all of it). Declared here so that
 * this layer does not import the engine above it.
 */
export interface RewriteHost {
  readonly config: { llm?: Record<string, unknown> | undefined };
  readonly ruleSet: RuleSet;
  readonly failOn: Severity;
  readonly env: CoreEnv;
  check(text: string, options?: CheckOptions): CheckResult;
  ranker(options?: { engine?: 'lexical'; warn?: (message: string) => void }): Promise<{ suggest(message: string, options?: { top?: number; context?: Record<string, unknown> }): Promise<Suggestion[]> }>;
}

export interface RewriteRequest {
  /** The agent's draft. */
  text: string;
  /** What the customer wrote, when known: the model sees it (masked) and templates are ranked by it. */
  message?: string;
  /** Facts the reply may use (shop name, order status …); masked like the rest. */
  context?: Record<string, string>;
  failOn?: Severity;
  signal?: AbortSignal;
}

export interface TemplateOffer {
  templateId: string;
  intent: string;
  text: string;
  score: number;
}

export interface RewriteResult {
  /** The accepted rewrite, with personal values restored; null when none was accepted. */
  rewrite: string | null;
  /** The draft's check result (personal data masked). */
  before: CheckResult;
  /** The rewrite's check result; null when none was accepted. */
  after: CheckResult | null;
  /** Answers asked of the model. */
  attempts: number;
  accepted: boolean;
  /** Why there is no rewrite. */
  explanation?: string;
  /** Why each turned-down answer was turned down (placeholders, never values). */
  rejections?: string[][];
  /** The best phrasebook reply, offered when no rewrite was accepted. */
  template?: TemplateOffer;
}

export interface Rewriter {
  readonly settings: LlmSettings;
  rewrite(request: RewriteRequest): Promise<RewriteResult>;
}

/** The LLM settings of a host, or why there are none. Throws LlmSettingsError for a bad `llm:` section. */
export function llmStatus(host: Pick<RewriteHost, 'config'>, env: NodeJS.ProcessEnv = process.env) {
  return resolveLlmSettings(host.config.llm, env);
}

const shared = new WeakMap<object, Rewriter>();

/**
 * The rewriter of a host, or null when no LLM is configured. One per host for the process's own
 * environment, so that every caller (each HTTP request) shares its bound on requests at once.
 */
export function rewriterFor(host: RewriteHost, env: NodeJS.ProcessEnv = process.env): Rewriter | null {
  if (env === process.env) {
    const known = shared.get(host);
    if (known) return known;
  }
  const status = llmStatus(host, env);
  if (!status.configured) return null;
  const r = createRewriter(host, status.settings);
  if (env === process.env) shared.set(host, r);
  return r;
}

/** Like rewriterFor, but throws LlmUnavailableError (with what to set) instead of returning null. */
export function requireRewriter(host: RewriteHost, env: NodeJS.ProcessEnv = process.env): Rewriter {
  const r = rewriterFor(host, env);
  if (r) return r;
  const status = llmStatus(host, env);
  throw new LlmUnavailableError(status.configured ? 'the LLM rewrite is not available' : status.message);
}

/** The team's rules as the model should know them: each category checked, at its highest severity. */
function teamRules(ruleSet: RuleSet, failOn: Severity, instructions: string | undefined): TeamRules {
  const top = new Map<Category, Severity>();
  for (const r of ruleSet.rules) {
    if (r.severity === 'off') continue;
    const had = top.get(r.category);
    if (!had || SEVERITY_RANK[r.severity] > SEVERITY_RANK[had]) top.set(r.category, r.severity);
  }
  const help = new Map(ruleSet.categories.map((c) => [c.id, c.description.en]));
  return { failOn, categories: [...top].map(([category, severity]) => ({ category, severity, ...(help.has(category) ? { help: help.get(category)! } : {}) })), ...(instructions ? { instructions } : {}) };
}

const HAS_CJK = /[\u3400-\u9fff]/;
const CJK_ALL = /[\u3400-\u9fff]/g;

/** Characters the script converter changes: how traditional a Chinese text is. */
function traditionalChars(text: string, env: CoreEnv): number {
  if (!env.convert) return 0;
  const simplified = env.convert(text);
  let n = 0;
  for (let i = 0; i < text.length && i < simplified.length; i++) if (text[i] !== simplified[i]) n++;
  return n;
}

function languageOf(text: string, env: CoreEnv): Language {
  if (localeOf(text, 'auto') === 'en') return { locale: 'en', script: null };
  return { locale: 'zh', script: traditionalChars(text, env) >= 2 ? 'traditional' : 'simplified' };
}

/** Why an answer is not in the draft's language or script, if it is not. */
function languageProblem(answer: string, want: Language, env: CoreEnv): string | null {
  if (want.locale === 'en') return HAS_CJK.test(answer) ? 'it is not in English like the draft' : null;
  if (!HAS_CJK.test(answer)) return 'it is not in Chinese like the draft';
  const cjk = answer.match(CJK_ALL)?.length ?? 0;
  const trad = traditionalChars(answer, env);
  if (want.script === 'simplified' && trad >= 2) return 'it is in traditional characters; the draft is in simplified ones';
  if (want.script === 'traditional' && trad === 0 && cjk >= 10) return 'it is in simplified characters; the draft is in traditional ones';
  return null;
}

/** The draft's findings as the model sees them: excerpts and messages with placeholders. */
function promptFindings(before: CheckResult, draft: MaskedText): PromptFinding[] {
  return before.findings.map((f) => {
    const excerpt = placeholderExcerpt(draft.original, draft.spans, f.start, f.end);
    const message =
      f.category === 'sensitive-data'
        ? 'personal or exact financial data must not appear in the reply; refer to it without the value.'
        : f.message.split(f.excerpt).join(excerpt);
    return { severity: f.severity, ruleId: f.ruleId, category: f.category, excerpt, message, ...(f.suggestions[0] ? { suggestion: f.suggestions[0] } : {}) };
  });
}

/** The placeholders of the draft's flagged values (to leave out) and of the others (to keep). */
function keepAndLeaveOut(before: CheckResult, draft: MaskedText): { keep: string[]; leaveOut: string[] } {
  const flagged = new Set<string>();
  for (const f of before.findings) {
    if (f.category !== 'sensitive-data') continue;
    for (const s of draft.spans) if (s.start < f.end && f.start < s.end) flagged.add(s.token);
  }
  const all = [...new Set(draft.spans.map((s) => s.token))];
  return { keep: all.filter((t) => !flagged.has(t)), leaveOut: all.filter((t) => flagged.has(t)) };
}

/** Longest answer worth checking: a reply, not an essay. */
const maxLength = (draft: string): number => Math.max(draft.length * 4, draft.length + 400);

interface Verdict {
  accepted: boolean;
  reasons: string[];
  text?: string;
  after?: CheckResult;
}

export function createRewriter(host: RewriteHost, settings: LlmSettings, options: { chat?: ChatClient } = {}): Rewriter {
  const gate = new Semaphore(settings.concurrency);
  const finder = piiFinder(host.ruleSet, host.env);
  const scan: ScanOptions = host.env.convert ? { convert: host.env.convert } : {};
  let chat: Promise<ChatClient> | undefined = options.chat ? Promise.resolve(options.chat) : undefined;
  const client = (): Promise<ChatClient> => (chat ??= openaiChat(settings));

  /** The best phrasebook replies for the message (or the draft); none when the phrasebook cannot rank. */
  async function templates(query: string, context: Record<string, string> | undefined): Promise<Suggestion[]> {
    const ranker = await host.ranker({ engine: 'lexical' });
    return ranker.suggest(query, { top: 2, ...(context ? { context } : {}) });
  }

  function judge(answer: string, input: { map: PlaceholderMap; keep: string[]; language: Language; before: CheckResult; failOn: Severity; draft: string }): Verdict {
    const reasons: string[] = [];
    if (answer.length > maxLength(input.draft)) return { accepted: false, reasons: [`it is far longer than the draft (${answer.length} characters); write the reply only`] };
    reasons.push(...leaks(answer, input.map, scan));
    const restored: Restored = input.map.restore(answer);
    if (restored.invented.length > 0) reasons.push(`it contains placeholders that stand for nothing: ${[...new Set(restored.invented)].join(' ')}; use only the placeholders given`);
    const dropped = input.keep.filter((t) => !restored.used.has(t));
    if (dropped.length > 0) reasons.push(`it leaves out ${dropped.join(' ')}, which the reply needs`);
    const lang = languageProblem(answer, input.language, host.env);
    if (lang) reasons.push(lang);
    if (reasons.length > 0) return { accepted: false, reasons };
    const after = host.check(restored.text, { failOn: input.failOn });
    const bar = SEVERITY_RANK[input.failOn];
    for (const f of after.findings) {
      if (SEVERITY_RANK[f.severity] < bar) continue;
      const excerpt = placeholderExcerpt(restored.text, restored.spans, f.start, f.end);
      reasons.push(
        f.category === 'sensitive-data'
          ? `it repeats personal or financial data (${excerpt}); refer to it without the value`
          : `[${f.severity}] ${f.ruleId} at "${excerpt}": ${f.message.split(f.excerpt).join(excerpt)}`,
      );
    }
    if (reasons.length === 0 && after.score <= input.before.score) reasons.push(`it scores ${after.score}, no better than the draft's ${input.before.score}`);
    return reasons.length > 0 ? { accepted: false, reasons } : { accepted: true, reasons, text: restored.text, after };
  }

  return {
    settings,
    async rewrite(req) {
      const failOn = req.failOn ?? host.failOn;
      const before = host.check(req.text, { failOn });
      if (before.findings.length === 0) {
        return { rewrite: null, before, after: null, attempts: 0, accepted: false, explanation: 'the draft has no findings: nothing to rewrite' };
      }
      // The draft first, so that its values get the low numbers.
      const map = new PlaceholderMap(finder, host.env.convert);
      const draft = map.mask(req.text);
      const message = req.message !== undefined && req.message.trim() !== '' ? map.mask(req.message) : undefined;
      const context = req.context ? Object.entries(req.context).map(([k, v]) => maskedEntry(map, k, String(v))) : undefined;
      const offers = await templates(req.message?.trim() || req.text, req.context);
      const { keep, leaveOut } = keepAndLeaveOut(before, draft);
      const language = languageOf(req.text, host.env);
      const input: PromptInput = {
        draft: draft.text,
        findings: promptFindings(before, draft),
        ...(message ? { message: message.text } : {}),
        ...(context ? { context } : {}),
        templates: offers.map((o) => map.mask(o.text).text),
        rules: teamRules(host.ruleSet, failOn, settings.instructions),
        language,
        keep,
        leaveOut,
      };
      // Turned-down answers go back to the model with the reasons; every attempt's reasons are kept.
      const rejections: Rejection[] = [];
      const reasons: string[][] = [];
      const chatClient = await client();
      for (let attempt = 1; attempt <= settings.attempts; attempt++) {
        // Each text was masked on its way in; the whole conversation once more, for what came from
        // rule data or the team's instructions and happens to spell a value.
        const messages = buildMessages(input, rejections).map((m) => ({ ...m, content: map.mask(m.content).text }));
        assertMasked(messages, map, scan);
        const answer = await gate.run(() => chatClient.complete(messages, req.signal), req.signal);
        if ('problem' in answer) {
          reasons.push([answer.problem]);
          continue;
        }
        const cleaned = cleanAnswer(answer.content);
        // Judged against the values known before it; then masking the answer makes any value the
        // model wrote itself a known one, so that neither the answer nor the reasons carry it back.
        const verdict = judge(cleaned, { map, keep, language, before, failOn, draft: req.text });
        const sendBack = map.mask(cleaned).text;
        if (verdict.accepted) {
          return { rewrite: verdict.text!, before, after: verdict.after!, attempts: attempt, accepted: true, ...(reasons.length ? { rejections: reasons } : {}) };
        }
        // The answer goes back to the model as it wrote it: placeholders, never values.
        const why = verdict.reasons.map((r) => map.mask(r).text);
        rejections.push({ answer: sendBack, reasons: why });
        reasons.push(why);
      }
      const best = offers[0];
      const last = reasons[reasons.length - 1]!.join('; ');
      return {
        rewrite: null,
        before,
        after: null,
        attempts: settings.attempts,
        accepted: false,
        explanation: `no rewrite passed the checks in ${settings.attempts} attempt${settings.attempts === 1 ? '' : 's'} (last: ${last})`,
        rejections: reasons,
        ...(best ? { template: { templateId: best.templateId, intent: best.intent, text: best.text, score: best.score } } : {}),
      };
    },
  };
}

/**
 * A context entry masked with its key as the value's context word (退款金额: 358元 is an amount,
 * 358元 alone is not sure to be one); the key is masked on its own as well.
 */
function maskedEntry(map: PlaceholderMap, key: string, value: string): [string, string] {
  const k = map.mask(key).text;
  const both = map.mask(`${key}：${value}`).text;
  return both.startsWith(`${k}：`) ? [k, both.slice(k.length + 1)] : [k, map.mask(value).text];
}

const KIND_WORD: Readonly<Record<string, string>> = {
  mobile: 'a phone number',
  landline: 'a phone number',
  'id-card': 'an ID number',
  'bank-card': 'a card number',
  email: 'an e-mail address',
  address: 'a street address',
  amount: 'a money amount',
};

/**
 * Why an answer gives personal data away, in words that name no value: a known value written
 * out in any spelling instead of its placeholder (13812345678 as 138.1234.5678, 一三八…, beside
 * another number), or a personal value the model wrote of its own.
 */
export function leaks(answer: string, map: PlaceholderMap, scan: ScanOptions): string[] {
  const reasons: string[] = [];
  const known = map.spelledOut(answer);
  if (known.length > 0) {
    reasons.push(`it repeats personal or financial data: the value of ${[...new Set(known)].join(' ')} written out instead of its placeholder; copy the placeholder where the reply needs it, or leave the value out`);
  }
  const bare = withoutPlaceholders(answer);
  const own = findPersonalData(bare, scan).filter((v) => map.spelledOut(bare.slice(v.start, v.end)).length === 0);
  if (own.length > 0) {
    const kinds = [...new Set(own.map((v) => KIND_WORD[v.kind]))].join(', ');
    reasons.push(`it repeats personal or financial data of its own (${kinds}); never write a phone number, ID or card number, e-mail address, street address or money amount — use only the placeholders given`);
  }
  return reasons;
}

/**
 * The last line of defence: no personal value may be in what is sent — not as written, not in
 * another spelling of a known value, not as a value no placeholder covers. Every text was masked
 * on its way in, so this never fires unless a new path forgets to mask.
 */
function assertMasked(messages: readonly ChatMessage[], map: PlaceholderMap, scan: ScanOptions): void {
  const body = JSON.stringify(messages);
  const leak = (): never => {
    throw new Error('internal error: a personal value was about to be sent to the LLM; nothing was sent');
  };
  for (const v of map.rawValues()) {
    if (v.length >= 3 && (body.includes(v) || body.includes(JSON.stringify(v).slice(1, -1)))) leak();
  }
  for (const m of messages) {
    if (map.spelledOut(m.content).length > 0) leak();
    if (findPersonalData(withoutPlaceholders(m.content), scan).length > 0) leak();
  }
}
