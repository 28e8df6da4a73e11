// The plain .git/hooks/pre-commit of the README, in a real repository: `replylint lint --staged`
// refuses a commit that adds a bad template and lets a clean one through.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { addTemplate, GitRepo, positionOf } from './git-repo.js';

function repoWithHook(): GitRepo {
  const repo = new GitRepo().withPhrasebook();
  repo.write('.git/hooks/pre-commit', `#!/bin/sh\nexec "${process.execPath}" "${BIN}" lint --staged\n`);
  chmodSync(join(repo.dir, '.git/hooks/pre-commit'), 0o755);
  return repo;
}

describe('plain git pre-commit hook with lint --staged', () => {
  it('refuses a commit adding a template with 这是规定, naming file, line, column and rule', () => {
    const repo = repoWithHook();
    const head = repo.head();
    const yaml = addTemplate(repo.read('phrasebook/order.yaml'), 'rule', '亲，这是规定，取消不了的话请联系我们');
    repo.write('phrasebook/order.yaml', yaml);
    repo.git('add', 'phrasebook/order.yaml');
    const r = repo.git('commit', '-m', 'add template');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(`phrasebook/order.yaml\n  ${positionOf(yaml, '这是规定')}`);
    expect(r.out).toMatch(/error\s+“这是规定”.*banned-phrase\/this-is-the-rule/);
    expect(repo.head()).toBe(head);
  });

  it('lets a clean commit through', () => {
    const repo = repoWithHook();
    const head = repo.head();
    repo.write('phrasebook/order.yaml', addTemplate(repo.read('phrasebook/order.yaml'), 'polite', '好的，我马上帮您取消订单，退款会原路返回，请您留意。'));
    repo.write('replies/faq.txt', '亲，您好，请问有什么可以帮您？\n');
    repo.git('add', '-A');
    const r = repo.git('commit', '-q', '-m', 'clean');
    expect(r).toEqual({ code: 0, out: '✔ no problems\n' });
    expect(repo.head()).not.toBe(head);
  });

  it('judges what is staged, not the working copy', () => {
    const repo = repoWithHook();
    // staged: bad; working copy: good → refused
    repo.write('replies/a.txt', '这是规定\n');
    repo.git('add', 'replies/a.txt');
    repo.write('replies/a.txt', '好的，我帮您看看\n');
    expect(repo.git('commit', '-m', 'x').code).not.toBe(0);
    const staged = runCli(['lint', '--staged', '--format', 'json'], { cwd: repo.dir });
    expect(JSON.parse(staged.stdout).files[0].findings[0]).toMatchObject({ ruleId: 'banned-phrase/this-is-the-rule', line: 1, column: 1 });
    expect(runCli(['lint', 'replies/a.txt'], { cwd: repo.dir }).code).toBe(0);
    // staged: good; working copy: bad → allowed
    repo.git('add', 'replies/a.txt');
    repo.write('replies/a.txt', '这是规定\n');
    expect(repo.git('commit', '-q', '-m', 'y').code).toBe(0);
  });

  it('a duplicate id against a committed sibling is found from the staged file alone', () => {
    const repo = repoWithHook();
    const general = repo.read('phrasebook/general.yaml');
    const id = /- id: (greeting\/[a-z0-9-]+)/.exec(general)![1]!;
    const yaml = addTemplate(repo.read('phrasebook/order.yaml'), 'x', '好的').replace('- id: order.cancel/x', `- id: ${id}`);
    repo.write('phrasebook/order.yaml', yaml);
    repo.git('add', '-A');
    const r = repo.git('commit', '-m', 'dup');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(`template id "${id}" is already used at phrasebook/general.yaml:`);
  });

  it('from a subfolder, paths are shown relative to it; only staged files under named paths are linted', () => {
    const repo = repoWithHook();
    repo.write('replies/a.txt', '这是规定\n');
    repo.write('other/b.txt', '这是规定\n');
    repo.git('add', '-A');
    const r = runCli(['lint', '--staged', '.'], { cwd: join(repo.dir, 'replies') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^a\.txt\n/);
    expect(r.stdout).not.toContain('b.txt');
  });

  it('nothing staged: passes quietly; outside a repository: exit 2 with a clear message', () => {
    const repo = new GitRepo();
    expect(runCli(['lint', '--staged'], { cwd: repo.dir })).toMatchObject({ code: 0, stdout: '✔ no problems\n' });
    const outside = runCli(['lint', '--staged'], { cwd: '/' });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe('replylint: --staged needs a git repository, and / is not in one\n');
  });
});
