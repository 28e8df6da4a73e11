import { chmodSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** A small phrasebook folder: slots, and two area files that clash with each other. */
function phrasebook(extra: Record<string, string | Buffer> = {}): string {
  return workspace({
    'pb/slots.yaml': 'slots:\n  订单号: { description: 订单编号, fill: message }\n',
    'pb/synonyms.yaml': 'groups:\n  - [没有, 木有]\n',
    'pb/general.yaml': [
      '# 通用 (kept as written)',
      'area: 通用',
      'intents:',
      '  - id: greeting',
      '    title: 问候',
      '    examples: [你是不是傻]',
      '    templates:',
      '      - id: greeting/hello',
      '        title: 问候',
      '        text: 您好，请问有什么可以帮您？',
      '',
    ].join('\n'),
    'pb/order.yaml': [
      'area: 售中',
      'intents:',
      '  - id: order.cancle',
      '    title: 取消',
      '    templates:',
      '      - id: order.cancle/a',
      '        title: a',
      '        text: 您的订单{{订单号}}已取消，{{订单 号}}，{{运单号}}',
      '  - id: thanks_bye',
      '    title: 再见',
      '    templates:',
      '      - id: greeting/hello',
      '        title: b',
      '        text: 感谢您的耐心，这是规定',
      '      - id: thanks_bye/bye',
      '        title: c',
      '        text: 感谢您的支持，祝您生活愉快，再见！',
      '      - id: thanks_bye/bye-again',
      '        title: d',
      '        text: 感谢您的支持，祝您生活愉快，再见～',
      '',
    ].join('\n'),
    ...extra,
  });
}

interface JsonFile {
  file: string;
  findings: Array<{ ruleId: string; severity: string; line: number; column: number }>;
  problems: Array<{ code: string; line: number; column: number }>;
}

describe('replylint lint on a phrasebook', () => {
  it('validates the edited file against its siblings, checks template texts only, and finds near-duplicates', () => {
    const dir = phrasebook();
    // Only order.yaml is named: the duplicate id with general.yaml must still be found there.
    const r = runCli(['lint', '--format', 'json', 'pb/order.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout).files as JsonFile[];
    expect(file!.file).toBe('pb/order.yaml');
    expect(file!.problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '3:9 unknown-intent',
      '8:30 malformed-slot',
      '8:39 unknown-slot',
      '12:13 template-intent',
      '12:13 duplicate-id',
    ]);
    expect(file!.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([
      '14:22 error banned-phrase/this-is-the-rule',
      '18:13 warning phrasebook/near-duplicate',
    ]);
  });

  it('the customer examples, titles and the synonym table are not checked as replies', () => {
    const dir = phrasebook();
    rmSync(join(dir, 'pb/order.yaml')); // its duplicate of greeting/hello would be reported in general.yaml
    const r = runCli(['lint', '--format', 'json', 'pb/general.yaml', 'pb/synonyms.yaml', 'pb/slots.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout).files as JsonFile[]).every((f) => f.findings.length === 0 && f.problems.length === 0)).toBe(true);
  });

  it('the shipped phrasebook lints clean, README skipped', () => {
    const r = runCli(['lint', '--format', 'json', 'phrasebook']);
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).files as JsonFile[];
    expect(files.map((f) => f.file)).toEqual(['aftersale', 'complaint', 'general', 'order', 'out-of-scope', 'presale', 'shipping', 'slots', 'synonyms'].map((n) => `phrasebook/${n}.yaml`));
    expect(files.flatMap((f) => [...f.findings, ...f.problems])).toEqual([]);
  });

  it('a broken phrasebook file is a positioned problem; the other files are still linted', () => {
    const dir = phrasebook({ 'pb/broken.yaml': 'area: 售后\nintents:\n  - id: [\n' });
    const r = runCli(['lint', '--format', 'json', 'pb'], { cwd: dir });
    const files = JSON.parse(r.stdout).files as JsonFile[];
    expect(files.find((f) => f.file === 'pb/broken.yaml')!.problems[0]).toMatchObject({ code: 'yaml-syntax', line: 4 });
    expect(files.find((f) => f.file === 'pb/order.yaml')!.findings.length).toBeGreaterThan(0);
  });
});

describe('replylint lint --fix', () => {
  const shouting = ['# 回复模板 — 注释要保留', 'replies:', "  - '好的！！！马上为您处理！！！'  # 行尾注释", '  - "收到！！！"', '  - 普通回复', ''].join('\n');

  it('fixes in place keeping comments, quoting and mode; a second run changes nothing', () => {
    const dir = workspace({ 'r.yaml': shouting, 'r.txt': '好的！！！\n这是规定\n' });
    chmodSync(join(dir, 'r.yaml'), 0o640);
    const r = runCli(['lint', '--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('replylint: fixed 4 problems in 2 files\n');
    expect(r.code).toBe(1); // 这是规定 has no certain fix and remains
    expect(r.stdout).toContain('banned-phrase/this-is-the-rule');
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(shouting.replace(/！！！/g, '！'));
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('好的！\n这是规定\n');
    expect(statSync(join(dir, 'r.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['r.txt', 'r.yaml']);
    const again = runCli(['lint', '--fix', '.'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(shouting.replace(/！！！/g, '！'));
  });

  it('applies the one-to-one fixes of banned-phrases.yaml (slang, 您们), not the advice of other rules', () => {
    const text = ['replies:', '  - 亲，木有现货了，灰常抱歉   # 缺货', '  - "感谢您们的耐心等待"', '  - 这是规定', ''].join('\n');
    const dir = workspace({ 'r.yaml': text });
    const r = runCli(['lint', '--fix', '--fail-on', 'info', 'r.yaml'], { cwd: dir });
    expect(r.stderr).toBe('replylint: fixed 3 problems in 1 file\n');
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(text.replace('木有', '没有').replace('灰常', '非常').replace('您们', '各位'));
    expect(r.stdout).toContain('banned-phrase/this-is-the-rule');
  });

  it('fixes a phrasebook template and keeps its byte-order mark', () => {
    const dir = phrasebook();
    const file = join(dir, 'pb/general.yaml');
    const before = readFileSync(file, 'utf8').replace('可以帮您？', '可以帮您！！！');
    writeFileSync(file, '\ufeff' + before);
    runCli(['lint', '--fix', 'pb/general.yaml'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe('\ufeff' + before.replace('！！！', '！'));
  });

  it('--dry-run prints a diff and writes nothing', () => {
    const dir = workspace({ 'r.yaml': shouting });
    const r = runCli(['lint', '--fix', '--dry-run', 'r.yaml'], { cwd: dir });
    expect(r.stdout).toBe(
      ['--- a/r.yaml', '+++ b/r.yaml', '@@ -1,5 +1,5 @@', ' # 回复模板 — 注释要保留', ' replies:', "-  - '好的！！！马上为您处理！！！'  # 行尾注释", "+  - '好的！马上为您处理！'  # 行尾注释", '-  - "收到！！！"', '+  - "收到！"', '   - 普通回复', ''].join('\n'),
    );
    expect(r.stderr).toBe('replylint: --dry-run: 3 fixes in 1 file would be applied\n');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(shouting);
  });

  it('a file that cannot be parsed means no file is touched', () => {
    const files = { 'a.yaml': shouting, 'b.yaml': 'replies: [好的！！！,\n', 'c.json': '{"a": "好的！！！"}' };
    const dir = workspace(files);
    const r = runCli(['lint', '--fix', '.'], { cwd: dir });
    expect(r.stderr).toBe('replylint: --fix changed nothing: b.yaml cannot be read or parsed; correct it first\n');
    expect(r.code).toBe(1);
    for (const [name, content] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
  });

  it.each(['fix-write', 'fix-kill'])('a crash while writing (%s) leaves every file byte for byte as it was', (fault) => {
    const files = { 'a.yaml': shouting, 'b.txt': '好的！！！\n', 'c.csv': 'text\n"好的！！！"\n' };
    const dir = workspace(files);
    const r = runCli(['lint', '--fix', '.'], { cwd: dir, env: { REPLYLINT_FAULT: fault } });
    if (fault === 'fix-write') {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('replylint: --fix could not write the fixed files (injected fault after writing temporary files); no file was changed\n');
      expect(readdirSync(dir).sort()).toEqual(Object.keys(files));
    } else expect(r.code).toBe(null); // killed
    for (const [name, content] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
  });

  it('--staged with --fix is a usage error', () => {
    const r = runCli(['lint', '--staged', '--fix'], { cwd: workspace({}) });
    expect(r).toMatchObject({ code: 2, stderr: 'replylint: --fix works on the working copy: run it without --staged, then stage the result\n' });
  });
});
