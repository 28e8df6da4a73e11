// Findings and file problems as LSP diagnostics. replylint's offsets are UTF-16 code units, which
// is what LSP positions count, so a range is the document's own positionAt of each offset. Every
// message goes through the session's masking: personal data never reaches the editor's panels.

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../types.js';
import type { Problem } from '../config/problems.js';

export const SOURCE = 'replylint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingRange(doc: TextDocument, f: { start: number; end: number }): Range {
  return { start: doc.positionAt(f.start), end: doc.positionAt(f.end) };
}

/**
 * A problem's range: from its line and column over the offending text when it is there, else over
 * the word at that place (a problem without a span still underlines something visible).
 */
export function problemRange(doc: TextDocument, p: Problem): Range {
  const start = doc.offsetAt({ line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) });
  const text = doc.getText();
  let end = start;
  if (p.found && text.startsWith(p.found, start)) end = start + p.found.length;
  else while (end < text.length && !/[\s,:\]}]/.test(text[end]!)) end++;
  if (end === start) {
    const lineEnd = text.indexOf('\n', start);
    end = lineEnd < 0 ? text.length : lineEnd > start ? lineEnd : start;
  }
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function findingDiagnostic(doc: TextDocument, f: Finding, mask: (s: string) => string): Diagnostic {
  return {
    range: findingRange(doc, f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: mask(f.message),
    data: { ruleId: f.ruleId, start: f.start, end: f.end },
  };
}

export function problemDiagnostic(doc: TextDocument, p: Problem, mask: (s: string) => string): Diagnostic {
  const found = p.found !== undefined && !p.message.includes(p.found) ? ` (found: ${p.found.length > 80 ? p.found.slice(0, 77) + '…' : p.found})` : '';
  return { range: problemRange(doc, p), severity: DiagnosticSeverity.Error, code: p.code, source: SOURCE, message: mask(p.message + found) };
}

/** One diagnostic at the top of a document that could not be linted (a broken configuration). */
export function noticeDiagnostic(code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, code, source: SOURCE, message };
}
