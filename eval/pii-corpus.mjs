#!/usr/bin/env node
// The generated personal-data corpus (test/pii/corpus.mjs) through every surface of replylint,
// with the numbers issue 11 asks for: values found and masked, per kind, numeral style, grouping
// and position; raw values in any output; false positives on the near misses; raw values in any
// request the LLM received, and answers accepted that spell a known value out.
//
//   found    a sensitive-data finding covers the value (check --jsonl, the real executable)
//   masked   the value as written appears nowhere in the output of: check --jsonl, check with
//            each --format (json, jsonl, sarif, github, pretty), lint with each --format,
//            lint --fix --dry-run (the diff), audit --format json and its HTML report,
//            POST /v1/check on `replylint serve`, suggest --jsonl with the value in a slot,
//            and the check result's text (also no 7+ digit run of a number in any spelling)
//   LLM      rewrites (in-process rewriter, real `openai` client) against a fake endpoint on
//            127.0.0.1 that records every body: the value (as written, or its digits in any
//            spelling) in a body; and answers that spell the value out, accepted or not
//
// usage: node eval/pii-corpus.mjs [--values N] [--llm N] [--verbose]
//   --values  values per kind (default 40: about 29 000 texts); --llm  rewrites to run (default 3000)
// Exit code 1 when a target is missed: ≥ 99.5 % found and masked everywhere, ≤ 1 % false
// positives, 0 raw values sent to the LLM, 0 accepted answers with a known value.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../test/pii/corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'replylint');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const verbose = args.includes('--verbose');
const VALUES = opt('--values', 40);
const LLM = opt('--llm', 3000);

const { positives, negatives } = generateCorpus({ valuesPerKind: VALUES });
const work = mkdtempSync(join(tmpdir(), 'replylint-pii-corpus-'));
const ENV = { ...process.env, NO_COLOR: '1', REPLYLINT_NO_CACHE: '1' };
const t0 = Date.now();
console.log(`node eval/pii-corpus.mjs --values ${VALUES} --llm ${LLM}: ${positives.length} values, ${negatives.length} near misses (seeded)`);

function cli(argv, input, cwd = work) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, input, encoding: 'utf8', env: ENV, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`replylint ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return r;
}

// The test's own reading of digits (not the product's), for "no digit run of the value survives".
const FOLD = {};
['〇零０', '一幺壹１', '二两兩贰貳２', '三叁参參３', '四肆４', '五伍５', '六陆陸６', '七柒７', '八捌８', '九玖９'].forEach((cs, d) => {
  for (const c of cs) FOLD[c] = String(d);
});
const NUMBER_KINDS = new Set(['mobile', 'landline', 'id-card', 'id-card-15', 'bank-card']);
const digitsOf = (s) => [...s].map((c) => (/\d/.test(c) ? c : (FOLD[c] ?? (/[xXＸ]/.test(c) ? 'X' : '')))).join('');
const stream = (s) => [...s.replace(/⟦[A-Z]+_\d+⟧/g, ' ')].map((c) => (/\d/.test(c) ? c : FOLD[c] ?? (/[xXＸ]/.test(c) ? 'X' : /[\s\-._/·—－．＿／　()（）+＋]/.test(c) ? '' : '|'))).join('');
const keyOf = (p) => (NUMBER_KINDS.has(p.kind) ? digitsOf(p.value).slice(-11) : '');

const pct = (n, d) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(2).padStart(6)}%`);
function table(title, head, rows) {
  console.log(`\n${title}`);
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => '| ' + r.map((x, i) => String(x).padEnd(w[i])).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('| ' + w.map((n) => '-'.repeat(n)).join(' | ') + ' |');
  for (const r of rows) console.log(fmt(r));
}
const missed = [];

// ------------------------------------------------------------------ check --jsonl: found, masked, false positives

const all = [...positives.map((p) => ({ id: `p${p.id}`, text: p.text })), ...negatives.map((n) => ({ id: `n${n.id}`, text: n.text }))];
const results = new Map();
for (const line of cli(['check', '--jsonl'], all.map((x) => JSON.stringify(x)).join('\n') + '\n').stdout.split('\n')) {
  if (line.trim()) {
    const r = JSON.parse(line);
    results.set(r.id, r);
  }
}
const sensitive = (r) => r.findings.filter((f) => f.category === 'sensitive-data');
for (const p of positives) {
  const r = results.get(`p${p.id}`);
  p.found = sensitive(r).some((f) => f.start <= p.start && f.end >= p.end);
  const shown = r.text.slice(p.start, p.end);
  p.masked = !JSON.stringify(r).includes(p.value) && !(keyOf(p) && digitsOf(shown).includes(keyOf(p)));
}
for (const n of negatives) n.flagged = sensitive(results.get(`n${n.id}`)).length > 0;

