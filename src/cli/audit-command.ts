// `replylint audit FILE…`: validates the options, runs the audit with a progress bar on a
// terminal, writes the summary (JSON, or a pretty table on a terminal) and the HTML report.
// Exit code: 2 when input lines were bad (they are listed, the rest is audited), else 1 when any
// finding is at or above --fail-on, else 0.

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SEVERITY_RANK } from '../types.js';
import type { AuditRunOptions } from '../audit/run.js';
import type { InputFormat } from '../audit/input.js';
import { parseFailOn, type CommonOptions } from './common-options.js';
import { UsageError } from './errors.js';
import { makePaint, wantsColor } from './format/paint.js';

export interface AuditCommandOptions extends CommonOptions {
  inputFormat?: InputFormat;
  jobs?: string;
  top?: string;
  output?: string;
  report?: string;
  progress?: boolean;
}

function positiveInt(s: string | undefined, name: string, fallback: number, max: number): number {
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} must be a whole number from 1 to ${max} (found "${s}")`);
  return n;
}

function writeOut(file: string, text: string, what: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write the ${what} to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function progressBar(): Promise<AuditRunOptions['progress']> {
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { stream: process.stderr, format: '审计中 [{bar}] {percentage}% | {turns} 条消息 | {rate} 条/秒 | 剩余 {eta_formatted}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    Presets.shades_classic,
  );
  let bytes = 0;
  let turns = 0;
  const t0 = Date.now();
  return {
    start: (total) => bar.start(Math.max(1, total), 0, { turns: 0, rate: 0 }),
    advance: (b, t) => {
      bytes += b;
      turns += t;
      if (t > 0) bar.update(bytes, { turns, rate: Math.round(turns / Math.max(0.001, (Date.now() - t0) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}

export async function runAuditCommand(files: string[], o: AuditCommandOptions): Promise<number> {
  const format = o.format ?? (process.stdout.isTTY && !o.output ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') throw new UsageError(`audit prints json or pretty (found --format ${format}); use --report for HTML`);
  for (const f of files) {
    if (f === '-') continue;
    if (!existsSync(f)) throw new UsageError(`cannot read ${f}: no such file`);
    if (statSync(f).isDirectory()) throw new UsageError(`${f} is a directory; pass the log files themselves`);
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const failOnFlag = parseFailOn(o.failOn);
  const jobs = positiveInt(o.jobs, '--jobs', availableParallelism(), 64);
  const top = positiveInt(o.top, '--top', 20, 1000);

  const { runAudit } = await import('../audit/run.js');
  const { summary, failOn } = await runAudit({
    files,
    ...(o.inputFormat ? { inputFormat: o.inputFormat } : {}),
    jobs,
    top,
    engine: {
      ...(o.config !== undefined ? { config: o.config } : {}),
      ...(o.rules ? { rules: o.rules } : {}),
      ...(failOnFlag ? { failOn: failOnFlag } : {}),
      ...(o.phrasebook ? { phrasebook: o.phrasebook } : {}),
    },
    ...(o.progress !== false && process.stderr.isTTY ? { progress: await progressBar() } : {}),
  });

  if (o.report) {
    const { renderReport } = await import('../audit/report-html.js');
    writeOut(o.report, renderReport(summary, { generatedAt: new Date() }), 'HTML report');
  }
  let text: string;
  if (format === 'pretty') {
    const { formatAuditPretty } = await import('../audit/pretty.js');
    text = formatAuditPretty(summary, await makePaint(wantsColor(process.stdout, process.env, o.color)));
  } else text = JSON.stringify(summary, null, 2) + '\n';
  if (o.output) writeOut(o.output, text, 'summary');
  else process.stdout.write(text);

  for (const p of summary.problems) process.stderr.write(`replylint: ${p.file}:${p.line}: ${p.message}\n`);
  if (summary.totals.badLines > 0) {
    const more = summary.totals.badLines - summary.problems.length;
    process.stderr.write(`replylint: ${summary.totals.badLines} input line${summary.totals.badLines === 1 ? '' : 's'} could not be audited${more > 0 ? ` (${more} more not listed)` : ''}; the rest was audited\n`);
    return 2;
  }
  const bar = SEVERITY_RANK[failOn];
  return (Object.entries(summary.totals.findings) as Array<[keyof typeof SEVERITY_RANK, number]>).some(([sev, n]) => n > 0 && SEVERITY_RANK[sev] >= bar) ? 1 : 0;
}
