// What an agent did with an answer of POST /v1/suggest — inserted one of the templates, or said
// none fitted — as one line of the feedback log, and what `replylint tune` learns from a log:
// customer messages the ranker got wrong become examples of the intent the agent chose, messages
// for which nothing fitted become out-of-scope examples. Pure: the server writes the log, the tune
// command reads it and writes learned.yaml; a reviewer decides what stays.

import type { Turn } from '../types.js';

/** One line of the feedback log (JSON). Texts are masked before they are written. */
export interface FeedbackRecord {
  /** Format version. */
  v: 1;
  /** When the agent acted (ISO 8601). */
  time: string;
  /** The id of the /v1/suggest answer. */
  answer: string;
  message: string;
  history: Turn[];
  /** What was suggested, best first (empty when the answer abstained). */
  shown: Array<{ templateId: string; intent: string }>;
  confidence: number;
  abstained: boolean;
  /** The template the agent used, or null: none fitted. */
  chosen: { templateId: string; intent: string } | null;
}

/** A feedback line read back, or why it cannot be used. */
export function parseFeedbackLine(line: string): FeedbackRecord | { problem: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    return { problem: `not JSON (${(e as Error).message})` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { problem: 'not a feedback record (expected a JSON object)' };
  const r = v as Partial<FeedbackRecord>;
  if (r.v !== 1) return { problem: `unknown feedback format ${JSON.stringify(r.v)} (this replylint reads version 1)` };
  if (typeof r.message !== 'string') return { problem: '"message" must be a string' };
  if (r.chosen !== null && (typeof r.chosen !== 'object' || typeof r.chosen?.templateId !== 'string' || typeof r.chosen?.intent !== 'string')) {
    return { problem: '"chosen" must be null or {"templateId", "intent"}' };
  }
  if (!Array.isArray(r.history) || !r.history.every((t) => typeof t === 'object' && t !== null && (t.role === 'customer' || t.role === 'agent') && typeof t.text === 'string')) {
    return { problem: '"history" must be a list of {"role", "text"}' };
  }
  return {
    v: 1,
    time: String(r.time ?? ''),
    answer: String(r.answer ?? ''),
    message: r.message,
    history: r.history,
    shown: Array.isArray(r.shown) ? r.shown : [],
    confidence: typeof r.confidence === 'number' ? r.confidence : 0,
    abstained: r.abstained === true,
    chosen: r.chosen,
  };
}

/** A customer message that should teach the ranker: an example of `intent`, or (null) of nothing. */
export interface LearnedExample {
  text: string;
  /** The intent agents chose for it; null: none of the suggestions fitted (out of scope). */
  intent: string | null;
  /** Feedback records that agree. */
  count: number;
  /** What the ranker put first before learning: an intent, or null when it abstained. */
  before: string | null;
}

export interface TuneReport {
  examples: LearnedExample[];
  /** Records whose message the ranker already answers as the agent did. */
  alreadyRight: number;
  /** Messages already among the phrasebook's examples. */
  known: number;
  /** Messages agents chose different intents for (left out). */
  conflicts: number;
  /** Messages chosen fewer times than required. */
  tooFew: number;
  /** Messages with nothing left once masked values are dropped. */
  empty: number;
  /** Chosen templates the phrasebook no longer has. */
  unknownTemplates: string[];
}

export interface TuneOptions {
  /** The template's intent in the current phrasebook. */
  templateIntent(templateId: string): string | undefined;
  /** Normalised texts of the examples the phrasebook already has (see exampleKey). */
  known: ReadonlySet<string>;
  /** The current ranker's answer (with abstention as configured). */
  answer(message: string, history: readonly Turn[]): Promise<{ suggestions: Array<{ intent: string }>; abstained?: true }>;
  /** A message must be chosen this many times to be proposed (default 1). */
  minCount?: number;
}

/** The key under which two messages count as the same: lower case, no blanks, punctuation or symbols. */
export function exampleKey(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * The message as an example: masked values (runs holding the mask character *, with the ASCII
 * letters, digits and e-mail punctuation around them, such as 138****5678 or a****@qq.com) dropped,
 * blanks collapsed.
 */
export function exampleText(message: string): string {
  return message
    .replace(/[A-Za-z0-9@._-]*\*[A-Za-z0-9*@._-]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the feedback teaches: for every message the ranker does not yet answer as the agents did,
 * an example of the intent they chose, or an out-of-scope example when nothing fitted — once
 * enough records agree. The last record of an answer wins (an agent may change their mind).
 */
export async function learnFromFeedback(records: readonly FeedbackRecord[], o: TuneOptions): Promise<TuneReport> {
  const last = new Map<string, FeedbackRecord>();
  records.forEach((r, i) => last.set(r.answer || `#${i}`, r));
  const report: TuneReport = { examples: [], alreadyRight: 0, known: 0, conflicts: 0, tooFew: 0, empty: 0, unknownTemplates: [] };
  const votes = new Map<string, { text: string; by: Map<string | null, number>; before: string | null }>();
  for (const r of last.values()) {
    let intent: string | null = null;
    if (r.chosen) {
      const now = o.templateIntent(r.chosen.templateId);
      if (!now) {
        if (!report.unknownTemplates.includes(r.chosen.templateId)) report.unknownTemplates.push(r.chosen.templateId);
        continue;
      }
      intent = now;
    }
    const text = exampleText(r.message);
    const key = exampleKey(text);
    if (!key) {
      report.empty++;
      continue;
    }
    if (o.known.has(key)) {
      report.known++;
      continue;
    }
    const answer = await o.answer(r.message, r.history);
    const top = answer.abstained ? null : (answer.suggestions[0]?.intent ?? null);
    if (top === intent) {
      report.alreadyRight++;
      continue;
    }
    const v = votes.get(key) ?? { text, by: new Map(), before: top };
    v.by.set(intent, (v.by.get(intent) ?? 0) + 1);
    votes.set(key, v);
  }
  const min = o.minCount ?? 1;
  for (const v of votes.values()) {
    const ranked = [...v.by].sort((a, b) => b[1] - a[1]);
    const [winner, count] = ranked[0]!;
    if (ranked.length > 1 && ranked[1]![1] === count) {
      report.conflicts++;
      continue;
    }
    if (count < min) {
      report.tooFew++;
      continue;
    }
    report.examples.push({ text: v.text, intent: winner, count, before: v.before });
  }
  // By intent (out of scope last), then most agreed first.
  const order = (e: LearnedExample) => (e.intent === null ? '\uffff' : e.intent);
  report.examples.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)));
  return report;
}
