// The hover over a finding: the rule's documentation (its message in both languages, what to write
// instead, its certain fix), the category's label, and how to silence it in the file.

import type { MarkupContent } from 'vscode-languageserver';
import type { Finding } from '../types.js';
import type { CategoryInfo, LintSession } from './host.js';
import { CATEGORY_LABELS } from './category-labels.js';

/** Markdown-escapes text that comes from rule data or the document. */
const md = (s: string): string => s.replace(/[\\`*_{}[\]<>#|]/g, (c) => '\\' + c);

export function categoryInfo(session: LintSession, id: string): CategoryInfo | undefined {
  return session.category?.(id) ?? CATEGORY_LABELS[id];
}

export function hoverContent(session: LintSession, f: Finding, commentExample: string | null): MarkupContent {
  const rule = session.rule(f.ruleId);
  const cat = categoryInfo(session, f.category);
  const lines: string[] = [];
  const label = cat ? `${cat.label.zh} · ${cat.label.en}` : f.category;
  lines.push(`**${md(label)}** (\`${f.category}\`) — ${f.severity}`, '');
  lines.push(session.mask(md(f.message)), '');
  if (rule) {
    // The rule's own text: the other language's message, with its placeholder left as written.
    const other = /[\u3400-\u9fff]/.test(f.message) ? rule.message.en : rule.message.zh;
    lines.push(`*${md(other.replace(/\{match\}/g, f.excerpt))}*`, '');
  }
  if (cat?.description) lines.push(`${md(cat.label.en)}: ${md(cat.description)}`, '');
  if (f.fix) lines.push(`Certain fix: replace with “${md(f.fix.replacement)}” (\`replylint lint --fix\` applies it)`, '');
  if (f.suggestions.length > 0) {
    lines.push('Write instead:');
    for (const s of f.suggestions.slice(0, 5)) lines.push(`- ${md(s)}`);
    lines.push('');
  }
  if (commentExample) lines.push(`Silence here: \`${commentExample}\``, '');
  lines.push(`Rule \`${f.ruleId}\``);
  return { kind: 'markdown', value: session.mask(lines.join('\n')) };
}
