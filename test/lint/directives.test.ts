// Inline replylint-disable comments: parsed per comment syntax, applied to findings by line, value
// and range, honoured by `lint` and `lint --fix`, and misspelt names reported.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directiveComment, parseDirectives } from '../../src/lint/directives.js';
import { runCli } from '../helpers/cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-directives-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function lintJson(dir: string, args: string[]): Record<string, { findings: string[]; problems: string[] }> {
  const r = runCli(['lint', '--format', 'json', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  const files = JSON.parse(r.stdout).files as Array<{ file: string; findings: Array<{ ruleId: string; line: number }>; problems: Array<{ code: string; line: number; column: number }> }>;
  return Object.fromEntries(files.map((f) => [f.file, { findings: f.findings.map((x) => `${x.line} ${x.ruleId}`), problems: f.problems.map((p) => `${p.line}:${p.column} ${p.code}`) }]));
}

describe('parseDirectives', () => {
  it.each([
    ['r.yaml', 'a: 1 # replylint-disable-line rude/insult, banned-phrase\n', 'disable-line', ['rude/insult', 'banned-phrase']],
    ['r.yaml', '  # replylint-disable-next-line\n', 'disable-next-line', []],
    ['r.txt', '# replylint-disable style -- quoting the customer\n', 'disable', ['style']],
    ['r.md', 'x <!-- replylint-enable rude -->\n', 'enable', ['rude']],
    ['r.json', '{ // replylint-disable-next-line rude\n', 'disable-next-line', ['rude']],
    ['r.json', '{ /* replylint-disable rude */ }\n', 'disable', ['rude']],
  ])('%s: %j', (file, text, kind, names) => {
    const [d, ...rest] = parseDirectives(file, text);
    expect(rest).toEqual([]);
    expect(d!.kind).toBe(kind);
    expect(d!.names.map((n) => n.name)).toEqual(names);
    // Every name's offset points at the name in the text.
    for (const n of d!.names) expect(text.slice(n.start, n.start + n.name.length)).toBe(n.name);
  });

  it.each([
    ['r.yaml', 'a: "不是#replylint-disable注释"\n'], // not a comment: # glued to text
    ['r.txt', '亲 # replylint-disable\n'], // in a text file only a whole line is a comment
    ['r.md', '# replylint-disable\n'], // a Markdown heading, not a comment
    ['r.csv', 'text\n# replylint-disable\n'], // CSV has no comments
    ['r.yaml', '# replylint-disabled\n'], // not a directive word
  ])('%s: no directive in %j', (file, text) => {
    expect(parseDirectives(file, text)).toEqual([]);
  });

  it('writes comments in the syntax of each file kind', () => {
    expect(directiveComment('a.yaml', 'disable-next-line', ['rude/insult'])).toBe('# replylint-disable-next-line rude/insult');
    expect(directiveComment('a.md', 'disable-line', ['rude', 'style'])).toBe('<!-- replylint-disable-line rude, style -->');
    expect(directiveComment('a.json', 'disable', [])).toBe('// replylint-disable');
    expect(directiveComment('a.csv', 'disable', [])).toBeNull();
  });
});

describe('lint honours replylint-disable comments', () => {
  it('by line, next line, the whole value of a YAML block scalar, and ranges; misspelt names are problems', () => {
    const dir = workspace({
      'r.yaml': [
        'a: 我不知道 # replylint-disable-line banned-phrase',
        'b: >- # replylint-disable-line',
        '  第一行',
        '  我不知道',
        '# replylint-disable-next-line banned-phrase/dont-know',
        'c: 我不知道',
        'd: 我不知道 # replylint-disable-line rude',
        '# replylint-disable style',
        'e: 这个木有了',
        '# replylint-enable style',
        'f: 这个木有了 # replylint-disable-line banned-phrase/dont-knwo',
        '',
      ].join('\n'),
      'r.md': ['# 标题', '', '<!-- replylint-disable banned-phrase -- 引用客户原话 -->', '我不知道', '<!-- replylint-enable -->', '我不知道', ''].join('\n'),
      'r.txt': ['# replylint-disable-next-line', '我不知道', '我不知道', ''].join('\n'),
    });
    try {
      expect(lintJson(dir, ['.'])).toEqual({
        'r.yaml': { findings: ['7 banned-phrase/dont-know', '11 style/slang-muyou'], problems: ['11:35 unknown-rule'] },
        'r.md': { findings: ['6 banned-phrase/dont-know'], problems: [] },
        'r.txt': { findings: ['3 banned-phrase/dont-know'], problems: [] },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix leaves silenced findings alone and fixes the rest', () => {
    const dir = workspace({ 'r.txt': ['# replylint-disable-next-line style/slang-muyou', '这个木有了', '这个木有了', ''].join('\n') });
    try {
      const r = runCli(['lint', '--fix', 'r.txt'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(['# replylint-disable-next-line style/slang-muyou', '这个木有了', '这个没有了', ''].join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
