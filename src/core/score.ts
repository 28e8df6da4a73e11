// The 0–100 score of a reply and whether it passes (SPEC §3).

import { SEVERITY_RANK, type Finding, type Severity } from '../types.js';

/** Points one finding costs. Repeats of a rule cost less: the second is already known. */
const COST: Readonly<Record<Severity, number>> = { error: 30, warning: 12, info: 3 };

export function scoreOf(findings: readonly Finding[]): number {
  let lost = 0;
  const seen = new Set<string>();
  for (const f of findings) {
    const cost = COST[f.severity];
    lost += seen.has(f.ruleId) ? cost / 3 : cost;
    seen.add(f.ruleId);
  }
  return Math.max(0, Math.round(100 - lost));
}

export function passes(findings: readonly Finding[], failOn: Severity): boolean {
  const bar = SEVERITY_RANK[failOn];
  return findings.every((f) => SEVERITY_RANK[f.severity] < bar);
}
