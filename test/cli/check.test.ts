import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('replylint check', () => {
  it('prints findings with the line, the underlined span and a suggestion (exact pretty output)', () => {
    const r = runCli(['check', '这是规定，我也不知道']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '  1:1    error   “这是规定”拿规定当挡箭牌，是服务禁语。请解释原因，并看看还能为客户做什么。  banned-phrase/this-is-the-rule · 服务禁语',
        '         这是规定，我也不知道',
        '         ^^^^^^^^',
        '         ↳ 这是平台的统一规则，我给您说明一下原因，也帮您看看有没有其他办法',
        '  1:8    error   “不知道”是服务禁语：客户听到的是“没人管”。先安抚，再说明您会去查。  banned-phrase/dont-know · 服务禁语',
        '         这是规定，我也不知道',
        '                       ^^^^^^',
        '         ↳ 请您稍等，我帮您查询一下具体情况，马上给您答复',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 info) · score 40/100',
        '',
      ].join('\n'),
    );
  });

  it('exit 0 and a clean line for a good reply', () => {
    const r = runCli(['check', '亲，请稍等，我帮您查询一下~']);
    expect(r).toEqual({ code: 0, stdout: '✔ no problems · score 100/100\n', stderr: '' });
  });

  it('joins several TEXT arguments into one reply', () => {
    const r = runCli(['check', '--format', 'json', '我也', '不知道']);
    expect(JSON.parse(r.stdout).text).toBe('我也 不知道');
  });

  it('reads standard input when no TEXT is given', () => {
    const r = runCli(['check', '--format', 'json'], { input: '快递一定明天到' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].category).toBe('absolute-promise');
  });

  it('--format json prints the SPEC check result', () => {
    const r = runCli(['check', '--format', 'json', '您的电话是15912345678对吗']);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['findings', 'pass', 'score', 'text']);
    expect(out.text).toBe('您的电话是159****5678对吗');
    expect(r.stdout).not.toContain('15912345678');
  });

  it('--fail-on decides the exit code', () => {
    expect(runCli(['check', '不能换。']).code).toBe(0);
    expect(runCli(['check', '--fail-on', 'warning', '不能换。']).code).toBe(1);
  });

  it('usage errors exit 2 with a one-line message', () => {
    const r = runCli(['check', '--fail-on', 'fatal', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fail-on/);
    const u = runCli(['chekc', 'x']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown command/);
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses invalid UTF-8 on stdin with the offset, exit 2', () => {
    const r = runCli(['check'], { input: Buffer.from([0xe4, 0xbd, 0xa0, 0xff, 0x41]) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('replylint: standard input is not valid UTF-8 (first bad byte at offset 3); convert it with e.g. iconv -f GBK -t UTF-8\n');
  });

  it('an empty text is clean', () => {
    expect(runCli(['check', '']).code).toBe(0);
    expect(runCli(['check'], { input: '' }).code).toBe(0);
  });

  it('a broken --rules file exits 2 naming file, line and column, and nothing is checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'rules:\n  - id: banned-phrase/x\n    category: banned-phrase\n    severity: error\n    message: { zh: x, en: x }\n    patterns: ["/不(/"]\n    examples: { bad: [不] }\n');
    const r = runCli(['check', '--rules', file, '我不知道']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^replylint: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6:20: bad-pattern: invalid regular expression`));
  });

  it('a --rules file adds rules over the shipped ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'rules:\n  - id: banned-phrase/team-word\n    category: banned-phrase\n    severity: warning\n    message: { zh: "团队禁用“{match}”", en: team says no }\n    patterns: [亲爱滴]\n    examples: { bad: [亲爱滴你好] }\n');
    const r = runCli(['check', '--format', 'json', '--rules', file, '亲爱滴，我不知道']);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['banned-phrase/team-word', 'banned-phrase/dont-know']);
  });

  it('a configuration file changes severities and failOn', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'failOn: warning\nrules:\n  banned-phrase/dont-know: off\n  negative-wording: error\n');
    const r = runCli(['check', '--format', 'json', '我不知道，不能换。'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity])).toEqual([['negative-wording/bare-refusal', 'error']]);
    expect(r.code).toBe(1);
    expect(runCli(['check', '--no-config', '--format', 'json', '我不知道'], { cwd: dir }).stdout).toContain('dont-know');
  });

  it('a YAML syntax error is reported once, at its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    const file = join(dir, 'team.yaml');
    writeFileSync(file, 'rules:\n  - id: banned-phrase/x\n    message: { zh: 禁用{match}, en: x }\n');
    const r = runCli(['check', '--rules', file, 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`replylint: ${file}:3:22: yaml-syntax: Unexpected flow-map-start at node end`]);
  });

  it('a broken configuration file exits 2 with its position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'failOn: sometimes\n');
    const r = runCli(['check', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylint\.yaml:1:9: schema: failOn/);
  });

  it('colour only when asked or on a terminal, never with NO_COLOR', () => {
    expect(runCli(['check', '我不知道']).stdout).not.toContain('\u001b[');
    expect(runCli(['check', '我不知道'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(runCli(['check', '--color', '我不知道']).stdout).toContain('\u001b[');
  });
});
