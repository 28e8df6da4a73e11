// A category declared only in a team's rule file (test/fixtures/team-category.yaml) is a category
// like the shipped ones: `check` and `lint` print its label, JSON and SARIF carry it, the
// configuration may set its severity, and the audit report names it by its label.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const TEAM = join(ROOT, 'test', 'fixtures', 'team-category.yaml');
const BAD = '隔壁店的货都是假货';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replylint-team-category-'));
});

describe("a team's own category", () => {
  it('check prints its label beside the rule id (exact pretty output)', () => {
    const r = runCli(['check', '--no-config', '--rules', TEAM, BAD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0); // a warning does not fail at the default --fail-on error
    expect(r.stdout).toBe(
      [
        '  1:1    warning “隔壁店的货都是假货”在贬低别家。请只介绍我们自己的商品。  competitor-mention/run-down · 贬低竞品',
        '         隔壁店的货都是假货',
        '         ^^^^^^^^^^^^^^^^^^',
        '',
        '⚠ 1 problem (0 errors, 1 warning, 0 info) · score 88/100',
        '',
      ].join('\n'),
    );
  });

  it('JSON findings carry the label in the language of the message; SARIF carries it as a property', () => {
    const zh = JSON.parse(runCli(['check', '--no-config', '--rules', TEAM, '--format', 'json', BAD]).stdout);
    expect(zh.findings[0]).toMatchObject({ category: 'competitor-mention', categoryLabel: '贬低竞品', severity: 'warning' });
    const sarif = JSON.parse(runCli(['check', '--no-config', '--rules', TEAM, '--format', 'sarif', BAD]).stdout);
    expect(sarif.runs[0].results[0].properties).toEqual({ category: 'competitor-mention', categoryLabel: '贬低竞品' });
  });

  it('lint labels it in a reply file', () => {
    writeFileSync(join(dir, 'replies.txt'), `您好，欢迎光临\n${BAD}\n`);
    const r = runCli(['lint', '--no-config', '--rules', TEAM, 'replies.txt'], { cwd: dir });
    expect(r.stdout).toContain('competitor-mention/run-down · 贬低竞品');
    expect(r.stdout).toMatch(/^ {2}2:1 /m);
  });

  it('the configuration may set its severity; an undeclared category is refused at its line and column', () => {
    writeFileSync(join(dir, 'strict.yaml'), `ruleFiles: [${JSON.stringify(TEAM)}]\nrules:\n  competitor-mention: error\n`);
    const strict = runCli(['check', '--config', 'strict.yaml', '--format', 'json', BAD], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).findings[0].severity).toBe('error');
    writeFileSync(join(dir, 'typo.yaml'), 'rules:\n  competitor-mentions: error\n');
    const typo = runCli(['check', '--config', 'typo.yaml', BAD], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/typo\.yaml:2:3: unknown-category: "competitor-mentions" is neither a rule id \(category\/name\) nor a declared category/);
  });

  it('the audit report and the JSON summary name it by its label', () => {
    const log = [
      { session: 's1', role: 'customer', text: '这个是正品吗' },
      { session: 's1', role: 'agent', text: BAD },
    ];
    writeFileSync(join(dir, 'log.jsonl'), log.map((t) => JSON.stringify(t)).join('\n') + '\n');
    const r = runCli(['audit', '--no-config', '--rules', TEAM, 'log.jsonl', '--report', 'report.html', '--output', 'summary.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.byCategory.find((c: { category: string }) => c.category === 'competitor-mention')).toMatchObject({ label: '贬低竞品', findings: 1 });
    expect(summary.categoryLabels['competitor-mention']).toBe('贬低竞品');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('贬低竞品');
  });
});
