// The audit's state: conversations that are still open, the service-level checks that need the
// order of turns (response times, complaint handling), and the counts behind every number of the
// summary. Turns arrive in input order; memory is bounded by the open conversations (closed after
// `sessionIdleLines` lines without a turn) and by the top-K conversations kept for the report.
//
// Assumption, documented in the README: a conversation's turns are in time order, and a log is
// mostly grouped by conversation. Interleaved conversations are fine as long as a conversation's
// next turn comes within `sessionIdleLines` lines; a conversation seen again after it was closed
// is audited as a separate conversation with the same id.

import { SEVERITY_RANK, type Severity } from '../types.js';
import { CUE_APOLOGY, CUE_COMPLAINT, CUE_NEXT_STEP } from './cues.js';
import { TopK } from './heap.js';
import type { InputProblem, TurnRecord } from './input.js';
import { AUDIT_RULES, type AuditRuleId } from './rules.js';
import type { AuditSettings } from './settings.js';
import type { AuditFinding, SeverityOf, TurnHit } from './turn-analysis.js';
import { Histogram } from './histogram.js';

export const UNKNOWN_AGENT = '(未标注)';

/** A turn as the auditor keeps it for display: the record itself, with findings attached. */
export type StoredTurn = TurnRecord;

interface Answer {
  complaintExcerpt: string;
  first: StoredTurn;
  agent: string;
  apology: boolean;
  nextStep: boolean;
}

const NONE: ReadonlySet<string> = new Set();

/** What the findings of a conversation touch; created with its first finding (most conversations have none). */
interface Touched {
  severities: Record<Severity, number>;
  flaggedAgents: Set<string>;
  rules: Set<string>;
  categories: Set<string>;
  days: Set<string>;
}

export class Conversation {
  readonly turns: StoredTurn[] = [];
  /** Turns audited but not kept for display (beyond maxStoredTurns). */
  truncated = 0;
  score = 0;
  violations = 0;
  /** Agents of the conversation, in order of appearance. */
  readonly agents: string[] = [];
  touched: Touched | null = null;
  firstDay: string | null = null;
  complaints = 0;
  lastAgent: string | null = null;
  lastSeen = 0;
  /** Neighbours in the auditor's list of open conversations, least recently seen first. */
  older: Conversation | null = null;
  newer: Conversation | null = null;
  // Order-dependent state of the service-level checks.
  responded = false;
  pending = false;
  pendingTime: number | null = null;
  prevRole: 'agent' | 'customer' | null = null;
  complaint: { turn: StoredTurn; excerpt: string; start: number; end: number } | null = null;
  answer: Answer | null = null;

  constructor(
    readonly id: string,
    readonly seq: number,
    readonly file: string,
    readonly firstLine: number,
  ) {}

  get severities(): Readonly<Record<Severity, number>> {
    return this.touched?.severities ?? { error: 0, warning: 0, info: 0 };
  }
  get flaggedAgents(): ReadonlySet<string> {
    return this.touched?.flaggedAgents ?? NONE;
  }
  get rules(): ReadonlySet<string> {
    return this.touched?.rules ?? NONE;
  }
  get categories(): ReadonlySet<string> {
    return this.touched?.categories ?? NONE;
  }
  get days(): ReadonlySet<string> {
    return this.touched?.days ?? NONE;
  }
}

export interface AgentStats {
  agent: string;
  sessions: number;
  flaggedSessions: number;
  agentTurns: number;
  violatingTurns: number;
  findings: number;
  byCategory: Record<string, number>;
  firstResponse: { count: number; totalSeconds: number; over: number };
  replies: { count: number; totalSeconds: number; over: number };
}

export interface RuleStats {
  ruleId: string;
  category: string;
  severity: Severity;
  findings: number;
  sessions: number;
}

export interface CategoryStats {
  category: string;
  findings: number;
  turns: number;
  sessions: number;
}

export interface DayStats {
  day: string;
  sessions: number;
  agentTurns: number;
  violatingTurns: number;
  findings: number;
}

const WEIGHT: Readonly<Record<Severity, number>> = { error: 10, warning: 3, info: 1 };
const MAX_PROBLEMS = 100;

