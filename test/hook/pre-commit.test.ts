// The real pre-commit tool (/usr/bin/pre-commit) running the repository's .pre-commit-hooks.yaml.
// pre-commit clones the hook repository at a commit, so the hook file (as it is in the working
// tree, committed or not) is committed into a temporary hook repository. By default the hook's
// `language` is overridden to `system` with replylint on PATH, which exercises everything the
// hook file says (id, entry, files, exclude, pass_filenames) without installing the package;
// REPLYLINT_TEST_PRECOMMIT_NODE=1 runs the real `language: node` installation of the whole
// package as well (about a minute: npm install, build, pack and global install inside
// pre-commit; needs the npm registry or a warm npm cache).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { addTemplate, GitRepo, positionOf } from './git-repo.js';
import { describeWithProgram } from '../helpers/system-tool.js';

const PRE_COMMIT = '/usr/bin/pre-commit';
const FULL = process.env.REPLYLINT_TEST_PRECOMMIT_NODE === '1';

/** A git repository holding `files` (paths relative to ROOT) at one commit; returns its path and sha. */
function hookRepo(files: readonly string[]): { dir: string; rev: string } {
  const repo = new GitRepo();
  for (const f of files) {
    mkdirSync(dirname(join(repo.dir, f)), { recursive: true });
    cpSync(join(ROOT, f), join(repo.dir, f));
  }
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'hook');
  return { dir: repo.dir, rev: repo.head() };
}

/** The package as it is in the working tree: tracked and new files, without ignored ones. */
function packageFiles(): string[] {
  const r = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return r.stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
}

function project(language: 'system' | 'node'): GitRepo {
  const hooks = hookRepo(language === 'node' ? packageFiles() : ['.pre-commit-hooks.yaml']);
  const repo = new GitRepo({
    PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'rl-pre-commit-home-')),
    PATH: `${join(ROOT, 'bin')}:${dirname(process.execPath)}:${process.env.PATH}`,
  }).withPhrasebook();
  repo.write(
    '.pre-commit-config.yaml',
    ['repos:', `  - repo: ${hooks.dir}`, `    rev: ${hooks.rev}`, '    hooks:', '      - id: replylint', ...(language === 'system' ? ['        language: system'] : []), ''].join('\n'),
  );
  expect(repo.run(PRE_COMMIT, ['install']).code).toBe(0);
  repo.git('add', '.pre-commit-config.yaml');
  return repo;
}

describeWithProgram(PRE_COMMIT, 'pre-commit', 'pre-commit framework with .pre-commit-hooks.yaml', () => {
  it.each(FULL ? (['system', 'node'] as const) : (['system'] as const))('language %s: a bad template is refused, a clean commit passes', (language) => {
    const repo = project(language);
    const yaml = addTemplate(repo.read('phrasebook/order.yaml'), 'rule', '亲，这是规定，取消不了');
    repo.write('phrasebook/order.yaml', yaml);
    repo.write('phrasebook/README.md', '这是规定 (documentation is not linted)\n');
    repo.git('add', '-A');
    const refused = repo.git('commit', '-m', 'bad');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/replylint \(customer-service replies and phrasebook\)\.+Failed/);
    expect(refused.out).toContain(`phrasebook/order.yaml\n  ${positionOf(yaml, '这是规定')}`);
    expect(refused.out).toContain('banned-phrase/this-is-the-rule');
    expect(refused.out).not.toContain('README');

    const committed = repo.git('show', 'HEAD:phrasebook/order.yaml').out;
    repo.write('phrasebook/order.yaml', addTemplate(committed, 'polite', '好的，我马上帮您取消订单，退款会原路返回。'));
    repo.git('add', '-A');
    const passed = repo.git('commit', '-m', 'good');
    expect(passed.out).toMatch(/replylint \(customer-service replies and phrasebook\)\.+Passed/);
    expect(passed.code).toBe(0);
  }, 600_000);
});
