// Generated conversation logs with known violations: each conversation follows one pattern whose
// findings are written down here, so the tests can assert exact counts.

export interface LogTurn {
  session: string;
  role: 'agent' | 'customer';
  agent?: string;
  time?: string;
  text: string;
}

interface Step {
  role: 'agent' | 'customer';
  /** Seconds after the conversation starts. */
  at: number;
  text: string;
  /** Rule ids this turn is expected to carry. */
  rules?: string[];
}

/** Severity of each rule the patterns trigger (defaults of the shipped rules and audit settings). */
export const RULE_SEVERITY: Record<string, 'error' | 'warning' | 'info'> = {
  'response-time/first-response': 'warning',
  'response-time/reply-gap': 'warning',
  'complaint-handling/no-apology': 'info',
  'complaint-handling/no-next-step': 'info',
  'complaint-handling/no-follow-up': 'warning',
  'banned-phrase/dont-know': 'error',
  'template-slot/unfilled': 'error',
  'sensitive-data/mobile': 'error',
};

export const PATTERNS: Record<string, Step[]> = {
  clean: [
    { role: 'customer', at: 0, text: '我的快递到哪了' },
    { role: 'agent', at: 10, text: '好的，我帮您查询一下物流，请稍等' },
    { role: 'customer', at: 40, text: '谢谢' },
    { role: 'agent', at: 50, text: '不客气，祝您生活愉快' },
  ],
  slowFirst: [
    { role: 'customer', at: 0, text: '在吗' },
    { role: 'agent', at: 45, text: '您好，请问有什么可以帮您？', rules: ['response-time/first-response'] },
    { role: 'customer', at: 60, text: '什么时候发货' },
    { role: 'agent', at: 70, text: '您的包裹预计明天送达，请留意物流信息' },
  ],
  gap: [
    { role: 'customer', at: 0, text: '在吗' },
    { role: 'agent', at: 5, text: '您好，请问有什么可以帮您？' },
    { role: 'customer', at: 20, text: '我的快递到哪了' },
    { role: 'customer', at: 30, text: '人呢' },
    { role: 'agent', at: 145, text: '好的，我帮您查询一下物流，请稍等', rules: ['response-time/reply-gap'] },
  ],
  complaintGood: [
    { role: 'customer', at: 0, text: '我要投诉你们' },
    { role: 'agent', at: 8, text: '非常抱歉给您带来不便，已经为您登记加急处理，预计今天内回复您' },
  ],
  complaintBad: [
    { role: 'customer', at: 0, text: '东西坏了，太差了' },
    { role: 'agent', at: 8, text: '哦', rules: ['complaint-handling/no-apology', 'complaint-handling/no-next-step'] },
    { role: 'customer', at: 20, text: '？' },
    { role: 'agent', at: 25, text: '嗯嗯' },
  ],
  complaintNoFollowUp: [
    { role: 'customer', at: 0, text: '在吗' },
    { role: 'agent', at: 5, text: '您好，请问有什么可以帮您？' },
    { role: 'customer', at: 30, text: '差评！', rules: ['complaint-handling/no-follow-up'] },
  ],
  banned: [
    { role: 'customer', at: 0, text: '这个能用多久' },
    { role: 'agent', at: 10, text: '这个我也不知道', rules: ['banned-phrase/dont-know'] },
  ],
  slot: [
    { role: 'customer', at: 0, text: '我的订单发了吗' },
    { role: 'agent', at: 10, text: '您的订单{{订单号}}已发货', rules: ['template-slot/unfilled'] },
  ],
  phone: [
    { role: 'customer', at: 0, text: '我电话13800138000，帮我改一下' },
    { role: 'agent', at: 10, text: '您的电话是13912345678对吗', rules: ['sensitive-data/mobile'] },
  ],
};

export const AGENTS = ['客服甲', '客服乙', '客服丙', '客服丁'];
export const DAYS = ['2024-05-01', '2024-05-02', '2024-05-03'];

export interface Expected {
  sessions: number;
  agentTurns: number;
  customerTurns: number;
  violatingTurns: number;
  flaggedSessions: number;
  complaintSessions: number;
  byRule: Record<string, number>;
  byAgent: Record<string, { agentTurns: number; violatingTurns: number }>;
  byDay: Record<string, { agentTurns: number; violatingTurns: number }>;
}

/** `n` conversations cycling through the patterns; conversation i is served by AGENTS[i % 4]. */
export function generateLog(n: number): { turns: LogTurn[]; expected: Expected } {
  const names = Object.keys(PATTERNS);
  const turns: LogTurn[] = [];
  const e: Expected = { sessions: n, agentTurns: 0, customerTurns: 0, violatingTurns: 0, flaggedSessions: 0, complaintSessions: 0, byRule: {}, byAgent: {}, byDay: {} };
  for (let i = 0; i < n; i++) {
    const name = names[i % names.length]!;
    const agent = AGENTS[i % AGENTS.length]!;
    const day = DAYS[i % DAYS.length]!;
    const start = Date.parse(`${day}T09:00:00+08:00`) + (i % 500) * 60_000; // stays within the day
    let flagged = false;
    if (name.startsWith('complaint')) e.complaintSessions++;
    for (const s of PATTERNS[name]!) {
      const time = new Date(start + s.at * 1000 + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
      turns.push({ session: `g${String(i).padStart(5, '0')}`, role: s.role, ...(s.role === 'agent' ? { agent } : {}), time, text: s.text });
      const viol = (s.rules ?? []).some((r) => RULE_SEVERITY[r] !== 'info');
      if (viol) flagged = true;
      for (const r of s.rules ?? []) e.byRule[r] = (e.byRule[r] ?? 0) + 1;
      if (s.role === 'customer') {
        e.customerTurns++;
        continue;
      }
      e.agentTurns++;
      const a = (e.byAgent[agent] ??= { agentTurns: 0, violatingTurns: 0 });
      const d = (e.byDay[day] ??= { agentTurns: 0, violatingTurns: 0 });
      a.agentTurns++;
      d.agentTurns++;
      if (viol) {
        e.violatingTurns++;
        a.violatingTurns++;
        d.violatingTurns++;
      }
    }
    if (flagged) e.flaggedSessions++;
  }
  return { turns, expected: e };
}

export function toJsonl(turns: readonly LogTurn[]): string {
  return turns.map((t) => JSON.stringify(t)).join('\n') + '\n';
}

const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(turns: readonly LogTurn[]): string {
  return 'session,role,agent,time,text\n' + turns.map((t) => [t.session, t.role, t.agent ?? '', t.time ?? '', t.text].map(csvField).join(',')).join('\n') + '\n';
}

/** The same turns with conversations interleaved in groups of `width` (round robin). */
export function interleave(turns: readonly LogTurn[], width: number): LogTurn[] {
  const bySession = new Map<string, LogTurn[]>();
  for (const t of turns) (bySession.get(t.session) ?? bySession.set(t.session, []).get(t.session)!).push(t);
  const sessions = [...bySession.values()];
  const out: LogTurn[] = [];
  for (let g = 0; g < sessions.length; g += width) {
    const group = sessions.slice(g, g + width);
    for (let k = 0; group.some((s) => k < s.length); k++) for (const s of group) if (k < s.length) out.push(s[k]!);
  }
  return out;
}