function breakdown(title, keyFn) {
  const groups = new Map();
  for (const p of positives) {
    const k = keyFn(p);
    const g = groups.get(k) ?? { n: 0, found: 0, masked: 0 };
    g.n++;
    if (p.found) g.found++;
    if (p.masked) g.masked++;
    groups.set(k, g);
  }
  table(title, ['', 'values', 'found', 'masked (check --jsonl)'], [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, g.n, `${g.found} ${pct(g.found, g.n)}`, `${g.masked} ${pct(g.masked, g.n)}`]));
  return groups;
}
for (const [kind, g] of breakdown('By kind', (p) => p.kind)) {
  if (g.found / g.n < 0.995) missed.push(`${kind}: found ${pct(g.found, g.n).trim()}`);
  if (g.masked / g.n < 0.995) missed.push(`${kind}: masked ${pct(g.masked, g.n).trim()}`);
}
breakdown('By numeral style', (p) => p.style);
breakdown('By grouping and separator (number kinds)', (p) => (NUMBER_KINDS.has(p.kind) ? `${p.shape} ${JSON.stringify(p.sep)}` : '(other kinds)'));
breakdown('By surrounding text', (p) => p.where);

const byCat = new Map();
for (const n of negatives) {
  const g = byCat.get(n.category) ?? { n: 0, flagged: 0 };
  g.n++;
  if (n.flagged) g.flagged++;
  byCat.set(n.category, g);
}
const fpTotal = negatives.filter((n) => n.flagged).length;
table('Near misses (no sensitive-data finding expected)', ['category', 'texts', 'flagged'], [...[...byCat].map(([c, g]) => [c, g.n, `${g.flagged} ${pct(g.flagged, g.n)}`]), ['all', negatives.length, `${fpTotal} ${pct(fpTotal, negatives.length)}`]]);
if (fpTotal / negatives.length > 0.01) missed.push(`false positives ${pct(fpTotal, negatives.length).trim()}`);

// ------------------------------------------------------------------ every other surface: raw values in the output

const surfaces = [];
/**
 * Values (as written) found in an output: one pass over the output, looking each position's first
 * characters up in a table of the values (an output of megabytes, tens of thousands of values).
 */
function rawIn(out, ps = positives) {
  const L = Math.min(...ps.map((p) => p.value.length));
  const byHead = new Map();
  for (const p of ps) {
    const h = p.value.slice(0, L);
    if (!byHead.has(h)) byHead.set(h, []);
    byHead.get(h).push(p);
  }
  const hit = new Set();
  for (let i = 0; i + L <= out.length; i++) {
    const cands = byHead.get(out.slice(i, i + L));
    if (cands) for (const p of cands) if (!hit.has(p) && out.startsWith(p.value, i)) hit.add(p);
  }
  return [...hit];
}
const surface = (name, out, ps = positives) => {
  const raw = rawIn(out, ps);
  surfaces.push([name, ps.length, `${raw.length} ${pct(raw.length, ps.length)}`]);
  if (raw.length / ps.length > 0.005) missed.push(`${name}: ${raw.length} raw values`);
  if (verbose) for (const p of raw.slice(0, 5)) console.log(`  raw in ${name}: ${p.kind} ${p.value}`);
};

const allText = positives.map((p) => p.text).join('\n');
for (const format of ['json', 'jsonl', 'sarif', 'github', 'pretty']) surface(`check --format ${format} (all texts as one reply)`, cli(['check', '--no-config', '--format', format], allText).stdout);
surface('check --jsonl', [...results.values()].map((r) => JSON.stringify(r)).join('\n'));

writeFileSync(join(work, 'replies.txt'), allText + '\n');
for (const format of ['json', 'jsonl', 'sarif', 'github', 'pretty']) surface(`lint --format ${format} (a reply file)`, cli(['lint', '--no-config', '--format', format, 'replies.txt']).stdout);
writeFileSync(join(work, 'fix.txt'), positives.map((p) => `好的！！${p.text}`).join('\n') + '\n');
surface('lint --fix --dry-run (the diff)', cli(['lint', '--no-config', '--fix', '--dry-run', 'fix.txt']).stdout);

// The audit lists at most 1000 conversations: chunks of 1000, one session per value, every one
// flagged (这是规定), so that every value is in some listed conversation.
let auditJson = '';
let auditHtml = '';
for (let from = 0; from < positives.length; from += 1000) {
  const chunk = positives.slice(from, from + 1000);
  const turns = chunk.flatMap((p, i) => [
    { session: `s${from + i}`, role: 'customer', time: '2024-03-15T10:00:00Z', text: `我要投诉！${p.text}` },
    { session: `s${from + i}`, role: 'agent', agent: i % 7 === 0 ? p.value : `agent${i % 5}`, time: '2024-03-15T10:00:20Z', text: `这是规定。${p.text}` },
  ]);
  writeFileSync(join(work, 'chat.jsonl'), turns.map((t) => JSON.stringify(t)).join('\n') + '\n');
  auditJson += cli(['audit', '--no-config', '--format', 'json', '--report', 'report.html', '--top', '1000', 'chat.jsonl']).stdout;
  auditHtml += readFileSync(join(work, 'report.html'), 'utf8');
}
surface('audit --format json (texts and agent names)', auditJson);
surface('audit --report (HTML)', auditHtml);

