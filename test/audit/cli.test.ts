// `replylint audit` end to end on generated logs with known violations: exact counts, worker
// threads vs one thread, CSV vs JSON Lines, interleaved conversations, bad input, masking,
// configuration errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { generateLog, interleave, toCsv, toJsonl, type Expected } from './generate.js';
import type { AuditSummary } from '../../src/audit/summary.js';

let dir: string;
let expected: Expected;
let base: AuditSummary;
const N = 900;

const audit = (args: string[], cwd = dir) => runCli(['audit', '--no-config', ...args], { cwd });
const parse = (stdout: string): AuditSummary => JSON.parse(stdout) as AuditSummary;
/** The summary without file names, lines shifted by `offset` (a CSV header), for comparing runs over different files. */
const sameBut = (s: AuditSummary, offset = 0) => {
  const conv = (c: AuditSummary['worst'][number]) => ({ ...c, file: '', line: c.line - offset, turns: c.turns.map((t) => ({ ...t, line: t.line - offset })) });
  return { ...s, files: [], worst: s.worst.map(conv), conversations: s.conversations.map(conv) };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-audit-'));
  const log = generateLog(N);
  expected = log.expected;
  writeFileSync(join(dir, 'log.jsonl'), toJsonl(log.turns));
  writeFileSync(join(dir, 'log.csv'), toCsv(log.turns));
  writeFileSync(join(dir, 'mixed.jsonl'), toJsonl(interleave(log.turns, 7)));
  const r = audit(['log.jsonl', '--jobs', '2']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1); // error-level findings exist
  base = parse(r.stdout);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replylint audit on generated logs', () => {
  it('counts exactly the injected violations', () => {
    const t = base.totals;
    expect(t.sessions).toBe(expected.sessions);
    expect(t.agentTurns).toBe(expected.agentTurns);
    expect(t.customerTurns).toBe(expected.customerTurns);
    expect(t.violatingTurns).toBe(expected.violatingTurns);
    expect(t.flaggedSessions).toBe(expected.flaggedSessions);
    expect(t.complaintSessions).toBe(expected.complaintSessions);
    expect(t.badLines).toBe(0);
    expect(Object.fromEntries(base.byRule.map((r) => [r.ruleId, r.findings]))).toEqual(expected.byRule);
    for (const a of base.byAgent) expect({ agent: a.agent, agentTurns: a.agentTurns, violatingTurns: a.violatingTurns }).toEqual({ agent: a.agent, ...expected.byAgent[a.agent] });
    expect(base.byAgent.map((a) => a.agent).sort()).toEqual(Object.keys(expected.byAgent).sort());
    expect(Object.fromEntries(base.byDay.map((d) => [d.day, { agentTurns: d.agentTurns, violatingTurns: d.violatingTurns }]))).toEqual(expected.byDay);
    // 100 conversations per pattern: 100 slow first responses out of 900 first responses.
    expect(base.responseTimes.first.count).toBe(N);
    expect(base.responseTimes.first.overLimit).toBe(expected.byRule['response-time/first-response']);
    expect(base.responseTimes.replies.overLimit).toBe(expected.byRule['response-time/reply-gap']);
  });

  it('keeps the worst conversations (errors first) and lists the conversations behind each group', () => {
    expect(base.worst).toHaveLength(20);
    expect(base.worst[0]!.findings.error).toBeGreaterThan(0);
    const keys = new Set([...base.worst, ...base.conversations].map((c) => c.key));
    for (const g of [...base.byAgent, ...base.byRule, ...base.byCategory, ...base.byDay]) {
      for (const k of g.conversations) expect(keys.has(k)).toBe(true);
    }
    const rule = base.byRule.find((r) => r.ruleId === 'template-slot/unfilled')!;
    expect(rule.conversations.length).toBe(5);
    const c = [...base.worst, ...base.conversations].find((x) => x.key === rule.conversations[0])!;
    const slot = c.turns.flatMap((t) => t.findings).find((f) => f.ruleId === 'template-slot/unfilled')!;
    expect(slot.excerpt).toBe('{{订单号}}');
  });

  it('gives identical results with one thread and with workers', () => {
    const one = audit(['log.jsonl', '--jobs', '1']);
    expect(one.stdout).toBe(JSON.stringify(base, null, 2) + '\n');
  });

  it('reads the CSV equivalent to the same result', () => {
    const r = audit(['log.csv']);
    expect(r.code).toBe(1);
    expect(sameBut(parse(r.stdout), 1)).toEqual(sameBut(base));
  });

  it('gives the same result when conversations are interleaved', () => {
    const r = audit(['mixed.jsonl']);
    const s = parse(r.stdout);
    expect(s.totals).toEqual(base.totals);
    expect(s.byRule).toEqual(base.byRule);
    expect(s.byAgent).toEqual(base.byAgent);
    expect(s.worst.map((c) => c.key)).toEqual(base.worst.map((c) => c.key));
  });

  it('never prints a phone number unmasked, in JSON or HTML', () => {
    const r = audit(['log.jsonl', '--report', 'report.html', '--output', 'summary.json', '--top', '200']);
    expect(r.code).toBe(1);
    const json = readFileSync(join(dir, 'summary.json'), 'utf8');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const s = JSON.parse(json) as AuditSummary;
    // Both the agent's and the customer's numbers are in conversations that are listed.
    const texts = [...s.worst, ...s.conversations].flatMap((c) => c.turns.map((t) => t.text));
    expect(texts.some((t) => t.startsWith('您的电话是139'))).toBe(true);
    expect(texts.some((t) => t.startsWith('我电话138'))).toBe(true);
    for (const out of [json, html, r.stdout, r.stderr]) {
      expect(out).not.toContain('13912345678');
      expect(out).not.toContain('13800138000');
    }
    expect(html).toContain('139****5678');
  });
});

