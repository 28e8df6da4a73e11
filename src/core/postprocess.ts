// Post-processing of findings as a chain of small pure steps (after textlint's kernel):
// drop overlaps within a rule → drop overlaps within a category → sort. Generic over anything
// with a rule, a category, a severity and a span, so the core can run it on candidates before
// it builds the findings it keeps.

import { SEVERITY_RANK, type Severity } from '../types.js';

export interface Spanned {
  ruleId: string;
  category: string;
  severity: Severity;
  start: number;
  end: number;
}

const overlaps = (a: Spanned, b: Spanned): boolean => a.start < b.end && b.start < a.end;

/** Prefers the finding that is more severe, then longer, then earlier. */
function better<T extends Spanned>(a: T, b: T): T {
  const sa = SEVERITY_RANK[a.severity];
  const sb = SEVERITY_RANK[b.severity];
  if (sa !== sb) return sa > sb ? a : b;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb ? a : b;
  return a.start <= b.start ? a : b;
}

/** Keeps one finding per overlapping cluster among findings that share `key`. */
function dedupeBy<T extends Spanned>(findings: readonly T[], key: (f: T) => string): T[] {
  const kept: T[] = [];
  for (const f of findings) {
    const k = key(f);
    let i = -1;
    for (let j = 0; j < kept.length; j++) {
      if (key(kept[j]!) === k && overlaps(f, kept[j]!)) {
        i = j;
        break;
      }
    }
    if (i < 0) kept.push(f);
    else kept[i] = better(kept[i]!, f);
  }
  return kept;
}

export const dedupeWithinRule = <T extends Spanned>(fs: readonly T[]): T[] => dedupeBy(fs, (f) => f.ruleId);
export const dedupeWithinCategory = <T extends Spanned>(fs: readonly T[]): T[] => dedupeBy(fs, (f) => f.category);

function compare(a: Spanned, b: Spanned): number {
  return a.start - b.start || a.end - b.end || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function sortFindings<T extends Spanned>(fs: T[]): T[] {
  return fs.sort(compare);
}

export function postprocess<T extends Spanned>(findings: T[]): T[] {
  if (findings.length < 2) return findings;
  return sortFindings(dedupeWithinCategory(dedupeWithinRule(sortFindings(findings))));
}