const suggestIn = positives.filter((_, i) => i % 5 === 0);
const suggest = cli(['suggest', '--no-config', '--jsonl', '--engine', 'lexical'], suggestIn.map((p, i) => JSON.stringify({ id: i, text: `${p.text}，什么时候发货`, context: { 预计时间: p.value, 客服名: p.value } })).join('\n') + '\n');
surface('suggest --jsonl (the value in slots from context)', suggest.stdout, suggestIn);

// The HTTP server: POST /v1/check for every text.
const server = spawn(process.execPath, [BIN, 'serve', '--no-config', '--port', '0', '--log-level', 'warn'], { cwd: work, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => (serverLog += d));
const url = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (d) => {
    err += d;
    const m = /listening on (\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
});
const post = (path, body) =>
  new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => (text += d)).on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
const answers = [];
for (const p of positives) answers.push(await post('/v1/check', { text: p.text }));
surface('POST /v1/check', answers.join('\n'));
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
surface('replylint serve log', serverLog);

table('Raw values in the output of each surface (the value as written)', ['surface', 'values', 'raw in output'], surfaces);

// ------------------------------------------------------------------ the LLM: what is sent, what is accepted

const { createEngine } = await import('../dist/engine.js');
const { createRewriter } = await import('../dist/rewrite/rewriter.js');
const { resolveLlmSettings } = await import('../dist/rewrite/settings.js');
const bodies = [];
let next = '';
const fake = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c)).on('end', () => {
    bodies.push(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: next }, finish_reason: 'stop' }] }));
  });
});
await new Promise((r) => fake.listen(0, '127.0.0.1', r));
const s = resolveLlmSettings({ maxRetries: 0, attempts: 1, timeoutMs: 10_000 }, { OPENAI_BASE_URL: `http://127.0.0.1:${fake.address().port}/v1`, REPLYLINT_LLM_MODEL: 'm', OPENAI_API_KEY: 'k' });
const engine = await createEngine({ config: false });
const rewriter = createRewriter(engine, s.settings);
const step = Math.max(1, Math.floor(positives.length / LLM));
const sample = positives.filter((_, i) => i % step === 0).slice(0, LLM);
let sentRaw = 0;
let acceptedKnown = 0;
let acceptedClean = 0;
const llmRows = new Map();
for (const p of sample) {
  // The value in the draft, the customer's message and a context field; the model answers with
  // the value spelt out (a number in plain ASCII digits, anything else as written).
  const spelt = NUMBER_KINDS.has(p.kind) ? digitsOf(p.value) : p.value;
  next = `很抱歉让您久等了，${spelt}，我马上帮您处理。`;
  bodies.length = 0;
  const r = await rewriter.rewrite({ text: `这是规定，我也不知道。${p.text}`, message: p.text, context: { 备注: p.value } });
  const key = keyOf(p);
  const leakedHere = bodies.filter((b) => b.includes(p.value) || b.includes(JSON.stringify(p.value).slice(1, -1)) || (key && stream(b).includes(key))).length;
  sentRaw += leakedHere;
  if (r.accepted) acceptedKnown++;
  const g = llmRows.get(p.kind) ?? { n: 0, sent: 0, accepted: 0 };
  g.n++;
  g.sent += leakedHere;
  if (r.accepted) g.accepted++;
  llmRows.set(p.kind, g);
  if (verbose && (leakedHere || r.accepted)) console.log(`  LLM: ${p.kind} ${p.style} ${p.value} sent=${leakedHere} accepted=${r.accepted}`);
}
// And the same drafts answered well (placeholders, no value): accepted, so the guard is not just saying no.
for (const p of sample.slice(0, 200)) {
  next = '很抱歉让您久等了，您的信息已核对，我马上帮您跟进处理。';
  const r = await rewriter.rewrite({ text: `这是规定，我也不知道。${p.text}`, message: p.text });
  if (r.accepted) acceptedClean++;
}
fake.close();
table(
  `LLM rewrite (${sample.length} drafts; answers spell the value out)`,
  ['kind', 'drafts', 'requests with a raw value', 'accepted answers with a known value'],
  [...[...llmRows].map(([k, g]) => [k, g.n, g.sent, g.accepted]), ['all', sample.length, sentRaw, acceptedKnown]],
);
console.log(`  the same drafts answered without any value: ${acceptedClean} of ${Math.min(200, sample.length)} accepted`);
if (sentRaw > 0) missed.push(`${sentRaw} LLM requests with a raw value`);
if (acceptedKnown > 0) missed.push(`${acceptedKnown} accepted LLM answers with a known value`);

if (verbose) {
  for (const p of positives.filter((x) => !x.found || !x.masked).slice(0, 50)) console.log(`  miss: ${p.kind} ${p.style} ${p.shape} ${JSON.stringify(p.sep)} ${p.where}: ${p.text}`);
  for (const n of negatives.filter((x) => x.flagged).slice(0, 50)) console.log(`  false positive: ${n.category}: ${n.text}`);
}
rmSync(work, { recursive: true, force: true });
console.log(`\n${((Date.now() - t0) / 1000).toFixed(0)} s. Targets: ${missed.length === 0 ? 'all met' : `MISSED: ${missed.join('; ')}`}`);
process.exit(missed.length === 0 ? 0 : 1);
