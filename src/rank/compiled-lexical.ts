// The lexical engine's model in the form that scores fast: features interned to integer ids once,
// when the phrasebook is indexed, and every table a typed array indexed by id. Scoring a message
// then costs one map lookup per message feature; the naive Bayes sums and the centroid cosines are
// one pass over a feature-major table (for each message feature, the intents that saw it), and
// template similarities are accumulated from postings kept with that table (feature and intent →
// the intent's templates that have the feature), so only templates that share a feature with the
// message are touched.
//
// The scores are those of the plain map-based model to the last bit: every sum adds the same
// products in the same order as a dot product over maps would (the smaller vector's features in
// their insertion order), and an absent feature adds an exact zero.

import type { Features } from './features.js';
import { OUT_OF_SCOPE, type EngineScores } from './engine.js';

const CJK_CHAR = /[\u3400-\u9fff]/;

/** One intent of the map-based model, as lexical.ts builds it. */
export interface IntentTables {
  id: string;
  /** L2-normalised sum of the intent's example and template vectors. */
  centroid: Map<string, number>;
  /** log P(feature | intent) for features seen with the intent. */
  logp: Map<string, number>;
  /** log P(feature | intent) for features the intent never saw (smoothing only). */
  logUnseen: number;
  templates: Array<{ id: string; vector: Map<string, number> }>;
}

export interface CompileOptions {
  posteriorWeight: number;
  templateIntents: number;
}

/** Sparse vectors in insertion order, one after another: vector t is ids/w[start[t] … start[t+1]). */
interface SparseRows {
  start: Int32Array;
  ids: Int32Array;
  w: Float64Array;
}

function sparseRows(vectors: ReadonlyArray<Map<string, number>>, ids: ReadonlyMap<string, number>): SparseRows {
  let nnz = 0;
  for (const v of vectors) nnz += v.size;
  const rows: SparseRows = { start: new Int32Array(vectors.length + 1), ids: new Int32Array(nnz), w: new Float64Array(nnz) };
  let q = 0;
  vectors.forEach((v, t) => {
    rows.start[t] = q;
    for (const [k, w] of v) {
      rows.ids[q] = ids.get(k)!;
      rows.w[q++] = w;
    }
  });
  rows.start[vectors.length] = q;
  return rows;
}

/**
 * The intents that saw each feature, feature-major: entry p (for feature f, p in start[f] …
 * start[f+1]) holds an intent, its log-probability and centroid weight for f, and the postings of
 * the intent's templates that have f: template/w[postStart[p] … postStart[p+1]).
 */
interface FeatureTable {
  start: Int32Array;
  intent: Int32Array;
  logp: Float64Array;
  centroid: Float64Array;
  postStart: Int32Array;
  postTemplate: Int32Array;
  postW: Float64Array;
}

/**
 * Builds the feature table from the intents' centroids and templates as sparse rows (feature ids,
 * looked up once). The log-probabilities have the centroid's features in the same order (both
 * sum the intent's vectors), and a template's features are among its intent's.
 */
function featureTable(intents: readonly IntentTables[], centroids: SparseRows, templates: SparseRows, templateStart: Int32Array, vocabulary: number): FeatureTable {
  const start = new Int32Array(vocabulary + 1);
  for (const f of centroids.ids) start[f + 1]!++;
  for (let f = 0; f < vocabulary; f++) start[f + 1]! += start[f]!;
  const n = start[vocabulary]!;
  const t: FeatureTable = {
    start,
    intent: new Int32Array(n),
    logp: new Float64Array(n),
    centroid: new Float64Array(n),
    postStart: new Int32Array(n + 1),
    postTemplate: new Int32Array(templates.ids.length),
    postW: new Float64Array(templates.ids.length),
  };
  const fill = start.slice(0, vocabulary);
  /** This intent's entry for a feature id (valid for the intent being filled). */
  const entryOf = new Int32Array(vocabulary);
  /** The entry of each template feature. */
  const templateEntry = new Int32Array(templates.ids.length);
  intents.forEach((m, i) => {
    const keys = m.centroid.keys();
    let q = centroids.start[i]!;
    for (const [k, lp] of m.logp) {
      if (keys.next().value !== k) throw new Error(`lexical model of ${m.id}: the centroid and the log-probabilities differ in features`);
      const f = centroids.ids[q]!;
      const at = fill[f]!++;
      entryOf[f] = at;
      t.intent[at] = i;
      t.logp[at] = lp;
      t.centroid[at] = centroids.w[q++]!;
    }
    for (let r = templates.start[templateStart[i]!]!; r < templates.start[templateStart[i + 1]!]!; r++) {
      templateEntry[r] = entryOf[templates.ids[r]!]!;
      t.postStart[templateEntry[r]! + 1]!++;
    }
  });
  // Postings, filled template by template (so each list is in template order).
  for (let p = 0; p < n; p++) t.postStart[p + 1]! += t.postStart[p]!;
  const post = t.postStart.slice(0, n);
  for (let tpl = 0; tpl < templates.start.length - 1; tpl++) {
    for (let r = templates.start[tpl]!; r < templates.start[tpl + 1]!; r++) {
      const at = post[templateEntry[r]!]!++;
      t.postTemplate[at] = tpl;
      t.postW[at] = templates.w[r]!;
    }
  }
  return t;
}

