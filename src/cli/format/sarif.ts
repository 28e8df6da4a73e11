// SARIF 2.1.0 output for code-scanning dashboards. Columns are UTF-16 code units, SARIF's default.

import type { Finding, Severity } from '../../types.js';
import type { FileReport } from '../../lint/report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function endPosition(text: string, f: Finding): { endLine: number; endColumn: number } {
  const span = text.slice(f.start, f.end);
  const breaks = span.split('\n');
  if (breaks.length === 1) return { endLine: f.line, endColumn: f.column + span.length };
  return { endLine: f.line + breaks.length - 1, endColumn: breaks[breaks.length - 1]!.length + 1 };
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = new Map<string, { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; properties: { category: string; categoryLabel?: string } }>();
  const results: unknown[] = [];
  for (const r of reports) {
    const uri = r.file.startsWith('<') ? r.file.replace(/[<>]/g, '') : r.file.split('\\').join('/');
    for (const f of r.findings) {
      if (!rules.has(f.ruleId)) {
        rules.set(f.ruleId, { id: f.ruleId, shortDescription: { text: f.message }, defaultConfiguration: { level: LEVEL[f.severity] }, properties: { category: f.category, ...(f.categoryLabel ? { categoryLabel: f.categoryLabel } : {}) } });
      }
      results.push({
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message + (f.suggestions[0] ? ` → ${f.suggestions[0]}` : '') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, ...endPosition(r.text, f), charOffset: f.start, charLength: f.end - f.start, snippet: { text: f.excerpt } },
            },
          },
        ],
        properties: { category: f.category, ...(f.categoryLabel ? { categoryLabel: f.categoryLabel } : {}) },
        ...(f.fix
          ? {
              fixes: [
                {
                  description: { text: `replace with ${JSON.stringify(f.fix.replacement)}` },
                  artifactChanges: [
                    { artifactLocation: { uri }, replacements: [{ deletedRegion: { charOffset: f.fix.start, charLength: f.fix.end - f.fix.start }, insertedContent: { text: f.fix.replacement } }] },
                  ],
                },
              ],
            }
          : {}),
      });
    }
    for (const p of r.problems) {
      const id = `replylint/${p.code}`;
      if (!rules.has(id)) rules.set(id, { id, shortDescription: { text: p.code }, defaultConfiguration: { level: 'error' }, properties: { category: 'file' } });
      results.push({
        ruleId: id,
        level: 'error',
        message: { text: p.message + (p.found !== undefined ? ` (found: ${p.found})` : '') },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: p.line, startColumn: p.column } } }],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'replylint', version, informationUri: 'https://www.npmjs.com/package/replylint', rules: [...rules.values()] } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
