// The `audit:` section of a team's configuration: service-level thresholds and cue lists, with
// the defaults taken from the service handbooks in shared/seeds, validated strictly so that a
// typo is reported with the configuration file, line and column.

import { z } from 'zod';
import { SEVERITIES } from '../types.js';
import { parseSection } from '../config/section.js';
import { AUDIT_RULE_IDS } from './rules.js';

const severitySetting = z.enum(['error', 'warning', 'info', 'off']);

export const auditSettingsSchema = z
  .object({
    /**
     * Longest wait, in seconds, for the first agent reply after the customer's first message.
     * Handbooks: 「30秒内回复用户，避免因等待过久引发不满」,「确保30秒内响应」.
     */
    firstResponseSeconds: z.number().positive().default(30),
    /**
     * Longest wait for any later reply (from the customer's first unanswered message to the next
     * agent turn). Handbook: 「能在1分钟内准确回答客户关于…高频问题」.
     */
    gapSeconds: z.number().positive().default(60),
    /** Lowest severity that makes an agent turn count as a violation in the rates. */
    violationSeverity: z.enum(SEVERITIES).default('warning'),
    /** Severity of each audit rule (service-level checks), or off. */
    rules: z.partialRecord(z.enum(AUDIT_RULE_IDS), severitySetting).default({}),
    /** More complaint cues (customer wording), added to the built-in ones. */
    complaintCues: z.array(z.string().min(2)).default([]),
    /** More apology cues (agent wording). */
    apologyCues: z.array(z.string().min(2)).default([]),
    /** More next-step cues (agent wording that commits to a concrete action). */
    nextStepCues: z.array(z.string().min(2)).default([]),
    /** Slot names that count as an unfilled placeholder in [..] or 【..】, added to the built-in ones. */
    slotWords: z.array(z.string().min(1)).default([]),
    /** A conversation is closed when its id has not been seen for this many input lines. */
    sessionIdleLines: z.number().int().min(100).default(20_000),
    /** Conversations listed behind each agent, rule, category and day in the report. */
    perGroup: z.number().int().min(1).max(50).default(5),
    /** Turns of one conversation kept for display (later turns are still audited). */
    maxStoredTurns: z.number().int().min(10).max(10_000).default(200),
  })
  .strict();

export type AuditSettings = z.output<typeof auditSettingsSchema>;

/** Defaults only (no configuration file). */
export function defaultAuditSettings(): AuditSettings {
  return auditSettingsSchema.parse({});
}

/**
 * Validates the raw `audit:` section of the configuration. Problems carry the configuration
 * file's line and column (the file is parsed again for positions only when something is wrong).
 */
export function parseAuditSettings(raw: unknown, configFile: string | null): AuditSettings {
  return parseSection(auditSettingsSchema, 'audit', raw, configFile, ' (see the audit: section in the README)');
}
