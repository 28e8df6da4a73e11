// Post-processing of findings as a chain of small pure steps (after textlint's kernel):
// drop overlaps within a rule → drop overlaps within a category → sort.

import { SEVERITY_RANK, type Finding } from '../types.js';

const overlaps = (a: Finding, b: Finding): boolean => a.start < b.end && b.start < a.end;

/** Prefers the finding that is more severe, then longer, then earlier. */
function better(a: Finding, b: Finding): Finding {
  const sa = SEVERITY_RANK[a.severity];
  const sb = SEVERITY_RANK[b.severity];
  if (sa !== sb) return sa > sb ? a : b;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb ? a : b;
  return a.start <= b.start ? a : b;
}

/** Keeps one finding per overlapping cluster among findings that share `key`. */
function dedupeBy(findings: Finding[], key: (f: Finding) => string): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings) {
    const k = key(f);
    const i = kept.findIndex((g) => key(g) === k && overlaps(f, g));
    if (i < 0) kept.push(f);
    else kept[i] = better(kept[i]!, f);
  }
  return kept;
}

export const dedupeWithinRule = (fs: Finding[]): Finding[] => dedupeBy(fs, (f) => f.ruleId);
export const dedupeWithinCategory = (fs: Finding[]): Finding[] => dedupeBy(fs, (f) => f.category);

export function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort(
    (a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

export function postprocess(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  return sortFindings(dedupeWithinCategory(dedupeWithinRule(sortFindings(findings))));
}
