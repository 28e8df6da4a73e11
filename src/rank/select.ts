// From engine scores to the suggestions shown: the best templates of the best intents, in the
// message's language and script, without letting one intent take every place when the message is
// ambiguous, and the generic templates with a low score when the message says nothing the
// phrasebook recognises.

import type { Phrasebook, RankEngineName, Suggestion, Template } from '../types.js';
import type { EngineScores } from './engine.js';

export interface SelectOptions {
  top: number;
  engine: RankEngineName;
  /** Template locale to prefer: the message's language and script. */
  locale: string;
}

/** Below this intent score the message is treated as saying nothing recognisable. */
export const MIN_INTENT_SCORE = 0.05;
/**
 * Unless the second intent scores below this share of the first, the first three places go to
 * three different intents: a wrong guess then still leaves the right intent on screen.
 */
const CLEAR_LEAD_RATIO = 0.25;
/** Intents whose templates answer a message that says nothing specific. */
const GENERIC_INTENTS = ['greeting', 'human_agent'];

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The templates of an intent to offer: those in the wanted locale, else the zh-CN ones, else all. */
function inLocale(list: Template[], locale: string): Template[] {
  for (const l of [locale, 'zh-CN']) {
    const hit = list.filter((t) => t.locale === l);
    if (hit.length > 0) return hit;
  }
  return list;
}

/**
 * Each intent's templates by locale, built once per phrasebook: with ten thousand templates,
 * grouping them again for every message would cost more than scoring it.
 */
const grouped = new WeakMap<Phrasebook, { byIntent: Map<string, Template[]>; offered: Map<string, Map<string, Template[]>> }>();

function groupsOf(pb: Phrasebook) {
  let g = grouped.get(pb);
  if (!g) {
    const byIntent = new Map<string, Template[]>();
    for (const t of pb.templates) {
      const list = byIntent.get(t.intent);
      if (list) list.push(t);
      else byIntent.set(t.intent, [t]);
    }
    grouped.set(pb, (g = { byIntent, offered: new Map() }));
  }
  return g;
}

function offered(pb: Phrasebook, intent: string, locale: string): Template[] {
  const g = groupsOf(pb);
  let byLocale = g.offered.get(locale);
  if (!byLocale) g.offered.set(locale, (byLocale = new Map()));
  let list = byLocale.get(intent);
  if (!list) byLocale.set(intent, (list = inLocale(g.byIntent.get(intent) ?? [], locale)));
  return list;
}

export function selectSuggestions(pb: Phrasebook, scores: EngineScores, o: SelectOptions): Suggestion[] {
  if (o.top <= 0) return [];
  const { byIntent } = groupsOf(pb);
  const sim = (t: Template) => scores.templates.get(t.id) ?? 0;
  const ranked = [...scores.intents.entries()].filter(([id]) => byIntent.has(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const bestScore = ranked[0]?.[1] ?? 0;
  const make = (t: Template, score: number): Suggestion => ({ templateId: t.id, intent: t.intent, score: round(Math.min(1, score)), text: t.text, engine: o.engine });
  type Candidate = { t: Template; score: number };
  const before = (a: Candidate, b: Candidate) => b.score - a.score || (a.t.id < b.t.id ? -1 : 1);

  if (bestScore < MIN_INTENT_SCORE) {
    // Nothing recognisable: the generic openers, scored low so callers can tell.
    const low = Math.min(bestScore, MIN_INTENT_SCORE / 2);
    const lists = GENERIC_INTENTS.map((id) => offered(pb, id, o.locale));
    const interleaved: Template[] = [];
    for (let k = 0; interleaved.length < o.top && lists.some((l) => k < l.length); k++) for (const l of lists) if (l[k]) interleaved.push(l[k]!);
    return interleaved.slice(0, o.top).map((t) => make(t, low));
  }

  // Every intent's best templates with their scores (no intent can fill more than `top` places,
  // so only its `top` best are kept); within an intent the template closest to the message comes
  // first.
  const candidates: Candidate[] = [];
  for (const [id, s] of ranked) {
    const best: Candidate[] = [];
    for (const t of offered(pb, id, o.locale)) {
      const score = 0.9 * s + 0.1 * sim(t);
      const last = best[o.top - 1];
      if (last && (score < last.score || (score === last.score && t.id > last.t.id))) continue;
      const c = { t, score };
      let k = best.length;
      while (k > 0 && before(c, best[k - 1]!) < 0) k--;
      best.splice(k, 0, c);
      if (best.length > o.top) best.pop();
    }
    candidates.push(...best);
  }
  candidates.sort(before);

  // In the first three places an intent may appear twice only when it leads by far.
  const clearLead = ranked.length < 2 || ranked[1]![1] < CLEAR_LEAD_RATIO * bestScore;
  const cap = clearLead ? 2 : 1;
  const out: Suggestion[] = [];
  const perIntent = new Map<string, number>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (out.length >= Math.min(3, o.top)) break;
    const n = perIntent.get(c.t.intent) ?? 0;
    if (n >= cap) continue;
    perIntent.set(c.t.intent, n + 1);
    taken.add(c.t.id);
    out.push(make(c.t, c.score));
  }
  for (const c of candidates) {
    if (out.length >= o.top) break;
    if (!taken.has(c.t.id)) out.push(make(c.t, c.score));
  }
  return out;
}