const worse = (a: Conversation, b: Conversation): boolean => a.score > b.score || (a.score === b.score && a.seq < b.seq);

function fmtSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒`;
  return `${Math.floor(s / 3600)} 小时 ${Math.round((s % 3600) / 60)} 分`;
}

export class Auditor {
  /** Open conversations by id; also linked from least to most recently seen (oldest … newest). */
  readonly open = new Map<string, Conversation>();
  private oldest: Conversation | null = null;
  private newest: Conversation | null = null;
  readonly agents = new Map<string, AgentStats>();
  readonly rules = new Map<string, RuleStats>();
  readonly categories = new Map<string, CategoryStats>();
  readonly days = new Map<string, DayStats>();
  readonly worst: TopK<Conversation>;
  readonly groups = { agent: new Map<string, TopK<Conversation>>(), rule: new Map<string, TopK<Conversation>>(), category: new Map<string, TopK<Conversation>>(), day: new Map<string, TopK<Conversation>>() };
  readonly firstWait = new Histogram();
  readonly replyWait = new Histogram();
  readonly problems: InputProblem[] = [];
  readonly totals = {
    sessions: 0,
    flaggedSessions: 0,
    turns: 0,
    agentTurns: 0,
    customerTurns: 0,
    violatingTurns: 0,
    complaintTurns: 0,
    complaintSessions: 0,
    timedTurns: 0,
    badLines: 0,
    findings: { error: 0, warning: 0, info: 0 } as Record<Severity, number>,
  };
  private seq = 0;
  private readonly violationRank: number;

  constructor(
    readonly settings: AuditSettings,
    readonly top: number,
    private readonly severity: SeverityOf,
  ) {
    this.worst = new TopK(top, worse);
    this.violationRank = SEVERITY_RANK[settings.violationSeverity];
  }

  problem(p: InputProblem): void {
    this.totals.badLines++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  /** One turn, with what the analyser found in it (flags, complaint span, findings). */
  turn(rec: TurnRecord, flags: number, complaintStart: number, complaintEnd: number, hit: TurnHit | undefined): void {
    const seq = ++this.seq;
    let c = this.open.get(rec.session);
    if (c) {
      if (c !== this.newest) {
        this.unlink(c);
        this.append(c);
      }
    } else {
      c = new Conversation(rec.session, seq, rec.file, rec.line);
      this.totals.sessions++;
      this.open.set(rec.session, c);
      this.append(c);
    }
    c.lastSeen = seq;
    this.totals.turns++;
    if (rec.time !== null) this.totals.timedTurns++;
    if (rec.day !== null && c.firstDay === null) {
      c.firstDay = rec.day;
      this.day(rec.day).sessions++;
    }
    const turn: StoredTurn = rec;
    turn.masked = rec.role === 'agent';
    if (c.turns.length < this.settings.maxStoredTurns) c.turns.push(turn);
    else c.truncated++;

    if (rec.role === 'customer') this.customerTurn(c, rec, turn, flags, complaintStart, complaintEnd);
    else this.agentTurn(c, rec, turn, flags, hit);
    c.prevRole = rec.role;
    this.closeIdle(seq);
  }

  private customerTurn(c: Conversation, rec: TurnRecord, turn: StoredTurn, flags: number, cs: number, ce: number): void {
    this.totals.customerTurns++;
    if (rec.agent !== null) c.lastAgent = rec.agent;
    if (c.prevRole === 'agent') this.endAnswer(c);
    if (!c.pending) {
      c.pending = true;
      c.pendingTime = rec.time;
    }
    if (flags & CUE_COMPLAINT) {
      this.totals.complaintTurns++;
      if (c.complaints++ === 0) this.totals.complaintSessions++;
      c.complaint ??= { turn, excerpt: cs >= 0 ? rec.text.slice(cs, ce) : '', start: cs, end: ce };
    }
  }

  private agentTurn(c: Conversation, rec: TurnRecord, turn: StoredTurn, flags: number, hit: TurnHit | undefined): void {
    this.totals.agentTurns++;
    const agent = rec.agent ?? c.lastAgent ?? UNKNOWN_AGENT;
    if (rec.agent !== null) c.lastAgent = rec.agent;
    turn.agent = agent;
    if (!c.agents.includes(agent)) c.agents.push(agent);
    const stats = this.agent(agent);
    stats.agentTurns++;
    if (rec.day !== null) this.day(rec.day).agentTurns++;
    if (hit) {
      turn.text = hit.masked;
      turn.findings = hit.findings;
      for (const f of hit.findings) this.count(c, turn, agent, f);
    }
    if (c.pending) {
      const first = !c.responded;
      c.responded = true;
      c.pending = false;
      if (c.pendingTime !== null && rec.time !== null && rec.time >= c.pendingTime) this.wait(c, turn, agent, (rec.time - c.pendingTime) / 1000, first);
      if (c.complaint) {
        c.answer = { complaintExcerpt: c.complaint.excerpt, first: turn, agent, apology: false, nextStep: false };
        c.complaint = null;
      }
    }
    if (c.answer) {
      c.answer.apology ||= (flags & CUE_APOLOGY) !== 0;
      c.answer.nextStep ||= (flags & CUE_NEXT_STEP) !== 0;
    }
  }

  private wait(c: Conversation, turn: StoredTurn, agent: string, seconds: number, first: boolean): void {
    turn.wait = seconds;
    const s = this.agent(agent);
    const bucket = first ? s.firstResponse : s.replies;
    (first ? this.firstWait : this.replyWait).add(seconds);
    bucket.count++;
    bucket.totalSeconds += seconds;
    const limit = first ? this.settings.firstResponseSeconds : this.settings.gapSeconds;
    if (seconds <= limit) return;
    bucket.over++;
    const id: AuditRuleId = first ? 'response-time/first-response' : 'response-time/reply-gap';
    const message = first ? `首次响应用时 ${fmtSeconds(seconds)}，超过 ${limit} 秒的标准` : `客户等待 ${fmtSeconds(seconds)} 才得到回复，超过 ${limit} 秒的标准`;
    this.slaFinding(c, turn, agent, id, message, -1, -1, '');
  }

  /** The agent block that answered a complaint is over: did it apologise and name a next step? */
  private endAnswer(c: Conversation): void {
    const a = c.answer;
    if (!a) return;
    c.answer = null;
    const quoted = a.complaintExcerpt ? `（“${a.complaintExcerpt}”）` : '';
    if (!a.apology) this.slaFinding(c, a.first, a.agent, 'complaint-handling/no-apology', `客户投诉${quoted}后，客服的回复没有致歉（先道歉共情，再给方案）`, -1, -1, '');
    if (!a.nextStep) this.slaFinding(c, a.first, a.agent, 'complaint-handling/no-next-step', `客户投诉${quoted}后，客服的回复没有具体的处理方案或时间（如“帮您登记处理，预计…回复您”）`, -1, -1, '');
  }

  private slaFinding(c: Conversation, turn: StoredTurn, agent: string, id: AuditRuleId, message: string, start: number, end: number, excerpt: string): void {
    const severity = this.severity(id);
    if (severity === 'off') return;
    const f: AuditFinding = { ruleId: id, category: AUDIT_RULES[id].category, severity, message, start, end, excerpt };
    (turn.findings ??= []).push(f);
    this.count(c, turn, agent, f);
  }

  private count(c: Conversation, turn: StoredTurn, agent: string, f: AuditFinding): void {
    this.totals.findings[f.severity]++;
    let r = this.rules.get(f.ruleId);
    if (!r) this.rules.set(f.ruleId, (r = { ruleId: f.ruleId, category: f.category, severity: f.severity, findings: 0, sessions: 0 }));
    r.findings++;
    const cat = this.category(f.category);
    cat.findings++;
    const a = this.agent(agent);
    a.findings++;
    a.byCategory[f.category] = (a.byCategory[f.category] ?? 0) + 1;
    if (turn.day !== null) this.day(turn.day).findings++;
    c.score += WEIGHT[f.severity];
    const t = (c.touched ??= { severities: { error: 0, warning: 0, info: 0 }, flaggedAgents: new Set(), rules: new Set(), categories: new Set(), days: new Set() });
    t.severities[f.severity]++;
    t.rules.add(f.ruleId);
    t.categories.add(f.category);
    t.flaggedAgents.add(agent);
    if (turn.day !== null) t.days.add(turn.day);
    const violation = SEVERITY_RANK[f.severity] >= this.violationRank;
    if (violation) c.violations++;
    if (turn.role !== 'agent') return;
    const cats = (turn.categories ??= []);
    if (!cats.includes(f.category)) {
      cats.push(f.category);
      cat.turns++;
    }
    if (violation && !turn.violating) {
      turn.violating = true;
      this.totals.violatingTurns++;
      a.violatingTurns++;
      if (turn.day !== null) this.day(turn.day).violatingTurns++;
    }
  }

  private closeIdle(seq: number): void {
    const limit = seq - this.settings.sessionIdleLines;
    while (this.oldest !== null && this.oldest.lastSeen <= limit) this.close(this.oldest);
  }

  /** Ends every open conversation (end of input), least recently seen first. */
  closeAll(): void {
    while (this.oldest !== null) this.close(this.oldest);
  }

  private append(c: Conversation): void {
    c.older = this.newest;
    c.newer = null;
    if (this.newest) this.newest.newer = c;
    else this.oldest = c;
    this.newest = c;
  }

  private unlink(c: Conversation): void {
    if (c.older) c.older.newer = c.newer;
    else this.oldest = c.newer;
    if (c.newer) c.newer.older = c.older;
    else this.newest = c.older;
    c.older = c.newer = null;
  }

  private close(c: Conversation): void {
    this.open.delete(c.id);
    this.unlink(c);
    this.endAnswer(c);
    if (c.complaint) {
      const k = c.complaint;
      c.complaint = null;
      const agent = c.lastAgent ?? UNKNOWN_AGENT;
      const quoted = k.excerpt ? `（“${k.excerpt}”）` : '';
      this.slaFinding(c, k.turn, agent, 'complaint-handling/no-follow-up', `客户投诉${quoted}后，会话里再没有客服回复，投诉无人跟进`, k.start, k.end, k.excerpt);
    }
    for (const a of c.agents) this.agent(a).sessions++;
    if (c.violations > 0) {
      this.totals.flaggedSessions++;
      for (const a of c.flaggedAgents) this.agent(a).flaggedSessions++;
    }
    for (const id of c.rules) this.rules.get(id)!.sessions++;
    for (const cat of c.categories) this.category(cat).sessions++;
    if (c.score === 0) return;
    this.worst.offer(c);
    const per = this.settings.perGroup;
    const offer = (m: Map<string, TopK<Conversation>>, key: string): void => {
      let h = m.get(key);
      if (!h) m.set(key, (h = new TopK(per, worse)));
      h.offer(c);
    };
    for (const a of c.flaggedAgents) offer(this.groups.agent, a);
    for (const id of c.rules) offer(this.groups.rule, id);
    for (const cat of c.categories) offer(this.groups.category, cat);
    for (const d of c.days) offer(this.groups.day, d);
  }

  private agent(name: string): AgentStats {
    let a = this.agents.get(name);
    if (!a) {
      a = { agent: name, sessions: 0, flaggedSessions: 0, agentTurns: 0, violatingTurns: 0, findings: 0, byCategory: {}, firstResponse: { count: 0, totalSeconds: 0, over: 0 }, replies: { count: 0, totalSeconds: 0, over: 0 } };
      this.agents.set(name, a);
    }
    return a;
  }

  private category(name: string): CategoryStats {
    let c = this.categories.get(name);
    if (!c) this.categories.set(name, (c = { category: name, findings: 0, turns: 0, sessions: 0 }));
    return c;
  }

  private day(d: string): DayStats {
    let s = this.days.get(d);
    if (!s) this.days.set(d, (s = { day: d, sessions: 0, agentTurns: 0, violatingTurns: 0, findings: 0 }));
    return s;
  }

  /** Every conversation kept for the report (worst overall and behind each group), once each. */
  retained(): Conversation[] {
    const all = new Set<Conversation>(this.worst.sorted());
    for (const m of Object.values(this.groups)) for (const h of m.values()) for (const c of h.sorted()) all.add(c);
    return [...all].sort((a, b) => a.seq - b.seq);
  }
}
