// `replylint check`: one text from the arguments or standard input, or a JSON Lines batch
// streamed from standard input to standard output in the same order, in constant memory.

import type { Engine } from '../engine.js';
import { packageVersion } from '../config/files.js';
import { SEVERITY_RANK } from '../types.js';
import { engineFor, parseLocale, type CommonOptions } from './common-options.js';
import { InputError, jsonSyntaxReason, UsageError } from './errors.js';
import { BufferedWriter, byteLines, decodeUtf8, readAll } from './io.js';
import { parseFormat, render } from './output.js';
import type { FileReport } from '../lint/report.js';

export interface CheckCommandOptions extends CommonOptions {
  jsonl?: boolean;
}

export async function runCheck(args: string[], o: CheckCommandOptions): Promise<number> {
  const format = parseFormat(o.format);
  const locale = parseLocale(o.locale);
  if (o.jsonl) {
    if (args.length > 0) throw new UsageError('check --jsonl reads JSON Lines from standard input; do not pass TEXT as well');
    const engine = await engineFor(o);
    return checkJsonl(engine, locale);
  }
  let text: string;
  let file = '<text>';
  if (args.length > 0) text = args.join(' ');
  else {
    if (process.stdin.isTTY) throw new UsageError('no text to check: pass TEXT or pipe it on standard input (see replylint check --help)');
    text = decodeUtf8(await readAll(process.stdin), 'standard input');
    file = '<stdin>';
  }
  const engine = await engineFor(o);
  const result = engine.check(text, locale ? { locale } : {});
  const report: FileReport = { file, text: result.text, findings: result.findings, problems: [], score: result.score, pass: result.pass };
  process.stdout.write(await render([report], { format, single: true, version: packageVersion(), ...(o.color !== undefined ? { color: o.color } : {}) }));
  return result.pass ? 0 : 1;
}

interface JsonlRecord {
  id: unknown;
  text: string;
}

function parseRecord(line: string, n: number): JsonlRecord {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new InputError(`line ${n}: not JSON (${jsonSyntaxReason(e)})`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputError(`line ${n}: expected an object like {"id": 1, "text": "…"}`);
  const r = v as Record<string, unknown>;
  if (typeof r.text !== 'string') throw Object.assign(new InputError(`line ${n}: "text" must be a string`), { id: r.id });
  return { id: r.id ?? null, text: r.text };
}

async function checkJsonl(engine: Engine, locale: 'zh' | 'en' | 'auto' | undefined): Promise<number> {
  const out = new BufferedWriter(process.stdout);
  const bar = SEVERITY_RANK[engine.failOn];
  let failed = false;
  let bad = 0;
  for await (const { line, bytes } of byteLines(process.stdin)) {
    if (bytes.length === 0 || (bytes.length < 4 && bytes.toString().trim() === '')) continue;
    try {
      const rec = parseRecord(decodeUtf8(bytes, `line ${line}`), line);
      const result = engine.check(rec.text, locale ? { locale } : {});
      if (result.findings.some((f) => SEVERITY_RANK[f.severity] >= bar)) failed = true;
      await out.write(JSON.stringify({ id: rec.id, ...result }) + '\n');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      const id = (e as InputError & { id?: unknown }).id ?? null;
      // JSON.parse's message quotes the line: masked like any other output.
      await out.write(JSON.stringify({ id, line, error: { code: 'bad-input', message: engine.mask(e.message) } }) + '\n');
    }
  }
  await out.flush();
  if (bad > 0) {
    process.stderr.write(`replylint: ${bad} input line${bad === 1 ? '' : 's'} could not be checked (see the "error" records in the output)\n`);
    return 2;
  }
  return failed ? 1 : 0;
}