describe('replylint audit: bad input, settings and options', () => {
  it('reports bad lines with file and line, audits the rest and exits 2', () => {
    const good = toJsonl(generateLog(9).turns).trimEnd().split('\n');
    const lines = [good[0], '{"session": "s", "role": "agent"', good[1], '{"session": "s", "role": "bot", "text": "hi"}', '{"session": "s", "role": "agent", "text": "hi", "time": "yesterday"}', '[1, 2]', ...good.slice(2)];
    writeFileSync(join(dir, 'bad.jsonl'), Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a])]));
    const r = audit(['bad.jsonl']);
    expect(r.code).toBe(2);
    const s = parse(r.stdout);
    expect(s.totals.badLines).toBe(5);
    expect(s.totals.turns).toBe(good.length);
    expect(s.problems.map((p) => p.line)).toEqual([2, 4, 5, 6, lines.length + 1]);
    expect(r.stderr).toContain('bad.jsonl:2: not JSON');
    expect(r.stderr).toContain('bad.jsonl:4: "role" must be "agent" or "customer" (found "bot")');
    expect(r.stderr).toContain('bad.jsonl:5: "time" is not an ISO-8601 date-time');
    expect(r.stderr).toContain(`bad.jsonl:${lines.length + 1}: the line is not valid UTF-8`);
    expect(r.stderr).toContain('5 input lines could not be audited');
  });

  it('reports a CSV without the needed columns', () => {
    writeFileSync(join(dir, 'nocols.csv'), 'id,who,message\n1,agent,hi\n');
    const r = audit(['nocols.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nocols.csv:1: the CSV header lacks columns session, role, text');
  });

  it('uses the audit: settings of the configuration file', () => {
    writeFileSync(join(dir, 'relaxed.yaml'), 'audit:\n  firstResponseSeconds: 60\n  rules:\n    template-slot/unfilled: off\n');
    const r = runCli(['audit', '--config', 'relaxed.yaml', 'log.jsonl'], { cwd: dir });
    const s = parse(r.stdout);
    const rules = Object.fromEntries(s.byRule.map((x) => [x.ruleId, x.findings]));
    expect(rules['response-time/first-response']).toBeUndefined();
    expect(rules['template-slot/unfilled']).toBeUndefined();
    expect(rules['response-time/reply-gap']).toBe(expected.byRule['response-time/reply-gap']);
    expect(s.settings.firstResponseSeconds).toBe(60);
  });

  it('names the configuration file, line and column of a bad audit setting', () => {
    writeFileSync(join(dir, 'typo.yaml'), 'failOn: error\naudit:\n  firstResponseSecs: 20\n  gapSeconds: -5\n');
    const r = runCli(['audit', '--config', 'typo.yaml', 'log.jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/typo\.yaml:3:3: schema: audit: unknown key "firstResponseSecs"/);
    expect(r.stderr).toMatch(/typo\.yaml:4:15: schema: audit\.gapSeconds: /);
    expect(r.stdout).toBe('');
  });

  it('refuses formats it cannot print and missing files', () => {
    expect(audit(['log.jsonl', '--format', 'sarif']).stderr).toContain('audit prints json or pretty');
    const missing = audit(['nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.jsonl: no such file');
    expect(audit(['log.jsonl', '--jobs', '0']).stderr).toContain('--jobs must be a whole number');
  });

  it('prints a pretty summary on request', () => {
    const r = audit(['log.jsonl', '--format', 'pretty']);
    expect(r.stdout).toContain('客服质检汇总');
    expect(r.stdout).toContain(`会话 ${N}`);
    expect(r.stdout).toMatch(/客服甲\s+\d+\.\d%/);
  });

  it('reads JSON Lines from standard input', () => {
    const r = runCli(['audit', '--no-config', '-'], { cwd: dir, input: toJsonl(generateLog(18).turns) });
    expect(parse(r.stdout).totals.sessions).toBe(18);
  });
});
