// The lexical ranking engine (the default; needs no model). Customer examples and templates are
// TF-IDF vectors of weighted features (features.ts). An intent's score blends two views of the
// same vectors: a multinomial naive Bayes posterior (which intent's vocabulary explains the
// message best) and the cosine with the intent's centroid (how close the message is to what the
// intent's customers say). In leave-one-out tests on the phrasebook this beat nearest-example
// similarity by 10 points of top-1; the cosine half also keeps scores honest — a message that
// shares little with any intent scores low whatever the posterior says. Cost grows with the number
// of intents and the message's features, not with the number of templates.
//
// Messages no intent fits (out-of-scope.yaml) form one more class, OUT_OF_SCOPE: it has no
// templates and is never suggested, but when it explains a message better than every intent, the
// confidence (confidence.ts) says so. A follow-up ("那这个呢") is scored with the conversation's
// earlier turns mixed in (history.ts).
//
// Speed: the model is built with string-keyed maps (clear, and run once), then compiled into
// integer feature ids and typed arrays (compiled-lexical.ts), which score a message without a
// single string lookup past the message's own features — about a tenth of the cost of the maps.

import type { Phrasebook, Turn } from '../types.js';
import type { Features } from './features.js';
import { OUT_OF_SCOPE, type EngineScores, type RankEngine } from './engine.js';
import { CompiledLexical, type IntentTables } from './compiled-lexical.js';
import { withHistory, type HistoryWeights } from './history.js';

type Vector = Map<string, number>;

export interface LexicalOptions {
  /** Naive Bayes additive smoothing. */
  alpha: number;
  /** Share of the posterior in an intent's score; the rest is the centroid cosine. */
  posteriorWeight: number;
  /** Templates are scored (to choose within an intent) for this many leading intents. */
  templateIntents: number;
}

export const DEFAULT_LEXICAL: LexicalOptions = { alpha: 0.05, posteriorWeight: 0.5, templateIntents: 6 };

function normalise(v: Vector): Vector {
  let n = 0;
  for (const w of v.values()) n += w * w;
  n = Math.sqrt(n) || 1;
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

/** The map-based model: features' IDF weights and each intent's tables, in phrasebook order. */
export interface LexicalModel {
  idf: Map<string, number>;
  intents: IntentTables[];
}

/**
 * Builds the model with string-keyed maps (clear, and run once per phrasebook): documents are the
 * intents' customer examples and the templates (title and text); each intent sums its documents'
 * TF-IDF vectors into a centroid and naive Bayes counts.
 */
export function buildLexicalModel(phrasebook: Phrasebook, extract: (text: string) => Features, o: LexicalOptions = DEFAULT_LEXICAL, outOfScope: readonly string[] = []): LexicalModel {
  const docs: Array<{ intent: string; template?: string; f: Features }> = [];
  for (const intent of phrasebook.intents) for (const ex of intent.examples) docs.push({ intent: intent.id, f: extract(ex) });
  for (const ex of outOfScope) docs.push({ intent: OUT_OF_SCOPE, f: extract(ex) });
  for (const t of phrasebook.templates) docs.push({ intent: t.intent, template: t.id, f: extract(`${t.title} ${t.text}`) });

  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [k, n] of df) idf.set(k, Math.log(1 + docs.length / (n + 0.5)));

  const byIntent = new Map<string, IntentTables & { total: number }>();
  for (const d of docs) {
    let m = byIntent.get(d.intent);
    if (!m) byIntent.set(d.intent, (m = { id: d.intent, centroid: new Map(), logp: new Map(), logUnseen: 0, templates: [], total: 0 }));
    const v = tfidf(d.f, idf);
    for (const [k, w] of v) {
      m.centroid.set(k, (m.centroid.get(k) ?? 0) + w);
      m.logp.set(k, (m.logp.get(k) ?? 0) + w); // counts for now; log-probabilities below
      m.total += w;
    }
    if (d.template) m.templates.push({ id: d.template, vector: v });
  }
  const vocabulary = df.size;
  for (const m of byIntent.values()) {
    normalise(m.centroid);
    const denominator = Math.log(m.total + o.alpha * vocabulary);
    for (const [k, c] of m.logp) m.logp.set(k, Math.log(c + o.alpha) - denominator);
    m.logUnseen = Math.log(o.alpha) - denominator;
  }
  return { idf, intents: [...byIntent.values()].map(({ total: _, ...m }) => m) };
}

/**
 * TF-IDF weights (sub-linear tf), L2-normalised; features without an IDF weight are dropped. The
 * compiled engine weighs a message the same way, in the same order, so that its scores are this
 * model's to the last bit.
 */
export function tfidf(f: Features, idf: ReadonlyMap<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const [k, tf] of f) {
    const w = idf.get(k);
    if (w !== undefined) v.set(k, (tf >= 1 ? 1 + Math.log(tf) : tf) * w);
  }
  return normalise(v);
}

export interface LexicalEngineOptions {
  lexical?: LexicalOptions;
  /** Messages no intent fits. */
  outOfScope?: readonly string[];
  history?: Partial<HistoryWeights>;
}

export class LexicalEngine implements RankEngine {
  readonly name = 'lexical' as const;
  private readonly compiled: CompiledLexical;

  constructor(
    phrasebook: Phrasebook,
    private readonly extract: (text: string) => Features,
    private readonly o: LexicalEngineOptions = {},
  ) {
    const lexical = o.lexical ?? DEFAULT_LEXICAL;
    this.compiled = new CompiledLexical(buildLexicalModel(phrasebook, extract, lexical, o.outOfScope), lexical);
  }

  score(message: string, history?: readonly Turn[]): EngineScores {
    const f = this.extract(message);
    return this.compiled.score(history && history.length > 0 ? withHistory(message, f, history, this.extract, this.o.history) : f);
  }
}
