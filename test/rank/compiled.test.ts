// The fast paths of ranking change nothing: the compiled lexical engine (integer ids, typed
// arrays) scores exactly what the plain map-based model says, and suggestion selection with its
// shortcuts (untouched intents, a bounded candidate list) picks what a full sort of every template
// would.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildLexicalModel, DEFAULT_LEXICAL, LexicalEngine, tfidf, type LexicalModel, type LexicalOptions } from '../../src/rank/lexical.js';
import { featureExtractor, type Features } from '../../src/rank/features.js';
import { selectSuggestions } from '../../src/rank/select.js';
import { OUT_OF_SCOPE, type EngineScores } from '../../src/rank/engine.js';
import { jiebaCutter } from '../../src/support/jieba.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';
import { loadPhrasebookDir, type LoadedPhrasebook } from '../../src/engine.js';
import { readFileSync } from 'node:fs';
import type { Phrasebook, Template } from '../../src/types.js';

let book: LoadedPhrasebook;
let extract: (text: string) => Features;
beforeAll(async () => {
  book = await loadPhrasebookDir('phrasebook');
  extract = featureExtractor({ convert: traditionalToSimplified(), cut: jiebaCutter(), synonyms: book.synonyms, classes: book.classes });
});

/** Dot product of two sparse vectors, walking the smaller. */
function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const x = large.get(k);
    if (x !== undefined) s += w * x;
  }
  return s;
}

/** The engine's scores computed the plain way, on the map-based model. */
function mapScores(model: LexicalModel, f: Features, o: LexicalOptions): EngineScores {
  const v = tfidf(f, model.idf);
  const knownWord = (k: string) => k.startsWith('w:') && [...k.slice(2)].every((c) => /[\u3400-\u9fff]/.test(c) && model.idf.has('u:' + c));
  let known = 0;
  let all = 0;
  for (const [k, tf] of f) {
    all += tf;
    if (model.idf.has(k) || knownWord(k)) known += tf;
  }
  const intents = new Map<string, number>();
  const templates = new Map<string, number>();
  if (v.size === 0) {
    for (const m of model.intents) intents.set(m.id, 0);
    return { intents, templates, evidence: { outOfScope: 0, features: 0 } };
  }
  const logs = model.intents.map((m) => [...v].reduce((s, [k, w]) => s + w * (m.logp.get(k) ?? m.logUnseen), 0));
  const max = Math.max(...logs);
  const z = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  const scored = model.intents.map((m, i) => {
    const posterior = Math.exp(logs[i]! - max) / z;
    return { m, s: Math.min(1, (o.posteriorWeight * posterior + (1 - o.posteriorWeight) * dot(v, m.centroid)) * Math.sqrt(all > 0 ? known / all : 0)) };
  });
  for (const { m, s } of scored) intents.set(m.id, s);
  for (const { m } of [...scored].sort((a, b) => b.s - a.s).slice(0, o.templateIntents)) for (const t of m.templates) templates.set(t.id, Math.min(1, dot(v, t.vector)));
  // The evidence for the confidence: the out-of-scope class's posterior (tempered by the message's
  // weight), the known features.
  const outside = model.intents.findIndex((m) => m.id === OUT_OF_SCOPE);
  const t = Math.max(1, [...v.values()].reduce((s, w) => s + w, 0));
  const zt = logs.reduce((s, l) => s + Math.exp((l - max) / t), 0);
  return { intents, templates, evidence: { outOfScope: outside < 0 ? 0 : Math.exp((logs[outside]! - max) / t) / zt, features: v.size } };
}

