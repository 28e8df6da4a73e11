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
 * A phrasebook's templates by id and by intent, and each intent's templates on offer per locale,
 * built once per phrasebook: with ten thousand templates, grouping them again for every message
 * would cost more than scoring it.
 */
interface Groups {
  byId: Map<string, Template>;
  byIntent: Map<string, Template[]>;
  /** locale → every intent with templates → its templates on offer. */
  offers: Map<string, Map<string, Offer>>;
}

/** An intent's templates on offer in a locale, as listed and sorted by id. */
interface Offer {
  list: Template[];
  byId: Template[];
}

const grouped = new WeakMap<Phrasebook, Groups>();

function groupsOf(pb: Phrasebook): Groups {
  let g = grouped.get(pb);
  if (!g) {
    const byIntent = new Map<string, Template[]>();
    for (const t of pb.templates) {
      const list = byIntent.get(t.intent);
      if (list) list.push(t);
      else byIntent.set(t.intent, [t]);
    }
    grouped.set(pb, (g = { byId: new Map(pb.templates.map((t) => [t.id, t])), byIntent, offers: new Map() }));
  }
  return g;
}

/** The phrasebook's template of that id (a map built once, not a search per call). */
export function templateById(pb: Phrasebook, id: string): Template | undefined {
  return groupsOf(pb).byId.get(id);
}

function offersIn(g: Groups, locale: string): Map<string, Offer> {
  let offers = g.offers.get(locale);
  if (!offers) {
    offers = new Map();
    for (const [intent, templates] of g.byIntent) {
      const list = inLocale(templates, locale);
      offers.set(intent, { list, byId: [...list].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    }
    g.offers.set(locale, offers);
  }
  return offers;
}

type Candidate = { t: Template; score: number };
/** Best first; equal scores by template id, so that the order never depends on the engine's. */
const before = (a: Candidate, b: Candidate) => b.score - a.score || (a.t.id < b.t.id ? -1 : 1);

/** Inserts c into a list sorted by `before` that keeps only its `limit` first entries. */
function keepBest(list: Candidate[], c: Candidate, limit: number): void {
  const last = list[limit - 1];
  if (last && before(c, last) > 0) return;
  let k = list.length;
  while (k > 0 && before(c, list[k - 1]!) < 0) k--;
  list.splice(k, 0, c);
  if (list.length > limit) list.pop();
}

export function selectSuggestions(pb: Phrasebook, scores: EngineScores, o: SelectOptions): Suggestion[] {
  if (o.top <= 0) return [];
  const g = groupsOf(pb);
  const offers = offersIn(g, o.locale);
  // The two best intent scores (a tie counts twice); the full order of intents is never needed.
  let first = -Infinity;
  let second = -Infinity;
  let rankedIntents = 0;
  for (const [id, s] of scores.intents) {
    if (!offers.has(id)) continue;
    rankedIntents++;
    if (s > first) [first, second] = [s, first];
    else if (s > second) second = s;
  }
  const bestScore = rankedIntents > 0 ? first : 0;
  const make = (t: Template, score: number): Suggestion => ({ templateId: t.id, intent: t.intent, score: round(Math.min(1, score)), text: t.text, engine: o.engine });

  if (bestScore < MIN_INTENT_SCORE) {
    // Nothing recognisable: the generic openers, scored low so callers can tell.
    const low = Math.min(bestScore, MIN_INTENT_SCORE / 2);
    const lists = GENERIC_INTENTS.map((id) => offers.get(id)?.list ?? []);
    const interleaved: Template[] = [];
    for (let k = 0; interleaved.length < o.top && lists.some((l) => k < l.length); k++) for (const l of lists) if (l[k]) interleaved.push(l[k]!);
    return interleaved.slice(0, o.top).map((t) => make(t, low));
  }

  // A template's score: mostly its intent's, then how close it is to the message.
  const scoreOf = (intentScore: number, t: Template) => 0.9 * intentScore + 0.1 * (scores.templates.get(t.id) ?? 0);
  // The intents with a template the engine compared with the message; elsewhere every template
  // scores the same and the first by id stand for the intent.
  const compared = new Set<string>();
  for (const id of scores.templates.keys()) {
    const t = g.byId.get(id);
    if (t) compared.add(t.intent);
  }
  // Every intent's best templates with their scores (no intent can fill more than `top` places,
  // so only its `top` best are kept); within an intent the template closest to the message comes
  // first. Of all these, only the 2·top + 1 best can be shown: the three places below take at
  // most one intent's `top` candidates and another's before the third intent's first (or, with a
  // clear lead, one intent's), and the rest of the places are filled from the first `top`.
  const limit = 2 * o.top + 1;
  const candidates: Candidate[] = [];
  for (const [id, s] of scores.intents) {
    const offer = offers.get(id);
    if (!offer) continue;
    if (!compared.has(id)) {
      const last = candidates[limit - 1];
      if (last && scoreOf(s, offer.byId[0]!) < last.score) continue; // all score the same: none would be kept
      for (let k = 0; k < Math.min(o.top, offer.byId.length); k++) keepBest(candidates, { t: offer.byId[k]!, score: scoreOf(s, offer.byId[k]!) }, limit);
      continue;
    }
    const best: Candidate[] = [];
    for (const t of offer.list) keepBest(best, { t, score: scoreOf(s, t) }, o.top);
    for (const c of best) keepBest(candidates, c, limit);
  }

  // In the first three places an intent may appear twice only when it leads by far.
  const clearLead = rankedIntents < 2 || second < CLEAR_LEAD_RATIO * bestScore;
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
