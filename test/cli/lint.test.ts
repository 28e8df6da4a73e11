import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-lint-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('replylint lint', () => {
  it('reports findings at their file line and column, in every file kind', () => {
    const dir = workspace({
      'replies.txt': '您好\n亲，这是规定哦\n',
      'faq.md': '# 常见问题\n\n- 我也不知道呢\n',
      'replies.json': '{"a": ["好的", "你自己看吧"]}',
      'replies.csv': 'id,text\n1,快递一定明天到\n',
      'replies.yaml': 'greeting:\n  text: 您好\nbad:\n  text: 你是不是傻\n',
    });
    const r = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ file: string; findings: Array<{ ruleId: string; line: number; column: number }> }>;
    const where = Object.fromEntries(files.map((f) => [f.file, f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId}`)]));
    expect(where).toEqual({
      'faq.md': ['3:5 banned-phrase/dont-know'],
      'replies.csv': ['2:5 absolute-promise/delivery-date'],
      'replies.json': ['1:15 banned-phrase/see-for-yourself'],
      'replies.txt': ['2:3 banned-phrase/this-is-the-rule'],
      'replies.yaml': ['4:9 rude/insult'],
    });
  });

  it('pretty output names the file and masks personal data in the shown line', () => {
    const dir = workspace({ 'r.txt': '已帮您登记手机15912345678哦\n' });
    const r = runCli(['lint', 'r.txt'], { cwd: dir });
    expect(r.stdout).toContain('r.txt');
    expect(r.stdout).toContain('159****5678');
    expect(r.stdout).not.toContain('15912345678');
  });

  it('exit 0 for clean files', () => {
    const dir = workspace({ 'ok.txt': '亲，您好，请问有什么可以帮您？\n' });
    expect(runCli(['lint', 'ok.txt'], { cwd: dir }).code).toBe(0);
  });

  it('a file that is not UTF-8 is a problem of that file, others are still linted', () => {
    const dir = workspace({ 'gbk.txt': Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), 'ok.txt': '我不知道\n' });
    const r = runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    const files = JSON.parse(r.stdout).files;
    expect(files[0]).toMatchObject({ file: 'gbk.txt', problems: [{ code: 'encoding', line: 1, column: 1 }] });
    expect(files[1].findings[0].ruleId).toBe('banned-phrase/dont-know');
    expect(r.code).toBe(1);
  });

  it('a broken JSON or YAML reply file is reported with its position', () => {
    const dir = workspace({ 'bad.yaml': 'a: [1,\nb: 2\n' });
    const r = runCli(['lint', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml\n\s+\d+:\d+\s+error/);
  });

  it('a missing path is a usage error', () => {
    const r = runCli(['lint', 'nope.txt'], { cwd: workspace({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('replylint: no such file or folder: nope.txt\n');
  });

  it('github format names the file', () => {
    const dir = workspace({ 'r.txt': '我不知道\n' });
    const r = runCli(['lint', '--format', 'github', 'r.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/^::error file=r\.txt,line=1,col=2,endColumn=5,title=banned-phrase\/dont-know::/);
  });
});
