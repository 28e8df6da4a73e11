// Code actions on findings: the certain fix (preferred), "replace with suggestion" for each of the
// rule's suggested wordings, silencing the rule on this line or in this file with a
// replylint-disable comment, and "fix all" — which is exactly what `replylint lint --fix` writes.
// Every edit comes from the lint layer, encoded for the place it lands (YAML and JSON quoting, CSV
// fields) and verified the way --fix verifies, so an action never breaks the file.

import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../types.js';
import type { DocumentLint, Edit } from './host.js';
import { findingDiagnostic } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.replylint`;
/** At most this many suggestions are offered as actions per finding (rules may list more). */
const MAX_SUGGESTIONS = 3;

const short = (s: string, n = 24): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function textEdits(doc: TextDocument, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text }));
}

function action(doc: TextDocument, title: string, kind: string, edits: readonly Edit[], diagnostic?: Diagnostic, preferred = false): CodeAction {
  return {
    title,
    kind,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [doc.uri]: textEdits(doc, edits) } },
  };
}

const overlaps = (doc: TextDocument, f: Finding, range: Range): boolean => {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  return f.start <= b && a <= f.end;
};

/** Quick fixes for the findings under `range`. */
export function quickFixes(doc: TextDocument, lint: DocumentLint, range: Range, mask: (s: string) => string): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of lint.findings) {
    if (!overlaps(doc, f, range)) continue;
    const diagnostic = findingDiagnostic(doc, f, mask);
    const shown = mask(f.excerpt);
    if (f.fix) {
      const edits = lint.fixEdits(f);
      if (edits) out.push(action(doc, `Fix: replace “${short(shown)}” with “${short(f.fix.replacement)}” (${f.ruleId})`, CodeActionKind.QuickFix, edits, diagnostic, true));
    }
    for (const s of f.suggestions.slice(0, MAX_SUGGESTIONS)) {
      if (s === f.fix?.replacement) continue;
      const edits = lint.replaceEdits(f, s);
      if (edits) out.push(action(doc, `Replace with suggestion: “${short(s, 40)}”`, CodeActionKind.QuickFix, edits, diagnostic));
    }
    const line = lint.disableEdit(f, 'line');
    if (line) out.push(action(doc, `Disable ${f.ruleId} for this line`, CodeActionKind.QuickFix, [line], diagnostic));
    const file = lint.disableEdit(f, 'file');
    if (file) out.push(action(doc, `Disable ${f.ruleId} for this file`, CodeActionKind.QuickFix, [file], diagnostic));
  }
  return out;
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function wholeEdit(before: string, after: string): Edit {
  let a = 0;
  const max = Math.min(before.length, after.length);
  while (a < max && before.charCodeAt(a) === after.charCodeAt(a)) a++;
  let b = 0;
  while (b < max - a && before.charCodeAt(before.length - 1 - b) === after.charCodeAt(after.length - 1 - b)) b++;
  // Never split a surrogate pair or a CRLF between the kept and the replaced part.
  while (a > 0 && (/[\udc00-\udfff]/.test(before[a] ?? '') || (before[a - 1] === '\r' && before[a] === '\n'))) a--;
  while (b > 0 && /[\udc00-\udfff]/.test(before[before.length - b] ?? '')) b--;
  return { start: a, end: before.length - b, text: after.slice(a, after.length - b) };
}

export function fixAllAction(doc: TextDocument, before: string, after: string): CodeAction {
  return action(doc, 'Fix all certain replylint problems (as lint --fix)', FIX_ALL_KIND, [wholeEdit(before, after)]);
}
