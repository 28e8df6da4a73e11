// What every output format prints: per file (or per text) its findings and, for data files, the
// problems of the file itself. Display text is masked: every personal value in the file (in a
// reply, a comment, a key) and each finding's span (by its already masked, same-length excerpt),
// so no personal value reaches the terminal; so are the messages of findings and problems.

import { SEVERITY_RANK, type Finding, type Severity } from '../types.js';
import type { Problem } from '../config/problems.js';

export interface FileReport {
  /** Path, or <text> / <stdin> for `check`. */
  file: string;
  /** The text, with personal data masked; offsets of findings index into it. */
  text: string;
  findings: Finding[];
  problems: Problem[];
  score?: number;
  pass?: boolean;
}

/** `text` as it may be shown: `mask` (every personal value) then each finding's masked excerpt. */
export function maskedDisplay(text: string, findings: readonly Finding[], mask: (text: string) => string = (t) => t): string {
  let out = mask(text);
  for (const f of findings) {
    if (f.excerpt.length === f.end - f.start && out.slice(f.start, f.end) !== f.excerpt) {
      out = out.slice(0, f.start) + f.excerpt + out.slice(f.end);
    }
  }
  return out;
}

/** A finding or problem whose texts may quote the file, with every personal value masked. */
export function maskFinding(f: Finding, mask: (text: string) => string): Finding {
  return { ...f, message: mask(f.message), excerpt: mask(f.excerpt), ...(f.explanation !== undefined ? { explanation: mask(f.explanation) } : {}) };
}

export function maskProblem(p: Problem, mask: (text: string) => string): Problem {
  return { ...p, message: mask(p.message), ...(p.found !== undefined ? { found: mask(p.found) } : {}) };
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
  problems: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { error: 0, warning: 0, info: 0, problems: 0 };
  for (const r of reports) {
    for (const f of r.findings) t[f.severity]++;
    t.problems += r.problems.length;
  }
  return t;
}

/** 1 when any finding is at or above `failOn` or a file has problems, else 0. */
export function exitCodeOf(reports: readonly FileReport[], failOn: Severity): 0 | 1 {
  const bar = SEVERITY_RANK[failOn];
  for (const r of reports) {
    if (r.problems.length > 0) return 1;
    if (r.findings.some((f) => SEVERITY_RANK[f.severity] >= bar)) return 1;
  }
  return 0;
}
