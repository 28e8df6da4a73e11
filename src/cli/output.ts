// Prints reports in the chosen format. Shared by check and lint.

import type { FileReport } from '../lint/report.js';
import { makePaint, wantsColor } from './format/paint.js';
import { formatPretty } from './format/pretty.js';
import { UsageError } from './errors.js';

export const FORMATS = ['pretty', 'json', 'jsonl', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(s: string | undefined): Format {
  const f = s ?? 'pretty';
  if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown --format "${f}" (use one of: ${FORMATS.join(', ')})`);
  return f as Format;
}

export interface OutputOptions {
  format: Format;
  color?: boolean;
  /** `check` prints the SPEC check result for json/jsonl instead of file reports. */
  single: boolean;
  version: string;
}

export async function render(reports: FileReport[], o: OutputOptions): Promise<string> {
  switch (o.format) {
    case 'pretty': {
      const paint = await makePaint(wantsColor(process.stdout, process.env, o.color));
      return formatPretty(reports, paint, { showFile: !o.single, showScore: o.single });
    }
    case 'json':
      if (o.single) return JSON.stringify(asCheckResult(reports[0]!), null, 2) + '\n';
      return JSON.stringify({ files: reports.map(asFileResult) }, null, 2) + '\n';
    case 'jsonl':
      if (o.single) return JSON.stringify(asCheckResult(reports[0]!)) + '\n';
      return reports.map((r) => JSON.stringify(asFileResult(r)) + '\n').join('');
    case 'sarif': {
      const { formatSarif } = await import('./format/sarif.js');
      return formatSarif(reports, o.version);
    }
    case 'github': {
      const { formatGithub } = await import('./format/github.js');
      return formatGithub(reports);
    }
  }
}

function asCheckResult(r: FileReport) {
  return { text: r.text, findings: r.findings, score: r.score ?? 100, pass: r.pass ?? true };
}

function asFileResult(r: FileReport) {
  return { file: r.file, findings: r.findings, problems: r.problems, ...(r.score !== undefined ? { score: r.score, pass: r.pass } : {}) };
}
