// GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per finding.

import type { Severity } from '../../types.js';
import type { FileReport } from '../../lint/report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const file = r.file.startsWith('<') ? '' : `file=${escapeProperty(r.file)},`;
    for (const f of r.findings) {
      const props = `${file}line=${f.line},col=${f.column},endColumn=${f.column + (f.end - f.start)},title=${escapeProperty(f.ruleId)}`;
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`);
    }
    for (const p of r.problems) {
      lines.push(`::error ${file}line=${p.line},col=${p.column},title=${escapeProperty('replylint/' + p.code)}::${escapeData(p.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
