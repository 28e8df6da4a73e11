// Leave-one-out over the phrasebook's own customer examples: each example is ranked by a ranker
// built WITHOUT it (10 folds: every 10th example of each intent, and of the out-of-scope examples,
// held out together), and we report top-1 and recall@3 of its intent (distinct intents, like
// ../shared/tools/intent_eval.mjs), abstention off. Usage: node eval/intent-loo.mjs [PHRASEBOOK_DIR] [--misses]

import { fmt, leaveOneOut, loadBook, PHRASEBOOK } from './intent-lib.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? PHRASEBOOK;
const book = await loadBook(dir);
const { records, ...t } = await leaveOneOut(book);
if (args.includes('--misses')) {
  for (const r of records) if (r.c.intent !== null && r.rank !== 0) console.log(`${r.rank < 0 ? '' : '  (top1) '}${r.c.intent} <- ${r.intents.join(',')}: ${r.c.text}`);
}
console.log(`leave-one-out (10-fold) over ${t.n} phrasebook examples: ${fmt(t)}`);
