// Shared helpers of the intent evaluation scripts: the phrasebook and a ranker built the way the
// product builds it (with tuning options for experiments), labelled sets read from JSON Lines, and
// the scores: top-1, recall@3 and MRR@3 over distinct intents (as ../shared/tools/intent_eval.mjs
// counts them), leave-one-out over the phrasebook's own examples, and per-message confidences.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPhrasebookDir, coreEnv } from '../dist/engine.js';
import { createRanker } from '../dist/rank/ranker.js';
import { jiebaCutter } from '../dist/support/jieba.js';

export const PHRASEBOOK = fileURLToPath(new URL('../phrasebook', import.meta.url));
export const SHARED = [fileURLToPath(new URL('../../shared', import.meta.url)), '/work/shared'].find((d) => existsSync(d)) ?? null;

export async function loadBook(dir = PHRASEBOOK) {
  const book = await loadPhrasebookDir(dir);
  if (book.problems.length) throw new Error(book.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return book;
}

/** A lexical ranker over `pb` (default: the book's phrasebook); `tune` = RankerOptions overrides. */
export function buildRanker(book, tune = {}, pb = book.phrasebook, outOfScope = book.outOfScope) {
  return createRanker(pb, { convert: coreEnv().convert, cut: jiebaCutter(), synonyms: book.synonyms, classes: book.classes, outOfScope, engine: 'lexical', ...tune });
}

/** Cases of a JSON Lines file: {id, text, intent (string, list, or null = out of scope), history?}. */
export function readSet(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

const wanted = (c) => (c.intent == null ? [] : Array.isArray(c.intent) ? c.intent : [c.intent]);

/**
 * Ranks every case (abstention off) and scores it. Returns the totals and one record per case:
 * {c, intents (distinct, best first), rank (of the first wanted intent, -1 if none in 3), confidence}.
 */
export async function scoreSet(ranker, cases, { history = true } = {}) {
  const records = [];
  for (const c of cases) {
    const a = await ranker.answer(c.text, { top: 3, abstain: false, ...(history && c.history ? { history: c.history } : {}) });
    const intents = [...new Set(a.suggestions.map((s) => s.intent))].slice(0, 3);
    const want = wanted(c);
    records.push({ c, intents, rank: intents.findIndex((i) => want.includes(i)), confidence: a.confidence });
  }
  return { ...totals(records), records };
}

export function totals(records) {
  const n = records.length || 1;
  let top1 = 0, r3 = 0, mrr = 0;
  for (const r of records) {
    if (r.rank === 0) top1++;
    if (r.rank >= 0) { r3++; mrr += 1 / (r.rank + 1); }
  }
  return { n: records.length, top1: top1 / n, recall3: r3 / n, mrr: mrr / n };
}

/** Leave-one-out in 10 folds over the phrasebook's examples: each fold's examples are ranked by a ranker built without them. */
export async function leaveOneOut(book, tune = {}, folds = 10) {
  const records = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = [];
    const pb = {
      ...book.phrasebook,
      intents: book.phrasebook.intents.map((i) => ({
        ...i,
        examples: i.examples.filter((text, k) => (k % folds === fold ? (held.push({ id: `${i.id}#${k}`, text, intent: i.id }), false) : true)),
      })),
    };
    const oos = book.outOfScope.filter((text, k) => (k % folds === fold ? (held.push({ id: `oos#${k}`, text, intent: null }), false) : true));
    const ranker = await buildRanker(book, tune, pb, oos);
    records.push(...(await scoreSet(ranker, held)).records);
  }
  const inScope = records.filter((r) => r.c.intent !== null);
  return { ...totals(inScope), records };
}

export const fmt = (t) => `top1=${t.top1.toFixed(3)} recall@3=${t.recall3.toFixed(3)} MRR@3=${t.mrr.toFixed(3)} (n=${t.n})`;
