// `replylint suggest`: the best phrasebook templates for a customer message, or a JSON Lines batch.

import type { Engine } from '../engine.js';
import type { Suggestion } from '../types.js';
import type { EngineChoice } from '../rank/ranker.js';
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
}

function parseTop(s: string | undefined): number {
  if (s === undefined) return 3;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--top must be a whole number from 1 to 50 (got "${s}")`);
  return n;
}

function parseContext(s: string | undefined): Record<string, unknown> {
  if (s === undefined) return {};
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (e) {
    throw new UsageError(`--context must be a JSON object such as '{"店铺名":"小店"}' (${(e as Error).message})`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError('--context must be a JSON object');
  return v as Record<string, unknown>;
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

export async function runSuggest(args: string[], o: SuggestCommandOptions): Promise<number> {
  const format = o.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json' && format !== 'jsonl') throw new UsageError(`suggest supports --format pretty, json or jsonl (got "${format}")`);
  const top = parseTop(o.top);
  const context = parseContext(o.context);
  const engineChoice = parseEngine(o.engine);
  if (o.jsonl && args.length > 0) throw new UsageError('suggest --jsonl reads JSON Lines from standard input; do not pass MESSAGE as well');
  let message = '';
  if (!o.jsonl) {
    if (args.length > 0) message = args.join(' ');
    else if (process.stdin.isTTY) throw new UsageError('no message: pass MESSAGE or pipe it on standard input');
    else message = decodeUtf8(await readAll(process.stdin), 'standard input').trim();
  }
  const engine = await engineFor({ ...o, ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}) });
  const ranker = await engine.ranker({ engine: engineChoice, warn: warnOnce });
  if (o.jsonl) return suggestJsonl(ranker, top, engine);

  const suggestions = await ranker.suggest(message, { top, context });
  const shown = maskedMessage(engine, message);
  if (format === 'pretty') process.stdout.write(await pretty(shown, suggestions, o.color));
  else process.stdout.write(JSON.stringify({ message: shown, suggestions }, null, format === 'json' ? 2 : undefined) + '\n');
  return 0;
}

/** The message as it may be shown: personal data masked. */
function maskedMessage(engine: Engine, message: string): string {
  return engine.mask(message);
}

async function pretty(message: string, suggestions: Suggestion[], color: boolean | undefined): Promise<string> {
  const p = await makePaint(wantsColor(process.stdout, process.env, color));
  const lines = [p.dim(`客户消息 message: ${message || '(empty)'}`), ''];
  suggestions.forEach((s, i) => {
    lines.push(`${p.bold(`${i + 1}.`)} ${s.templateId}  ${p.green(s.score.toFixed(2))}  ${p.dim(s.engine)}`);
    for (const l of s.text.split('\n')) lines.push('   ' + l);
    lines.push('');
  });
  return lines.join('\n');
}

async function suggestJsonl(ranker: Awaited<ReturnType<Engine['ranker']>>, top: number, engine: Engine): Promise<number> {
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
      const suggestions = await ranker.suggest(r.text, { top, context });
      await out.write(JSON.stringify({ id, suggestions }) + '\n');
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
