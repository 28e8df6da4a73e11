// `replylint tune`: reads feedback logs, asks the current ranker about every message an agent
// answered, and proposes what it should learn — examples of the intent the agent chose where the
// ranker put another first, out-of-scope examples where nothing fitted but the ranker suggested
// anyway. It shows the effect (how many of the agents' choices the ranker puts first, before and
// after) and, with --write, adds the proposals to learned.yaml for review (git diff shows them).

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { rankerFor, type LoadedPhrasebook } from '../engine.js';
import { exampleKey, learnFromFeedback, parseFeedbackLine, type FeedbackRecord, type LearnedExample, type TuneReport } from '../rank/feedback.js';
import { BUILTIN_PHRASEBOOK } from '../config/files.js';
import { LEARNED_FILE } from '../config/phrasebook-files.js';
import type { ExtraExamples } from '../config/load-phrasebook.js';
import type { Ranker } from '../rank/ranker.js';
import { engineFor, type CommonOptions } from './common-options.js';
import { UsageError } from './errors.js';
import { decodeUtf8 } from './io.js';

export interface TuneCommandOptions extends CommonOptions {
  write?: boolean;
  out?: string;
  min?: string;
}

interface Read {
  records: FeedbackRecord[];
  problems: string[];
}

function readLogs(files: readonly string[]): Read {
  const out: Read = { records: [], problems: [] };
  for (const file of files) {
    let text: string;
    try {
      text = decodeUtf8(readFileSync(file), file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const r = parseFeedbackLine(line);
      if ('problem' in r) out.problems.push(`${file}:${i + 1}:1: ${r.problem}`);
      else out.records.push(r);
    });
  }
  return out;
}

/** How many feedback messages the ranker answers as the agents did (first intent, or an abstention for "none fitted"). */
async function agreement(ranker: Ranker, records: readonly FeedbackRecord[]): Promise<number> {
  let n = 0;
  for (const r of records) {
    const a = await ranker.answer(r.message, { history: r.history });
    const top = a.abstained ? null : (a.suggestions[0]?.intent ?? null);
    if (top === (r.chosen?.intent ?? null)) n++;
  }
  return n;
}

/** The examples file with `learned` added (existing entries first, duplicates dropped). */
function merged(existing: ExtraExamples, learned: readonly LearnedExample[]): ExtraExamples {
  const out: ExtraExamples = { intents: Object.fromEntries(Object.entries(existing.intents).map(([k, v]) => [k, [...v]])), outOfScope: [...existing.outOfScope] };
  const seen = new Set([...Object.values(out.intents).flat(), ...out.outOfScope].map(exampleKey));
  for (const e of learned) {
    if (seen.has(exampleKey(e.text))) continue;
    seen.add(exampleKey(e.text));
    if (e.intent === null) out.outOfScope.push(e.text);
    else (out.intents[e.intent] ??= []).push(e.text);
  }
  return out;
}

const HEADER = [
  "# Customer examples learned from the agents' choices by `replylint tune`. Review them before you",
  '# keep them: delete any example that should not teach the ranker. The ranker reads this file with',
  '# the rest of the phrasebook folder; `replylint tune --write` adds to it.',
];

function examplesYaml(x: ExtraExamples): string {
  const lines = [...HEADER];
  const q = (s: string) => JSON.stringify(s);
  const ids = Object.keys(x.intents).filter((k) => x.intents[k]!.length > 0).sort();
  lines.push(ids.length ? 'intents:' : 'intents: {}');
  for (const id of ids) {
    lines.push(`  ${id}:`);
    for (const e of x.intents[id]!) lines.push(`    - ${q(e)}`);
  }
  lines.push(x.outOfScope.length ? 'outOfScope:' : 'outOfScope: []');
  for (const e of x.outOfScope) lines.push(`  - ${q(e)}`);
  return lines.join('\n') + '\n';
}

