// The service-level checks, table-driven: each case is a short conversation and the rule ids
// expected on its turns. All cases run through the real audit (in this thread, --jobs 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../src/audit/run.js';
import type { AuditSummary } from '../../src/audit/summary.js';

type T = [role: 'c' | 'a', at: number | null, text: string];
interface Case {
  name: string;
  turns: T[];
  /** "rule-id@turn index" */
  want: string[];
}

const FR = 'response-time/first-response';
const GAP = 'response-time/reply-gap';
const NA = 'complaint-handling/no-apology';
const NS = 'complaint-handling/no-next-step';
const NF = 'complaint-handling/no-follow-up';

const CASES: Case[] = [
  { name: 'first reply within 30 s', turns: [['c', 0, '在吗'], ['a', 30, '您好，请问有什么可以帮您？']], want: [] },
  { name: 'first reply after 31 s', turns: [['c', 0, '在吗'], ['a', 31, '您好，请问有什么可以帮您？']], want: [`${FR}@1`] },
  { name: 'the wait counts from the first unanswered message', turns: [['c', 0, '在吗'], ['a', 5, '您好'], ['c', 10, '人呢'], ['c', 50, '？'], ['a', 75, '好的，这边帮您查询']], want: [`${GAP}@4`] },
  { name: 'a later reply after exactly 60 s is on time', turns: [['c', 0, '在吗'], ['a', 5, '您好'], ['c', 10, '发货了吗'], ['a', 70, '好的，这边帮您查询']], want: [] },
  { name: 'no times, no response-time checks', turns: [['c', null, '在吗'], ['a', null, '您好']], want: [] },
  { name: 'the agent writes first: nothing to answer', turns: [['a', 0, '您好，欢迎光临'], ['c', 100, '在吗'], ['a', 110, '在的亲']], want: [] },
  { name: 'complaint answered with apology and next step', turns: [['c', 0, '我要投诉'], ['a', 5, '非常抱歉，马上为您处理，预计今天内回复您']], want: [] },
  { name: 'complaint answered with apology only', turns: [['c', 0, '太失望了'], ['a', 5, '非常抱歉']], want: [`${NS}@1`] },
  { name: 'complaint answered without either', turns: [['c', 0, '给差评'], ['a', 5, '哦']], want: [`${NA}@1`, `${NS}@1`] },
  { name: 'the whole agent block counts', turns: [['c', 0, '我要投诉'], ['a', 5, '亲'], ['a', 8, '抱歉，这边帮您登记处理']], want: [] },
  { name: 'an apology after the customer speaks again is too late', turns: [['c', 0, '差评'], ['a', 5, '哦'], ['c', 10, '？'], ['a', 15, '抱歉，马上为您处理']], want: [`${NA}@1`, `${NS}@1`] },
  { name: 'a complaint nobody answers', turns: [['c', 0, '在吗'], ['a', 5, '您好'], ['c', 10, '我要投诉你们']], want: [`${NF}@2`] },
  { name: 'a slow answer to a complaint is late and impolite', turns: [['c', 0, '骗子'], ['a', 100, '嗯']], want: [`${FR}@1`, `${NA}@1`, `${NS}@1`] },
  { name: 'a template slot left in the reply', turns: [['c', 0, '发货了吗'], ['a', 5, '您的订单{{订单号}}已发货']], want: ['template-slot/unfilled@1'] },
];

let dir: string;
let summary: AuditSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-sla-'));
  const lines: string[] = [];
  CASES.forEach((c, k) => {
    const base = Date.parse('2024-06-01T10:00:00Z');
    for (const [role, at, text] of c.turns) {
      const time = at === null ? undefined : new Date(base + at * 1000).toISOString();
      lines.push(JSON.stringify({ session: `case${k}`, role: role === 'a' ? 'agent' : 'customer', ...(role === 'a' ? { agent: '客服' } : {}), ...(time ? { time } : {}), text }));
    }
  });
  writeFileSync(join(dir, 'cases.jsonl'), lines.join('\n') + '\n');
  summary = (await runAudit({ files: [join(dir, 'cases.jsonl')], jobs: 1, top: 100, engine: { config: false } })).summary;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('service-level checks', () => {
  it.each(CASES.map((c, k) => [c.name, k] as const))('%s', (_name, k) => {
    const c = CASES[k]!;
    const conv = [...summary.worst, ...summary.conversations].find((x) => x.session === `case${k}`);
    const got = conv ? conv.turns.flatMap((t, i) => t.findings.map((f) => `${f.ruleId}@${i}`)) : [];
    expect(got.sort()).toEqual([...c.want].sort());
  });

  it('counts every case once', () => {
    expect(summary.totals.sessions).toBe(CASES.length);
    const total = Object.fromEntries(summary.byRule.map((r) => [r.ruleId, r.findings]));
    const want: Record<string, number> = {};
    for (const c of CASES) for (const w of c.want) want[w.split('@')[0]!] = (want[w.split('@')[0]!] ?? 0) + 1;
    expect(total).toEqual(want);
  });
});
