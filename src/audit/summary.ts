// The audit's result as plain data: totals, rates per category, agent, rule and day, the response
// time distribution, and the conversations behind the numbers — every text masked. This is what
// `--format json` prints and what the HTML report is drawn from.

import type { Severity } from '../types.js';
import type { Auditor, Conversation } from './auditor.js';
import { BANDS } from './histogram.js';
import { AUDIT_RULES, AUDIT_CATEGORY_LABELS, type AuditRuleId } from './rules.js';
import type { AuditSettings } from './settings.js';
import type { AuditFinding } from './turn-analysis.js';

export interface SummaryTurn {
  line: number;
  role: 'agent' | 'customer';
  agent: string | null;
  time: string | null;
  /** Seconds the customer waited for this reply, when known. */
  waitSeconds?: number;
  text: string;
  findings: AuditFinding[];
}

export interface SummaryConversation {
  /** Unique within the summary (the session id, with ~2, ~3 … for a reopened id). */
  key: string;
  session: string;
  file: string;
  line: number;
  agents: string[];
  score: number;
  findings: Record<Severity, number>;
  rules: string[];
  turns: SummaryTurn[];
  /** Turns audited but not listed (beyond maxStoredTurns). */
  moreTurns: number;
}

export interface ResponseStats {
  limitSeconds: number;
  count: number;
  meanSeconds: number | null;
  p50Seconds: number | null;
  p90Seconds: number | null;
  overLimit: number;
}

export interface AuditSummary {
  tool: 'replylint audit';
  version: string;
  files: string[];
  settings: { firstResponseSeconds: number; gapSeconds: number; violationSeverity: Severity; rules: Record<string, string> };
  totals: {
    sessions: number;
    flaggedSessions: number;
    flaggedSessionRate: number;
    turns: number;
    agentTurns: number;
    customerTurns: number;
    violatingTurns: number;
    violationRate: number;
    complaintTurns: number;
    complaintSessions: number;
    timedTurns: number;
    badLines: number;
    findings: Record<Severity, number>;
  };
  responseTimes: { first: ResponseStats; replies: ResponseStats; bands: Array<{ label: string; first: number; replies: number }> };
  byCategory: Array<{ category: string; label: string; findings: number; turns: number; sessions: number; sessionRate: number; turnRate: number; conversations: string[] }>;
  byAgent: Array<{
    agent: string;
    sessions: number;
    flaggedSessions: number;
    agentTurns: number;
    violatingTurns: number;
    violationRate: number;
    findings: number;
    byCategory: Record<string, number>;
    firstResponse: ResponseStats;
    replies: ResponseStats;
    conversations: string[];
  }>;
  byRule: Array<{ ruleId: string; title: string | null; category: string; severity: Severity; findings: number; sessions: number; conversations: string[] }>;
  byDay: Array<{ day: string; sessions: number; agentTurns: number; violatingTurns: number; violationRate: number; findings: number; conversations: string[] }>;
  /** The worst conversations, worst first. */
  worst: SummaryConversation[];
  /** Further conversations behind a group's number that are not among the worst. */
  conversations: SummaryConversation[];
  problems: Array<{ file: string; line: number; message: string }>;
  /** The label of every category that occurs, from the rule data (and the audit's own). */
  categoryLabels: Record<string, string>;
}

const rate = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000);
const round1 = (x: number): number => Math.round(x * 10) / 10;

function responseStats(limit: number, count: number, total: number, over: number, h?: { quantile(q: number): number | null }): ResponseStats {
  return {
    limitSeconds: limit,
    count,
    meanSeconds: count === 0 ? null : round1(total / count),
    p50Seconds: h ? h.quantile(0.5) : null,
    p90Seconds: h ? h.quantile(0.9) : null,
    overLimit: over,
  };
}

export interface SummaryOptions {
  version: string;
  files: string[];
  /**
   * Masks personal data in a text (same length). Everything the input supplied goes through it:
   * turn texts, finding messages that quote a turn, problems.
   */
  mask(text: string): string;
  /** Masks a field that is one value by itself: agent names, session ids (default: `mask`). */
  maskField?(text: string): string;
  /** Chinese labels of the rule categories, as the rule files declare them. */
  categoryLabels?: Readonly<Record<string, string>>;
}

/**
 * Display names for raw names (agent names, session ids), masked and unique: two ids that mask
 * alike (two phone numbers as session ids) get ~2, ~3 … like a reopened session.
 */
function uniqueMasked(mask: (text: string) => string): (raw: string, occurrence?: unknown) => string {
  const shown = new Map<unknown, string>();
  const taken = new Map<string, number>();
  return (raw, occurrence = raw) => {
    let name = shown.get(occurrence);
    if (name === undefined) {
      const base = mask(raw);
      const n = (taken.get(base) ?? 0) + 1;
      taken.set(base, n);
      name = n === 1 ? base : `${base}~${n}`;
      shown.set(occurrence, name);
    }
    return name;
  };
}