/** Writes through a temporary file next to the target, so that a reader never sees half a file. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${LEARNED_FILE}.replylint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx' });
  renameSync(tmp, path);
}

function summary(r: TuneReport, records: number, before: number, after: number, n: number): string[] {
  const byIntent = r.examples.filter((e) => e.intent !== null).length;
  const oos = r.examples.length - byIntent;
  const lines = [`${records} feedback record${records === 1 ? '' : 's'}: ${byIntent} new example${byIntent === 1 ? '' : 's'} for intents, ${oos} out-of-scope example${oos === 1 ? '' : 's'}`];
  const left = [
    r.alreadyRight && `${r.alreadyRight} already ranked as the agent chose`,
    r.known && `${r.known} already in the phrasebook`,
    r.conflicts && `${r.conflicts} with conflicting choices`,
    r.tooFew && `${r.tooFew} chosen too few times (--min)`,
    r.empty && `${r.empty} empty once masked values are dropped`,
    r.unknownTemplates.length && `${r.unknownTemplates.length} template${r.unknownTemplates.length === 1 ? '' : 's'} no longer in the phrasebook (${r.unknownTemplates.slice(0, 3).join(', ')})`,
  ].filter(Boolean);
  if (left.length) lines.push(`left out: ${left.join('; ')}`);
  lines.push(`agents' choices the ranker puts first: ${before}/${n} now, ${after}/${n} with these examples`);
  return lines;
}

export async function runTune(files: string[], o: TuneCommandOptions): Promise<number> {
  const format = o.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`tune supports --format pretty or json (got "${format}")`);
  const min = o.min === undefined ? 1 : Number(o.min);
  if (!Number.isInteger(min) || min < 1) throw new UsageError(`--min must be a whole number of at least 1 (got "${o.min}")`);
  const { records, problems } = readLogs(files);
  for (const p of problems) process.stderr.write(`replylint: ${p}\n`);

  const engine = await engineFor(o);
  const target = o.out ? resolve(o.out) : join(engine.phrasebookDir, LEARNED_FILE);
  const write = o.write === true || o.out !== undefined;
  if (write && !o.out && resolve(engine.phrasebookDir) === resolve(BUILTIN_PHRASEBOOK)) {
    throw new UsageError('tune --write adds to your own phrasebook folder: pass --phrasebook DIR (or set phrasebook: in .replylint.yaml), or --out FILE');
  }
  const book = await engine.phrasebook();
  const { threshold } = await engine.suggestSettings();
  const ranker = await rankerFor(book, { engine: 'lexical', threshold });
  const intentOf = new Map(book.phrasebook.templates.map((t) => [t.id, t.intent]));
  const known = new Set([...book.phrasebook.intents.flatMap((i) => i.examples), ...book.outOfScope].map(exampleKey));
  const report = await learnFromFeedback(records, {
    templateIntent: (id) => intentOf.get(id),
    known,
    answer: (message, history) => ranker.answer(message, { history }),
    minCount: min,
  });

  // The effect: the same messages ranked by a ranker that also knows the proposals.
  const { parseExamples, withExamples } = await import('../config/load-phrasebook.js');
  const additions = merged({ intents: {}, outOfScope: [] }, report.examples);
  const tuned: LoadedPhrasebook = { ...book, phrasebook: withExamples(book.phrasebook, [additions]), outOfScope: [...book.outOfScope, ...additions.outOfScope] };
  const scored = records.filter((r) => !r.chosen || intentOf.has(r.chosen.templateId));
  const before = await agreement(ranker, scored);
  const after = report.examples.length ? await agreement(await rankerFor(tuned, { engine: 'lexical', threshold }), scored) : before;

  let existing: ExtraExamples = { intents: {}, outOfScope: [] };
  if (existsSync(target)) {
    const found: import('../config/problems.js').Problem[] = [];
    existing = parseExamples({ file: target, text: readFileSync(target, 'utf8') }, found, book.phrasebook.intents.map((i) => i.id));
    if (found.length) throw new UsageError(`${target} has problems; fix them first:\n${found.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  }
  const text = examplesYaml(write ? merged(existing, report.examples) : additions);
  if (write && report.examples.length > 0) writeAtomically(target, text);

  const lines = summary(report, records.length, before, after, scored.length);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ ...report, before, after, messages: scored.length, written: write && report.examples.length > 0 ? target : null }, null, 2) + '\n');
    for (const l of lines) process.stderr.write(`replylint: ${l}\n`);
  } else {
    if (!write && report.examples.length > 0) process.stdout.write(text);
    for (const l of lines) process.stderr.write(`replylint: ${l}\n`);
    if (write) process.stderr.write(report.examples.length ? `replylint: added to ${target}; review it (git diff) before you keep it\n` : 'replylint: nothing to add\n');
    else if (report.examples.length) process.stderr.write(`replylint: nothing written; --write adds these to ${target}\n`);
  }
  return problems.length > 0 ? 2 : 0;
}
