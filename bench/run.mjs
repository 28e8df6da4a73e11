// npm run bench [-- section…]: speed of replylint. Not a test — figures to read and compare.
// Sections: check (in-process throughput), jsonl (whole-process batch), cold (start-up of
// `replylint check`), suggest (ranking latency), hook (phrasebook lint as a pre-commit hook), load
// (HTTP server under autocannon), rewrite (the LLM rewrite's own cost), audit (a million agent
// turns), lsp (the language server: start-up, diagnostics latency after an edit, memory). With no argument, all of them.



import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateReplies } from './replies.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/replylint', import.meta.url));
const wanted = new Set(process.argv.slice(2));
const on = (name) => wanted.size === 0 || wanted.has(name);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => Math.round(n).toLocaleString('en-US');

const N = 100_000;
const replies = generateReplies(N);

if (on('check')) {
  const { createEngine } = await import('../dist/engine.js');
  const engine = await createEngine({ config: false });
  for (let i = 0; i < 20_000; i++) engine.check(replies[i]); // warm-up
  const rounds = [];
  let flagged = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    flagged = 0;
    for (const text of replies) if (engine.check(text).findings.length > 0) flagged++;
    rounds.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const ms = median(rounds);
  console.log(`check (in-process, ${engine.ruleSet.rules.length} rules, one core): ${fmt(N / (ms / 1000))} replies/s — median of 5 rounds over ${fmt(N)} replies, ${(ms * 1000 / N).toFixed(2)} µs/reply, ${((100 * flagged) / N).toFixed(1)}% flagged`);

  // The one slow path: an English reply with a negation goes through compromise (its result is
  // cached per text). Measured here without the cache, on texts never seen before.
  const { createEnglishAnalyzer } = await import('../dist/support/english.js');
  const uncached = createEnglishAnalyzer({ cache: false });
  const fresh = Array.from({ length: 300 }, (_, i) => `Sorry, we cannot refund order ${i} today.`);
  const t0 = process.hrtime.bigint();
  for (const t of fresh) uncached.negatedClauses(t.toLowerCase());
  const perDoc = Number(process.hrtime.bigint() - t0) / 1e6 / fresh.length;
  console.log(`  English negation analysis (compromise, uncached): ${perDoc.toFixed(2)} ms per reply (results are cached per text, so a repeated draft costs nothing)`);
}

if (on('jsonl')) {
  const input = replies.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const times = [];
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'check', '--jsonl'], { cwd: ROOT, input, maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`check --jsonl exited ${r.status}: ${r.stderr}`);
  }
  const ms = median(times);
  console.log(`check --jsonl (whole process): ${fmt(N / (ms / 1000))} replies/s — ${fmt(N)} replies in ${fmt(ms)} ms (median of 3, start-up included)`);
}

if (on('cold')) {
  const times = [];
  spawnSync(process.execPath, [BIN, 'check', '预热'], { cwd: ROOT }); // fill the rule cache
  for (let i = 0; i < 21; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, [BIN, 'check', '这是规定，我也不知道'], { cwd: ROOT });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const base = [];
  for (let i = 0; i < 11; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    base.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`cold start of replylint check "…": median ${median(times).toFixed(0)} ms over 21 runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); bare \`node -e 0\` here: ${median(base).toFixed(0)} ms`);
}

if (on('suggest')) {
  const { createEngine, coreEnv } = await import('../dist/engine.js');
  const { createRanker } = await import('../dist/rank/ranker.js');
  const { jiebaCutter } = await import('../dist/support/jieba.js');
  const { generatePhrasebook, generateMessages } = await import('./phrasebook.mjs');
  const engine = await createEngine({ config: false });
  const { phrasebook, synonyms, classes, outOfScope } = await engine.phrasebook();
  const messages = generateMessages(phrasebook, 2_000);
  const measure = async (label, pb) => {
    const t0 = process.hrtime.bigint();
    const ranker = await createRanker(pb, { convert: coreEnv().convert, cut: jiebaCutter(), synonyms, classes, outOfScope, engine: 'lexical' });
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    // The whole answer: scores, confidence, (no) abstention, selection and slots.
    for (const m of messages.slice(0, 200)) await ranker.answer(m, { abstain: false }); // warm-up
    const lat = [];
    for (const m of messages) {
      const s = process.hrtime.bigint();
      await ranker.answer(m, { abstain: false });
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    lat.sort((a, b) => a - b);
    const p = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))].toFixed(3);
    console.log(`suggest (lexical, ${label}: ${pb.templates.length} templates, ${pb.intents.length} intents): p50 ${p(0.5)} ms, p99 ${p(0.99)} ms per message over ${messages.length} messages; index built in ${buildMs.toFixed(0)} ms`);
  };
  await measure('shipped phrasebook', phrasebook);
  await measure('generated phrasebook', generatePhrasebook(phrasebook, 10_000));
}

// The surfaces have their own bench scripts (each runnable alone); run them as child processes so
// that their servers, workers and timings do not share this process.
for (const [name, script] of [['hook', 'hook.mjs'], ['load', 'load.mjs'], ['rewrite', 'rewrite.mjs'], ['audit', 'audit.mjs'], ['lsp', 'lsp.mjs']]) {
  if (!on(name)) continue;
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) console.log(`${name}: bench/${script} exited ${r.status ?? r.signal}`);
}
