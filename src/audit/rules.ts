// The service-level rules the audit adds to the core's findings: their ids, categories, default
// severities and messages, and the Chinese labels of the audit's own categories (the labels of
// the rule categories come from the rule data).

import type { Severity } from '../types.js';

export const AUDIT_RULE_IDS = [
  'response-time/first-response',
  'response-time/reply-gap',
  'complaint-handling/no-apology',
  'complaint-handling/no-next-step',
  'complaint-handling/no-follow-up',
  'template-slot/unfilled',
] as const;
export type AuditRuleId = (typeof AUDIT_RULE_IDS)[number];

export interface AuditRule {
  id: AuditRuleId;
  category: string;
  /** Style advice (a missing apology or next step) is info by default (SPEC §2). */
  severity: Severity;
  title: string;
}

export const AUDIT_RULES: Readonly<Record<AuditRuleId, AuditRule>> = {
  'response-time/first-response': { id: 'response-time/first-response', category: 'response-time', severity: 'warning', title: '首次响应超时' },
  'response-time/reply-gap': { id: 'response-time/reply-gap', category: 'response-time', severity: 'warning', title: '回复间隔超时' },
  'complaint-handling/no-apology': { id: 'complaint-handling/no-apology', category: 'complaint-handling', severity: 'info', title: '投诉未致歉' },
  'complaint-handling/no-next-step': { id: 'complaint-handling/no-next-step', category: 'complaint-handling', severity: 'info', title: '投诉无具体处理方案' },
  'complaint-handling/no-follow-up': { id: 'complaint-handling/no-follow-up', category: 'complaint-handling', severity: 'warning', title: '投诉无人跟进' },
  'template-slot/unfilled': { id: 'template-slot/unfilled', category: 'template-slot', severity: 'error', title: '模板占位符未填写' },
};

/** Chinese names of the audit's own categories, for the report and the pretty summary. */
export const AUDIT_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  'response-time': '响应时效',
  'complaint-handling': '投诉处理',
  'template-slot': '模板未填写',
};
