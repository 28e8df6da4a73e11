// Leave-one-out over the phrasebook's own customer examples: each example is ranked by an engine
// built WITHOUT it, and we report top-1 and recall@3 of its intent (distinct intents, like
// ../shared/tools/intent_eval.mjs). Usage: node eval/intent-loo.mjs [PHRASEBOOK_DIR] [--misses]

import { fileURLToPath } from 'node:url';
import { loadPhrasebookDir, coreEnv } from '../dist/engine.js';
import { LexicalEngine } from '../dist/rank/lexical.js';
import { featureExtractor } from '../dist/rank/features.js';
import { selectSuggestions } from '../dist/rank/select.js';
import { jiebaCutter } from '../dist/support/jieba.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../phrasebook', import.meta.url));
const showMisses = args.includes('--misses');
const { phrasebook, synonyms, problems } = await loadPhrasebookDir(dir);
if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
const extract = featureExtractor({ convert: coreEnv().convert, cut: jiebaCutter(), synonyms });

// Folds: every 10th example of each intent is held out together, so 10 engines cover all examples.
const FOLDS = 10;
let n = 0, top1 = 0, r3 = 0;
const misses = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const held = [];
  const train = {
    ...phrasebook,
    intents: phrasebook.intents.map((i) => ({
      ...i,
      examples: i.examples.filter((ex, k) => {
        if (k % FOLDS === fold) { held.push([i.id, ex]); return false; }
        return true;
      }),
    })),
  };
  const engine = new LexicalEngine(train, extract);
  for (const [intent, ex] of held) {
    const picked = selectSuggestions(train, engine.score(ex), { top: 3, engine: 'lexical', locale: 'zh-CN' });
    const intents = [...new Set(picked.map((s) => s.intent))].slice(0, 3);
    n++;
    if (intents[0] === intent) top1++;
    if (intents.includes(intent)) r3++;
    else if (showMisses) misses.push(`${intent} <- ${intents.join(',')}: ${ex}`);
    if (showMisses && intents[0] !== intent && intents.includes(intent)) misses.push(`  (top1) ${intent} <- ${intents[0]}: ${ex}`);
  }
}
for (const m of misses) console.log(m);
console.log(`leave-one-out (${FOLDS}-fold) over ${n} phrasebook examples: top1=${(top1 / n).toFixed(3)} recall@3=${(r3 / n).toFixed(3)}`);
