// What the audit learns from one turn on its own, without the rest of the conversation: the core's
// findings and the masked text of an agent turn, unfilled template slots, and the complaint,
// apology and next-step cues. The same function runs in worker threads and in-process (--jobs 1),
// so both give identical results.

import type { Engine } from '../engine.js';
import type { Severity } from '../types.js';
import { compileCues } from './cues.js';
import { AUDIT_RULES } from './rules.js';
import type { AuditSettings } from './settings.js';

/** A finding as the audit keeps it: the SPEC §3 fields a report needs, already masked. */
export interface AuditFinding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the turn's text; -1 for findings about timing or the conversation. */
  start: number;
  end: number;
  excerpt: string;
}

/** A batch of turns, in input order: role 1 = agent, 0 = customer. */
export interface TurnBatch {
  roles: Uint8Array;
  texts: string[];
}

/** Turns with findings, by index in the batch, with their masked text. */
export interface TurnHit {
  i: number;
  masked: string;
  findings: AuditFinding[];
}

export interface BatchResult {
  /** CUE_* bits per turn. */
  flags: Uint8Array;
  /** Start and end of the first complaint cue per turn (-1 when none), for the finding's excerpt. */
  complaintAt: Int32Array;
  hits: TurnHit[];
}

export type SeverityOf = (ruleId: keyof typeof AUDIT_RULES) => Severity | 'off';

export function severityOf(settings: AuditSettings): SeverityOf {
  return (id) => settings.rules[id] ?? AUDIT_RULES[id].severity;
}

export function createAnalyzer(engine: Engine, settings: AuditSettings): (batch: TurnBatch) => BatchResult {
  const cues = compileCues(settings, engine.env.convert);
  const slotSeverity = severityOf(settings)('template-slot/unfilled');
  return ({ roles, texts }) => {
    const n = texts.length;
    const flags = new Uint8Array(n);
    const complaintAt = new Int32Array(2 * n).fill(-1);
    const hits: TurnHit[] = [];
    for (let i = 0; i < n; i++) {
      const text = texts[i]!;
      const agent = roles[i] === 1;
      const cue = cues.flags(agent ? 'agent' : 'customer', text);
      flags[i] = cue.flags;
      if (cue.complaintAt) [complaintAt[2 * i], complaintAt[2 * i + 1]] = cue.complaintAt;
      if (!agent) continue;
      const result = engine.check(text);
      const findings: AuditFinding[] = result.findings.map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        message: f.message,
        start: f.start,
        end: f.end,
        excerpt: f.excerpt,
      }));
      if (slotSeverity !== 'off') {
        for (const s of cues.slots(text, cue.normalized)) {
          const excerpt = result.text.slice(s.start, s.end);
          findings.push({
            ruleId: 'template-slot/unfilled',
            category: 'template-slot',
            severity: slotSeverity,
            message: `模板占位符“${excerpt}”没有填写就发给了客户`,
            start: s.start,
            end: s.end,
            excerpt,
          });
        }
      }
      if (findings.length > 0) hits.push({ i, masked: result.text, findings });
    }
    return { flags, complaintAt, hits };
  };
}
