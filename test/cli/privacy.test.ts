// Personal data never reaches an output of the real executable: the probes of issue 11 — numbers
// next to other numbers, obfuscated spellings, look-alike ids — in every check format, and every
// other place a user-supplied text is shown: check --jsonl error records, lint --fix --dry-run
// diffs and pretty excerpts of YAML comments, audit agent names, session ids, problems and the
// HTML report, suggest slot filling from context, error messages.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-privacy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHONE = '13812345678';
/** No run of eight or more digits of PHONE survives (a cut-off quote would leave 13812345). */
const expectNoPhone = (out: string): void => {
  expect(out).not.toContain(PHONE.slice(0, 8));
  expect(out).not.toContain(PHONE.slice(3));
};

describe('check: a number followed by a blank and more digits is found and masked', () => {
  const PROBES: Array<[text: string, ruleIds: string[], raw: string[]]> = [
    ['电话13812345678 11点前联系您', ['sensitive-data/mobile'], [PHONE]],
    ['您的手机13812345678 2件商品已发出', ['sensitive-data/mobile'], [PHONE]],
    ['卡号6222021234567890128 5月到账', ['sensitive-data/bank-card'], ['6222021234567890128']],
    ['13812345678 11010519491231002X', ['sensitive-data/mobile', 'sensitive-data/id-card'], [PHONE, '11010519491231002X']],
  ];
  it.each(PROBES)('%s', (text, ruleIds, raw) => {
    const r = runCli(['check', '--format', 'json', text]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(ruleIds);
    for (const v of raw) expect(r.stdout).not.toContain(v);
  });

  it.each(['jsonl', 'sarif', 'github', 'pretty'])('--format %s shows none of them', (format) => {
    const r = runCli(['check', '--format', format], { input: PROBES.map(([t]) => t).join('\n') });
    expect(r.code).toBe(1);
    for (const v of PROBES.flatMap(([, , raw]) => raw)) expect(r.stdout, v).not.toContain(v);
  });

  it('finds obfuscated spellings and leaves look-alike ids alone', () => {
    const input = [
      '138.1234.5678', '138_1234_5678', '138/1234/5678', '一三八一二三四五六七八', '壹叁捌壹贰叁肆伍陆柒捌', '身份证110105-19491231-002X',
      '商品ID 13812345678', '型号 ABC-13812345678', '第13812345678位顾客',
    ].map((text, id) => JSON.stringify({ id, text })).join('\n');
    const r = runCli(['check', '--jsonl'], { input });
    const results = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const flagged = results.map((x: { findings: Array<{ category: string }> }) => x.findings.some((f) => f.category === 'sensitive-data'));
    expect(flagged).toEqual([true, true, true, true, true, true, false, false, false]);
    expect(results[5].text).toBe('身份证1*****-********-**2X');
  });

  it('finds a banned phrase with a soft hyphen or NUL inside it', () => {
    for (const text of ['这个我不\u00ad知道', '这个我不\u0000知道']) {
      const r = JSON.parse(runCli(['check', '--format', 'json'], { input: text }).stdout);
      expect(r.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('banned-phrase/dont-know');
    }
  });
});

describe('check --jsonl: error records quote no part of the bad line', () => {
  it('a line that is not JSON', () => {
    const r = runCli(['check', '--jsonl'], { input: `{"id":1,"text":电话${PHONE}}\n{"id":2,"text":"ok ${PHONE}" x}\n` });
    expect(r.code).toBe(2);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.error.code).toBe('bad-input');
    expect(b.error.code).toBe('bad-input');
    expectNoPhone(r.stdout);
    expectNoPhone(r.stderr);
  });
});

describe('lint', () => {
  it('--fix --dry-run: the diff shows the lines masked', () => {
    const file = join(dir, 'replies.txt');
    writeFileSync(file, `好的！！您的手机${PHONE}已登记\n`);
    const r = runCli(['lint', '--no-config', '--fix', '--dry-run', file], { cwd: dir });
    expect(r.stdout).toContain('+好的！您的手机138****5678已登记');
    expectNoPhone(r.stdout);
    expect(readFileSync(file, 'utf8')).toContain(PHONE); // a dry run writes nothing
  });

  it('pretty: the excerpt of a line with a YAML comment is masked', () => {
    const file = join(dir, 'replies.yaml');
    writeFileSync(file, `replies:\n  - 这是规定，没办法  # 客户电话 ${PHONE}，邮箱 lihua2020@qq.com\n`);
    const r = runCli(['lint', '--no-config', '--format', 'pretty', file], { cwd: dir });
    expect(r.stdout).toContain('这是规定');
    expect(r.stdout).toContain('138****5678');
    expectNoPhone(r.stdout);
    expect(r.stdout).not.toContain('lihua2020');
  });
});

describe('audit', () => {
  it('masks agent names, session ids, problems and every text of the JSON summary and the HTML report', () => {
    const log = join(dir, 'chat.jsonl');
    const turns = [
      { session: PHONE, role: 'customer', time: '2024-03-15T10:00:00Z', text: '我要投诉，电话13912345678' },
      { session: PHONE, role: 'agent', agent: '15012345678', time: '2024-03-15T10:00:30Z', text: '这是规定，我也不知道' },
      { session: '13898765678', role: 'agent', agent: '15112345678', time: '2024-03-15T11:00:00Z', text: '这是规定' },
    ];
    writeFileSync(log, turns.map((t) => JSON.stringify(t)).join('\n') + `\n{"session":"${PHONE}","text":电话18612345678}\n`);
    const report = join(dir, 'report.html');
    const r = runCli(['audit', '--no-config', '--format', 'json', '--report', report, log], { cwd: dir });
    const html = readFileSync(report, 'utf8');
    for (const out of [r.stdout, html, r.stderr]) {
      for (const v of [PHONE, '13898765678', '15012345678', '15112345678', '13912345678', '18612345']) expect(out, v).not.toContain(v);
    }
    const s = JSON.parse(r.stdout);
    expect(s.byAgent.map((a: { agent: string }) => a.agent).sort()).toEqual(['150****5678', '151****5678']);
    // Two session ids that mask alike stay apart.
    expect(new Set([...s.worst, ...s.conversations].map((c: { key: string }) => c.key)).size).toBe(2);
    expect(s.problems).toHaveLength(1);
  });
});

describe('suggest', () => {
  it('masks a personal value filled into a slot from the context, keeps an order number whole', () => {
    const r = runCli(['suggest', '--no-config', '--format', 'json', '--engine', 'lexical', '--top', '10', '--context', JSON.stringify({ 预计时间: PHONE, 客服名: '15012345678' }), '订单号3856120495837261048什么时候发货，我手机13812345678']);
    expect(r.code).toBe(0);
    expectNoPhone(r.stdout);
    expect(r.stdout).not.toContain('15012345678');
    const out = JSON.parse(r.stdout);
    expect(out.message).toContain('138****5678');
    expect(JSON.stringify(out.suggestions)).toContain('138****5678');
  });
});