export function buildSummary(a: Auditor, settings: AuditSettings, o: SummaryOptions): AuditSummary {
  const labels: Record<string, string> = { ...AUDIT_CATEGORY_LABELS, ...o.categoryLabels };
  const categoryLabel = (c: string): string => labels[c] ?? c;
  const retained = a.retained();
  // Session keys: the masked session id, unique (a reopened id, or two ids that mask alike, get ~2 …).
  const maskField = o.maskField ?? o.mask;
  const sessionKey = uniqueMasked(maskField);
  const keys = new Map<Conversation, string>();
  for (const c of retained) keys.set(c, sessionKey(c.id, c));
  const agentName = uniqueMasked(maskField);
  const session = new Map<string, string>();
  const sessionOf = (id: string): string => session.get(id) ?? (session.set(id, maskField(id)), session.get(id)!);
  const keysOf = (m: Map<string, { sorted(): Conversation[] }>, k: string): string[] => (m.get(k)?.sorted() ?? []).map((c) => keys.get(c)!);

  const conv = (c: Conversation): SummaryConversation => ({
    key: keys.get(c)!,
    session: sessionOf(c.id),
    file: c.file,
    line: c.firstLine,
    agents: [...c.agents].map((x) => agentName(x)),
    score: c.score,
    findings: { ...c.severities },
    rules: [...c.rules].sort(),
    turns: c.turns.map((t) => {
      if (!t.masked) {
        t.text = o.mask(t.text);
        t.masked = true;
      }
      // Findings of the core are masked already; an audit rule's message may quote a customer turn.
      const findings = (t.findings ?? []).map((f) => ({ ...f, message: o.mask(f.message) }));
      return { line: t.line, role: t.role, agent: t.agent === null ? null : agentName(t.agent), time: t.timeText, ...(t.wait >= 0 ? { waitSeconds: round1(t.wait) } : {}), text: t.text, findings };
    }),
    moreTurns: c.truncated,
  });

  const worstList = a.worst.sorted();
  const inWorst = new Set(worstList);
  const t = a.totals;
  let firstOver = 0;
  let replyOver = 0;
  for (const s of a.agents.values()) {
    firstOver += s.firstResponse.over;
    replyOver += s.replies.over;
  }
  const fb = a.firstWait.bands();
  const rb = a.replyWait.bands();

  return {
    tool: 'replylint audit',
    version: o.version,
    files: o.files,
    settings: {
      firstResponseSeconds: settings.firstResponseSeconds,
      gapSeconds: settings.gapSeconds,
      violationSeverity: settings.violationSeverity,
      rules: Object.fromEntries(Object.values(AUDIT_RULES).map((r) => [r.id, settings.rules[r.id] ?? r.severity])),
    },
    totals: {
      sessions: t.sessions,
      flaggedSessions: t.flaggedSessions,
      flaggedSessionRate: rate(t.flaggedSessions, t.sessions),
      turns: t.turns,
      agentTurns: t.agentTurns,
      customerTurns: t.customerTurns,
      violatingTurns: t.violatingTurns,
      violationRate: rate(t.violatingTurns, t.agentTurns),
      complaintTurns: t.complaintTurns,
      complaintSessions: t.complaintSessions,
      timedTurns: t.timedTurns,
      badLines: t.badLines,
      findings: { ...t.findings },
    },
    responseTimes: {
      first: responseStats(settings.firstResponseSeconds, a.firstWait.count, a.firstWait.total, firstOver, a.firstWait),
      replies: responseStats(settings.gapSeconds, a.replyWait.count, a.replyWait.total, replyOver, a.replyWait),
      bands: BANDS.map((b, i) => ({ label: b.label, first: fb[i]!.count, replies: rb[i]!.count })),
    },
    byCategory: [...a.categories.values()]
      .sort((x, y) => y.sessions - x.sessions || y.findings - x.findings || x.category.localeCompare(y.category))
      .map((c) => ({ category: c.category, label: categoryLabel(c.category), findings: c.findings, turns: c.turns, sessions: c.sessions, sessionRate: rate(c.sessions, t.sessions), turnRate: rate(c.turns, t.agentTurns), conversations: keysOf(a.groups.category, c.category) })),
    byAgent: [...a.agents.values()]
      .sort((x, y) => rate(y.violatingTurns, y.agentTurns) - rate(x.violatingTurns, x.agentTurns) || y.agentTurns - x.agentTurns || x.agent.localeCompare(y.agent))
      .map((s) => ({
        agent: agentName(s.agent),
        sessions: s.sessions,
        flaggedSessions: s.flaggedSessions,
        agentTurns: s.agentTurns,
        violatingTurns: s.violatingTurns,
        violationRate: rate(s.violatingTurns, s.agentTurns),
        findings: s.findings,
        byCategory: s.byCategory,
        firstResponse: responseStats(settings.firstResponseSeconds, s.firstResponse.count, s.firstResponse.totalSeconds, s.firstResponse.over),
        replies: responseStats(settings.gapSeconds, s.replies.count, s.replies.totalSeconds, s.replies.over),
        conversations: keysOf(a.groups.agent, s.agent),
      })),
    byRule: [...a.rules.values()]
      .sort((x, y) => y.findings - x.findings || x.ruleId.localeCompare(y.ruleId))
      .map((r) => ({ ruleId: r.ruleId, title: AUDIT_RULES[r.ruleId as AuditRuleId]?.title ?? null, category: r.category, severity: r.severity, findings: r.findings, sessions: r.sessions, conversations: keysOf(a.groups.rule, r.ruleId) })),
    byDay: [...a.days.values()]
      .sort((x, y) => x.day.localeCompare(y.day))
      .map((d) => ({ day: d.day, sessions: d.sessions, agentTurns: d.agentTurns, violatingTurns: d.violatingTurns, violationRate: rate(d.violatingTurns, d.agentTurns), findings: d.findings, conversations: keysOf(a.groups.day, d.day) })),
    worst: worstList.map(conv),
    conversations: retained.filter((c) => !inWorst.has(c)).map(conv),
    problems: a.problems.map((p) => ({ file: p.file, line: p.line, message: o.mask(p.message) })),
    categoryLabels: Object.fromEntries([...a.categories.keys()].map((c) => [c, categoryLabel(c)])),
  };
}

