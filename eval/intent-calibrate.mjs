// Confidence that means what it says: the reliability table (confidence bucket → share of answers
// whose first intent is right) and, per set, what abstention costs and saves at the threshold.
// With --fit, it also fits the logistic coefficients of src/rank/confidence.ts on the given sets and
// the phrasebook's own leave-one-out (weighted down: real messages are what matters) and prints
// them. Fit on development sets only; report on sets the fit never saw.
//
// usage: node eval/intent-calibrate.mjs [--fit] [--threshold T] SET.jsonl…
//   a SET line is {"text", "intent": id | [ids] | null, "label"?: "out-of-scope", "history"?: […]};
//   a line with no intent (or label out-of-scope) is a message nothing fits.

import { coreEnv } from '../dist/engine.js';
import { LexicalEngine } from '../dist/rank/lexical.js';
import { featureExtractor } from '../dist/rank/features.js';
import { confidenceInputs, DEFAULT_CALIBRATION, DEFAULT_THRESHOLD } from '../dist/rank/confidence.js';
import { jiebaCutter } from '../dist/support/jieba.js';
import { buildRanker, loadBook, readSet, scoreSet } from './intent-lib.mjs';

const args = process.argv.slice(2);
const fit = args.includes('--fit');
const ti = args.indexOf('--threshold');
const threshold = ti >= 0 ? Number(args[ti + 1]) : DEFAULT_THRESHOLD;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--threshold');
if (files.length === 0) {
  console.error('usage: node eval/intent-calibrate.mjs [--fit] [--threshold T] SET.jsonl…');
  process.exit(2);
}

const book = await loadBook();
const ranker = await buildRanker(book);
const outOfScope = (c) => c.label === 'out-of-scope' || c.intent == null;

// Per set: the answers (abstention off), then what the threshold does to them.
const all = [];
for (const file of files) {
  const cases = readSet(file).map((c) => (c.label === 'out-of-scope' ? { ...c, intent: null } : c));
  const { records } = await scoreSet(ranker, cases);
  all.push(...records.map((r) => ({ ...r, file })));
  const oos = records.filter((r) => outOfScope(r.c));
  const ins = records.filter((r) => !outOfScope(r.c));
  const line = [`${file}:`];
  if (ins.length) {
    const r3 = ins.filter((r) => r.rank >= 0).length / ins.length;
    const kept = ins.filter((r) => r.rank >= 0 && r.confidence >= threshold).length / ins.length;
    const top1 = ins.filter((r) => r.rank === 0 && r.confidence >= threshold).length / ins.length;
    line.push(`${ins.length} in scope: recall@3 ${r3.toFixed(3)} → ${kept.toFixed(3)} with abstention (top1 ${top1.toFixed(3)}), ${ins.filter((r) => r.confidence < threshold).length} held back`);
  }
  if (oos.length) line.push(`${oos.length} out of scope: ${(oos.filter((r) => r.confidence < threshold).length / oos.length).toFixed(3)} held back`);
  console.log(line.join(' '));
}

function table(rows) {
  const out = ['confidence      answers  right (first intent)'];
  for (const [lo, hi] of [[0, 0.2], [0.2, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 1.0001]]) {
    const b = rows.filter((r) => r.confidence >= lo && r.confidence < hi);
    out.push(`[${lo.toFixed(1)}, ${Math.min(hi, 1).toFixed(1)}${hi > 1 ? ']' : ')'}      ${String(b.length).padStart(5)}  ${b.length ? (b.filter((r) => r.rank === 0 && !outOfScope(r.c)).length / b.length).toFixed(3) : '-'}`);
  }
  return out.join('\n');
}
console.log(`\nreliability over every answer (threshold ${threshold}; an out-of-scope message answered counts as wrong):\n${table(all)}`);

if (fit) {
  // The calibration's inputs for every message: the sets', then the leave-one-out examples'.
  const extractFor = () => featureExtractor({ convert: coreEnv().convert, cut: jiebaCutter(), synonyms: book.synonyms, classes: book.classes });
  const inputsOf = (pb, oos) => {
    const engine = new LexicalEngine(pb, extractFor(), { outOfScope: oos });
    const withTemplates = new Set(pb.templates.map((t) => t.intent));
    return (c) => confidenceInputs(engine.score(c.text, c.history), (id) => withTemplates.has(id));
  };
  const rows = [];
  const whole = inputsOf(book.phrasebook, book.outOfScope);
  for (const r of all) rows.push({ x: whole(r.c), y: r.rank === 0 && !outOfScope(r.c) ? 1 : 0, w: 1 });
  const { leaveOneOut } = await import('./intent-lib.mjs');
  const loo = await leaveOneOut(book);
  // Leave-one-out inputs come from the fold's ranker; ranking them again here would cost ten more
  // indexes, so each fold is rebuilt once.
  const folds = 10;
  for (let fold = 0; fold < folds; fold++) {
    const pb = { ...book.phrasebook, intents: book.phrasebook.intents.map((i) => ({ ...i, examples: i.examples.filter((_, k) => k % folds !== fold) })) };
    const oos = book.outOfScope.filter((_, k) => k % folds !== fold);
    const inputs = inputsOf(pb, oos);
    for (const r of loo.records.filter((r) => Number(String(r.c.id).split('#')[1]) % folds === fold)) rows.push({ x: inputs(r.c), y: r.rank === 0 && r.c.intent !== null ? 1 : 0, w: 0.3 });
  }
  const features = (x) => [x.best, x.best - x.second, x.outOfScope, Math.log(1 + x.features)];
  // Logistic regression by gradient descent (a few features, a few thousand rows: plain is enough).
  const w = [0, 0, 0, 0, 0];
  const X = rows.filter((r) => r.x.best > 0).map((r) => ({ f: features(r.x), y: r.y, w: r.w }));
  const W = X.reduce((s, r) => s + r.w, 0);
  for (let it = 0; it < 3000; it++) {
    const g = [0, 0, 0, 0, 0];
    for (const r of X) {
      const z = w[0] + r.f.reduce((s, v, j) => s + v * w[j + 1], 0);
      const d = r.w * (1 / (1 + Math.exp(-z)) - r.y);
      g[0] += d;
      r.f.forEach((v, j) => (g[j + 1] += d * v));
    }
    for (let j = 0; j < w.length; j++) w[j] -= 0.5 * (g[j] / W + (j ? 1e-3 * w[j] : 0));
  }
  const round = (v) => Math.round(v * 100) / 100;
  console.log(`\nfitted on ${X.length} messages (sets weight 1, leave-one-out examples 0.3):`);
  console.log(`  { bias: ${round(w[0])}, best: ${round(w[1])}, lead: ${round(w[2])}, outOfScope: ${round(w[3])}, size: ${round(w[4])} }`);
  console.log(`shipped: ${JSON.stringify(DEFAULT_CALIBRATION)}`);
}