describe('the compiled lexical engine', () => {
  const messages = (): string[] => {
    const holdout = readFileSync('eval/intent-holdout.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const examples = book.phrasebook.intents.flatMap((i) => i.examples);
    // Long messages have more features than some templates and centroids: their dot products
    // walk the other vector (and must add in its order).
    const long = [examples.slice(0, 40).join('，'), examples.join('，'), book.phrasebook.templates.map((t) => t.text).join(' ')];
    return [...holdout, ...long, '', '？？？', 'qwxz', '滚', 'Where is my ORDER #1234567? It hasn’t shipped!!'];
  };

  for (const [label, o] of [
    ['default options', DEFAULT_LEXICAL],
    ['templates scored for every intent', { ...DEFAULT_LEXICAL, templateIntents: 1000 }],
    ['templates scored for none', { ...DEFAULT_LEXICAL, templateIntents: 0 }],
  ] as const) {
    it(`scores exactly what the map-based model gives (${label})`, () => {
      const engine = new LexicalEngine(book.phrasebook, extract, { lexical: o, outOfScope: book.outOfScope });
      const model = buildLexicalModel(book.phrasebook, extract, o, book.outOfScope);
      const texts = messages();
      let templateScores = 0;
      for (const text of texts) {
        const got = engine.score(text);
        expect(got, text).toEqual(mapScores(model, extract(text), o));
        templateScores += got.templates.size;
      }
      if (o.templateIntents > 0) expect(templateScores).toBeGreaterThan(texts.length);
      else expect(templateScores).toBe(0);
    });
  }
});

/** A seeded generator (Park–Miller), so that a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed % 2147483647 || 1;
  return () => (x = (x * 16807) % 2147483647) / 2147483647;
}

/** Suggestion selection the long way: every template scored and sorted, then the places filled. */
function fullSortSelection(pb: Phrasebook, scores: EngineScores, top: number, locale: string): Array<[string, number]> {
  const ofIntent = (id: string) => pb.templates.filter((t) => t.intent === id);
  const inLocale = (list: Template[]) => [locale, 'zh-CN'].map((l) => list.filter((t) => t.locale === l)).find((l) => l.length > 0) ?? list;
  const order = (a: { t: Template; score: number }, b: { t: Template; score: number }) => b.score - a.score || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0);
  const intents = [...scores.intents].filter(([id]) => ofIntent(id).length > 0);
  const ranked = intents.map(([, s]) => s).sort((a, b) => b - a);
  const all = intents
    .flatMap(([id, s]) =>
      inLocale(ofIntent(id))
        .map((t) => ({ t, score: 0.9 * s + 0.1 * (scores.templates.get(t.id) ?? 0) }))
        .sort(order)
        .slice(0, top),
    )
    .sort(order);
  const cap = ranked.length < 2 || ranked[1]! < 0.25 * ranked[0]! ? 2 : 1;
  const chosen: typeof all = [];
  for (const c of all) if (chosen.length < Math.min(3, top) && chosen.filter((x) => x.t.intent === c.t.intent).length < cap) chosen.push(c);
  const rest = all.filter((c) => !chosen.includes(c)).slice(0, top - chosen.length);
  return [...chosen, ...rest].map((c) => [c.t.id, Math.round(Math.min(1, c.score) * 1000) / 1000]);
}

describe('suggestion selection', () => {
  it('picks what a full sort of every template would, ties and all', () => {
    const pb = book.phrasebook;
    const random = rng(20251123);
    for (let round = 0; round < 300; round++) {
      // Scores on a coarse grid, so that intents and templates tie often; templates scored for a
      // few intents only, as the lexical engine does.
      const grid = 2 + Math.floor(random() * 20);
      const intents = new Map(pb.intents.map((i) => [i.id, 0.06 + Math.floor(random() * grid) / grid]));
      const compared = new Set(pb.intents.filter(() => random() < 0.2).map((i) => i.id));
      const templates = new Map(pb.templates.filter((t) => compared.has(t.intent)).map((t) => [t.id, Math.floor(random() * grid) / grid]));
      const top = 1 + Math.floor(random() * 10);
      const locale = ['zh-CN', 'zh-TW', 'en'][round % 3]!;
      const got = selectSuggestions(pb, { intents, templates }, { top, engine: 'lexical', locale }).map((s) => [s.templateId, s.score]);
      expect(got, `round ${round}, top ${top}, ${locale}`).toEqual(fullSortSelection(pb, { intents, templates }, top, locale));
    }
  });
});
