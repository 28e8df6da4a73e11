// Human output: per file, each finding with its position, severity, message, rule id and category
// label, the line it is on with the span underlined, and the first suggestion; then a summary line.

import type { Finding } from '../../types.js';
import type { FileReport } from '../../lint/report.js';
import { totals } from '../../lint/report.js';
import type { Paint } from './paint.js';
import { displayWidth } from './width.js';

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info' } as const;
const MAX_LINE = 72;

/** The line containing `start`, cut to a window around [start, end) when long. */
function lineAround(text: string, start: number, end: number): { line: string; from: number; to: number } {
  const a = text.lastIndexOf('\n', start - 1) + 1;
  let b = text.indexOf('\n', start);
  if (b < 0) b = text.length;
  if (text[b - 1] === '\r') b--;
  let line = text.slice(a, b);
  let from = start - a;
  let to = Math.min(end, b) - a;
  if (displayWidth(line) > MAX_LINE) {
    const left = Math.max(0, from - 20);
    const right = Math.min(line.length, Math.max(to, from + 1) + 30);
    const pre = left > 0 ? '…' : '';
    const post = right < line.length ? '…' : '';
    line = pre + line.slice(left, right) + post;
    from = from - left + pre.length;
    to = to - left + pre.length;
  }
  return { line, from, to };
}

function severityLabel(p: Paint, f: Finding): string {
  const word = SEVERITY_WORD[f.severity].padEnd(7);
  return f.severity === 'error' ? p.red(word) : f.severity === 'warning' ? p.yellow(word) : p.blue(word);
}

export function formatPretty(reports: readonly FileReport[], p: Paint, options: { showFile: boolean; showScore: boolean }): string {
  const out: string[] = [];
  for (const r of reports) {
    if (r.findings.length === 0 && r.problems.length === 0) continue;
    if (options.showFile) out.push(p.underline(r.file));
    for (const prob of r.problems) {
      out.push(`  ${p.dim(`${prob.line}:${prob.column}`)}  ${p.red('error'.padEnd(7))} ${prob.message}${prob.found !== undefined ? p.dim(` (found: ${prob.found})`) : ''}  ${p.dim(prob.code)}`);
    }
    for (const f of r.findings) {
      const pos = `${f.line}:${f.column}`;
      out.push(`  ${p.dim(pos.padEnd(6))} ${severityLabel(p, f)} ${f.message}  ${p.dim(f.categoryLabel ? `${f.ruleId} · ${f.categoryLabel}` : f.ruleId)}`);
      const { line, from, to } = lineAround(r.text, f.start, f.end);
      const pad = ' '.repeat(9);
      out.push(pad + line);
      const under = ' '.repeat(displayWidth(line.slice(0, from))) + '^'.repeat(Math.max(1, displayWidth(line.slice(from, Math.max(to, from + 1)))));
      out.push(pad + (f.severity === 'error' ? p.red(under) : f.severity === 'warning' ? p.yellow(under) : p.blue(under)));
      if (f.fix) out.push(pad + p.green(`↳ fix: ${JSON.stringify(f.fix.replacement)}`));
      else if (f.suggestions[0]) out.push(pad + p.green(`↳ ${f.suggestions[0]}`));
    }
    out.push('');
  }
  const t = totals(reports);
  const n = t.error + t.warning + t.info + t.problems;
  const score = options.showScore && reports.length === 1 && reports[0]!.score !== undefined ? ` · score ${reports[0]!.score}/100` : '';
  if (n === 0) out.push(p.green(`✔ no problems${score}`));
  else {
    const parts = [`${t.error + t.problems} error${t.error + t.problems === 1 ? '' : 's'}`, `${t.warning} warning${t.warning === 1 ? '' : 's'}`, `${t.info} info`];
    const mark = t.error + t.problems > 0 ? p.red('✖') : t.warning > 0 ? p.yellow('⚠') : p.blue('ℹ');
    out.push(`${mark} ${n} problem${n === 1 ? '' : 's'} (${parts.join(', ')})${score}`);
  }
  return out.join('\n') + '\n';
}