export class CompiledLexical {
  private readonly featureId = new Map<string, number>();
  private readonly idf: Float64Array;
  private readonly intentIds: string[];
  private readonly unseen: Float64Array;
  private readonly table: FeatureTable;
  /** Each intent's centroid (row i), features in insertion order. */
  private readonly centroids: SparseRows;
  /** Every template's vector, intent by intent: intent i has templates templateStart[i] … templateStart[i+1]. */
  private readonly templates: SparseRows;
  private readonly templateStart: Int32Array;
  private readonly templateIds: string[];
  /** Index of the out-of-scope class, or -1. */
  private readonly outOfScope: number;

  // Scratch space reused by every call (score is synchronous, so calls never overlap).
  private msgIds = new Int32Array(64);
  private msgW = new Float64Array(64);
  /** The message vector by feature id; zero outside the message's features. */
  private readonly dense: Float64Array;
  private readonly logs: Float64Array;
  private readonly cosines: Float64Array;
  private readonly scores: Float64Array;
  private readonly logRow: Float64Array;
  private readonly centroidRow: Float64Array;
  /** Rank of an intent among the leading ones whose templates are scored, or -1. */
  private readonly leading: Int32Array;
  private readonly top: Int32Array;
  /** Template similarities being summed, by template number. */
  private readonly acc: Float64Array;

  constructor(
    { idf, intents }: { idf: ReadonlyMap<string, number>; intents: readonly IntentTables[] },
    private readonly o: CompileOptions,
  ) {
    this.idf = new Float64Array(idf.size);
    for (const [k, w] of idf) {
      this.idf[this.featureId.size] = w;
      this.featureId.set(k, this.featureId.size);
    }
    const ids = this.featureId;
    const nI = intents.length;
    this.intentIds = intents.map((m) => m.id);
    this.outOfScope = this.intentIds.indexOf(OUT_OF_SCOPE);
    this.unseen = Float64Array.from(intents, (m) => m.logUnseen);
    this.templateStart = new Int32Array(nI + 1);
    intents.forEach((m, i) => (this.templateStart[i + 1] = this.templateStart[i]! + m.templates.length));
    this.centroids = sparseRows(
      intents.map((m) => m.centroid),
      ids,
    );
    const templates = intents.flatMap((m) => m.templates);
    this.templates = sparseRows(
      templates.map((t) => t.vector),
      ids,
    );
    this.table = featureTable(intents, this.centroids, this.templates, this.templateStart, idf.size);
    this.templateIds = templates.map((t) => t.id);

    this.dense = new Float64Array(idf.size);
    this.logs = new Float64Array(nI);
    this.cosines = new Float64Array(nI);
    this.scores = new Float64Array(nI);
    this.logRow = Float64Array.from(this.unseen);
    this.centroidRow = new Float64Array(nI);
    this.leading = new Int32Array(nI).fill(-1);
    this.top = new Int32Array(Math.min(o.templateIntents, nI));
    this.acc = new Float64Array(templates.length);
  }

  /**
   * A Chinese word the phrasebook never saw, all of whose characters it did see (滚 next to 滚蛋,
   * 漏水 next to 漏 and 水): new wording, not noise, so it does not lower the coverage.
   */
  private knownChars(feature: string): boolean {
    if (!feature.startsWith('w:')) return false;
    for (const c of feature.slice(2)) if (!CJK_CHAR.test(c) || !this.featureId.has('u:' + c)) return false;
    return true;
  }

