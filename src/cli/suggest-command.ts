// `replylint suggest`: the best phrasebook templates for a customer message (in its conversation),
// with how sure the ranker is — or an abstention when it is not sure enough — or a JSON Lines batch.

import type { Engine } from '../engine.js';
import type { SuggestAnswer, Turn } from '../types.js';
import type { EngineChoice, Ranker } from '../rank/ranker.js';
import { parseTurns } from '../rank/history.js';
import { engineFor, type CommonOptions } from './common-options.js';
import { InputError, jsonSyntaxReason, UsageError } from './errors.js';
import { BufferedWriter, byteLines, decodeUtf8, readAll } from './io.js';
import { makePaint, wantsColor } from './format/paint.js';

export interface SuggestCommandOptions extends CommonOptions {
  jsonl?: boolean;
  top?: string;
  phrasebook?: string;
  context?: string;
  engine?: string;
  history?: string;
  threshold?: string;
  all?: boolean;
}

function parseTop(s: string | undefined): number {
  if (s === undefined) return 3;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--top must be a whole number from 1 to 50 (got "${s}")`);
  return n;
}

function parseThreshold(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--threshold must be a number from 0 to 1 (got "${s}")`);
  return n;
}

function parseJson(s: string, option: string, example: string): unknown {
  try {
    return JSON.parse(s);
  } catch (e) {
    throw new UsageError(`${option} must be JSON such as '${example}' (${(e as Error).message})`);
  }
}

function parseContext(s: string | undefined): Record<string, unknown> {
  if (s === undefined) return {};
  const v = parseJson(s, '--context', '{"店铺名":"小店"}');
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError('--context must be a JSON object');
  return v as Record<string, unknown>;
}

function parseHistory(s: string | undefined): Turn[] {
  if (s === undefined) return [];
  const turns = parseTurns(parseJson(s, '--history', '[{"role":"customer","text":"这件有黑色吗"}]'));
  if ('problem' in turns) throw new UsageError(`--history: ${turns.problem}`);
  return turns;
}

function parseEngine(s: string | undefined): EngineChoice {
  const e = s ?? 'auto';
  if (e !== 'auto' && e !== 'lexical' && e !== 'embedding' && e !== 'hybrid') throw new UsageError(`unknown --engine "${e}" (use auto, lexical, embedding or hybrid)`);
  return e;
}

let warned = false;
const warnOnce = (message: string): void => {
  if (warned) return;
  warned = true;
  process.stderr.write(`replylint: ${message}\n`);
};

/** What every message of a run is ranked with. */
interface Ask {
  top: number;
  threshold?: number;
  abstain: boolean;
}

export async function runSuggest(args: string[], o: SuggestCommandOptions): Promise<number> {
  const format = o.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json' && format !== 'jsonl') throw new UsageError(`suggest supports --format pretty, json or jsonl (got "${format}")`);
  const threshold = parseThreshold(o.threshold);
  const ask: Ask = { top: parseTop(o.top), abstain: !o.all, ...(threshold !== undefined ? { threshold } : {}) };
  const context = parseContext(o.context);
  const history = parseHistory(o.history);
  const engineChoice = parseEngine(o.engine);
  if (o.jsonl && args.length > 0) throw new UsageError('suggest --jsonl reads JSON Lines from standard input; do not pass MESSAGE as well');
  if (o.jsonl && o.history !== undefined) throw new UsageError('suggest --jsonl takes each message\'s history from its line ("history"); do not pass --history as well');
  let message = '';
  if (!o.jsonl) {
    if (args.length > 0) message = args.join(' ');
    else if (process.stdin.isTTY) throw new UsageError('no message: pass MESSAGE or pipe it on standard input');
    else message = decodeUtf8(await readAll(process.stdin), 'standard input').trim();
  }
  const engine = await engineFor({ ...o, ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}) });
  const ranker = await engine.ranker({ engine: engineChoice, warn: warnOnce });
  if (o.jsonl) return suggestJsonl(ranker, ask, engine);

  const answer = await ranker.answer(message, { ...ask, context, history });
  const shown = maskedMessage(engine, message);
  if (format === 'pretty') process.stdout.write(await pretty(shown, answer, ask.threshold ?? ranker.threshold, o.color));
  else process.stdout.write(JSON.stringify({ message: shown, ...answer }, null, format === 'json' ? 2 : undefined) + '\n');
  return 0;
}

/** The message as it may be shown: personal data masked. */
function maskedMessage(engine: Engine, message: string): string {
  return engine.mask(message);
}

async function pretty(message: string, answer: SuggestAnswer, threshold: number, color: boolean | undefined): Promise<string> {
  const p = await makePaint(wantsColor(process.stdout, process.env, color));
  const lines = [p.dim(`客户消息 message: ${message || '(empty)'}`), p.dim(`置信度 confidence: ${answer.confidence.toFixed(2)}`), ''];
  if (answer.abstained) {
    lines.push(`没有把握的推荐：置信度低于阈值 ${threshold.toFixed(2)}，不推荐话术（--all 仍显示排序）`);
    lines.push(p.dim(`not sure enough: confidence below the threshold ${threshold.toFixed(2)}; no suggestions (--all shows the ranking anyway)`), '');
  }
  answer.suggestions.forEach((s, i) => {
    lines.push(`${p.bold(`${i + 1}.`)} ${s.templateId}  ${p.green(s.score.toFixed(2))}  ${p.dim(s.engine)}`);
    for (const l of s.text.split('\n')) lines.push('   ' + l);
    lines.push('');
  });
  return lines.join('\n');
}

async function suggestJsonl(ranker: Ranker, ask: Ask, engine: Engine): Promise<number> {
  const out = new BufferedWriter(process.stdout);
  let bad = 0;
  for await (const { line, bytes } of byteLines(process.stdin)) {
    if (bytes.toString().trim() === '') continue;
    let id: unknown = null;
    try {
      let rec: unknown;
      try {
        rec = JSON.parse(decodeUtf8(bytes, `line ${line}`));
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`line ${line}: not JSON (${jsonSyntaxReason(e)})`);
      }
      if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new InputError(`line ${line}: expected an object like {"id": 1, "text": "…"}`);
      const r = rec as Record<string, unknown>;
      id = r.id ?? null;
      if (typeof r.text !== 'string') throw new InputError(`line ${line}: "text" must be a string`);
      const context = typeof r.context === 'object' && r.context !== null && !Array.isArray(r.context) ? (r.context as Record<string, unknown>) : {};
      let history: Turn[] = [];
      if (r.history !== undefined) {
        const turns = parseTurns(r.history);
        if ('problem' in turns) throw new InputError(`line ${line}: ${turns.problem}`);
        history = turns;
      }
      const answer = await ranker.answer(r.text, { ...ask, context, history });
      await out.write(JSON.stringify({ id, ...answer }) + '\n');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      await out.write(JSON.stringify({ id, line, error: { code: 'bad-input', message: engine.mask(e.message) } }) + '\n');
    }
  }
  await out.flush();
  if (bad > 0) {
    process.stderr.write(`replylint: ${bad} input line${bad === 1 ? '' : 's'} could not be ranked (see the "error" records in the output)\n`);
    return 2;
  }
  return 0;
}