  /** The message's TF-IDF vector (sub-linear tf, L2-normalised) into msgIds/msgW; returns its size and coverage. */
  private vectorise(f: Features): { n: number; coverage: number } {
    if (f.size > this.msgIds.length) {
      this.msgIds = new Int32Array(f.size * 2);
      this.msgW = new Float64Array(f.size * 2);
    }
    const { msgIds, msgW, idf } = this;
    // A message whose features the phrasebook never saw carries no evidence: its known share
    // scales every score down (an all-unknown message scores 0).
    let n = 0;
    let known = 0;
    let all = 0;
    for (const [k, tf] of f) {
      all += tf;
      const id = this.featureId.get(k);
      if (id !== undefined) {
        known += tf;
        msgIds[n] = id;
        msgW[n++] = (tf >= 1 ? 1 + Math.log(tf) : tf) * idf[id]!;
      } else if (this.knownChars(k)) known += tf;
    }
    let norm = 0;
    for (let j = 0; j < n; j++) norm += msgW[j]! * msgW[j]!;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < n; j++) msgW[j] = msgW[j]! / norm;
    return { n, coverage: all > 0 ? known / all : 0 };
  }

  score(f: Features): EngineScores {
    const { n, coverage } = this.vectorise(f);
    const { msgIds, msgW, dense, logs, cosines, scores, logRow, centroidRow, unseen, table, intentIds } = this;
    const nI = intentIds.length;
    const intents = new Map<string, number>();
    const templates = new Map<string, number>();
    if (n === 0) {
      for (const id of intentIds) intents.set(id, 0);
      return { intents, templates, evidence: { outOfScope: 0, features: 0 } };
    }
    for (let j = 0; j < n; j++) dense[msgIds[j]!] = msgW[j]!;

    // Naive Bayes log-likelihoods and centroid cosines, message feature by feature: the feature's
    // row of both tables is laid out (unseen values, then the intents that saw it), then added.
    logs.fill(0);
    cosines.fill(0);
    const { start, intent, logp, centroid } = table;
    for (let j = 0; j < n; j++) {
      const f = msgIds[j]!;
      const w = msgW[j]!;
      const from = start[f]!;
      const to = start[f + 1]!;
      for (let p = from; p < to; p++) {
        logRow[intent[p]!] = logp[p]!;
        centroidRow[intent[p]!] = centroid[p]!;
      }
      for (let i = 0; i < nI; i++) {
        logs[i]! += w * logRow[i]!;
        cosines[i]! += w * centroidRow[i]!;
      }
      for (let p = from; p < to; p++) {
        const i = intent[p]!;
        logRow[i] = unseen[i]!;
        centroidRow[i] = 0;
      }
    }
    // A centroid with fewer features than the message is walked instead (as a map dot product would).
    const c = this.centroids;
    for (let i = 0; i < nI; i++) if (c.start[i + 1]! - c.start[i]! < n) cosines[i] = this.walk(c, i);

    let max = -Infinity;
    for (let i = 0; i < nI; i++) if (logs[i]! > max) max = logs[i]!;
    let z = 0;
    for (let i = 0; i < nI; i++) z += Math.exp(logs[i]! - max);
    const pw = this.o.posteriorWeight;
    const scale = Math.sqrt(coverage);
    for (let i = 0; i < nI; i++) {
      const posterior = Math.exp(logs[i]! - max) / z;
      scores[i] = Math.min(1, (pw * posterior + (1 - pw) * cosines[i]!) * scale);
      intents.set(intentIds[i]!, scores[i]!);
    }

    this.scoreTemplates(n, templates);
    for (let j = 0; j < n; j++) dense[msgIds[j]!] = 0;
    return { intents, templates, evidence: { outOfScope: this.outOfScopePosterior(n, max), features: n } };
  }

  /**
   * The out-of-scope class's posterior with the log-likelihoods tempered by the message's total
   * weight (at least 1): a long message piles up log-likelihood, and its untempered posterior goes
   * to 0 or 1 on the chat words it shares with the out-of-scope examples, whatever its topic.
   */
  private outOfScopePosterior(n: number, max: number): number {
    if (this.outOfScope < 0) return 0;
    let weight = 0;
    for (let j = 0; j < n; j++) weight += this.msgW[j]!;
    const t = Math.max(1, weight);
    let z = 0;
    for (let i = 0; i < this.logs.length; i++) z += Math.exp((this.logs[i]! - max) / t);
    return Math.exp((this.logs[this.outOfScope]! - max) / t) / z;
  }

  /** Dot product of sparse row r with the message, walking the row. */
  private walk(rows: SparseRows, r: number): number {
    let s = 0;
    for (let q = rows.start[r]!; q < rows.start[r + 1]!; q++) s += rows.w[q]! * this.dense[rows.ids[q]!]!;
    return s;
  }

  /**
   * Cosine of the message with each template of the leading intents (both vectors are unit length);
   * the leading intents are the best scores, ties in model order. Sums run over the postings of the
   * message's features, so templates sharing nothing with the message cost one store.
   */
  private scoreTemplates(n: number, out: Map<string, number>): void {
    const { msgIds, msgW, scores, leading, top, acc, table, templateStart: ts } = this;
    if (top.length === 0) return;
    let k = 0;
    for (let i = 0; i < scores.length; i++) {
      if (k === top.length && scores[i]! <= scores[top[k - 1]!]!) continue;
      let at = k < top.length ? k++ : k - 1;
      while (at > 0 && scores[i]! > scores[top[at - 1]!]!) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = i;
    }
    for (let r = 0; r < k; r++) {
      leading[top[r]!] = r;
      acc.fill(0, ts[top[r]!]!, ts[top[r]! + 1]!);
    }
    const { start, intent, postStart, postTemplate, postW } = table;
    for (let j = 0; j < n; j++) {
      const f = msgIds[j]!;
      const w = msgW[j]!;
      for (let p = start[f]!; p < start[f + 1]!; p++) {
        if (leading[intent[p]!]! < 0) continue;
        for (let q = postStart[p]!; q < postStart[p + 1]!; q++) acc[postTemplate[q]!]! += w * postW[q]!;
      }
    }
    const rows = this.templates;
    for (let r = 0; r < k; r++) {
      const i = top[r]!;
      leading[i] = -1;
      for (let t = ts[i]!; t < ts[i + 1]!; t++) {
        // A template with fewer features than the message is walked instead.
        const s = rows.start[t + 1]! - rows.start[t]! < n ? this.walk(rows, t) : acc[t]!;
        out.set(this.templateIds[t]!, Math.min(1, s));
      }
    }
  }
}
