// The GitHub Action (action.yml) run locally: its shell steps are executed in order with bash on a
// fixture git repository, with the inputs, github context and step outputs GitHub would give them;
// the SARIF they write is validated against the OASIS SARIF 2.1.0 schema (vendored in
// test/fixtures/sarif). The upload step is GitHub's own action: its condition and inputs are checked.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { BIN, ROOT } from '../helpers/cli.js';
import { GitRepo } from '../hook/git-repo.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

/** Evaluates the `${{ a || b }}` expressions the action uses: inputs, github, runner and step outputs. */
function evaluate(template: string, ctx: Record<string, unknown>): string {
  return template.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => {
    for (const alt of expr.split('||').map((s) => s.trim())) {
      const value = alt.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), ctx);
      if (value !== undefined && value !== null && value !== '') return String(value);
    }
    return '';
  });
}

interface Ran {
  log: string;
  code: number;
  outputs: Record<string, Record<string, string>>;
}

/** Runs the action's shell steps in `repo` as GitHub runs `shell: bash` (bash -eo pipefail); stops at the first failure. */
function runAction(repo: GitRepo, inputs: Record<string, string>, github: Record<string, unknown>): Ran {
  const temp = mkdtempSync(join(tmpdir(), 'rl-action-runner-'));
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const outputs: Ran['outputs'] = {};
  let log = '';
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    const ctx = { inputs: values, github: { workspace: repo.dir, ...github }, runner: { temp }, steps: Object.fromEntries(Object.entries(outputs).map(([id, o]) => [id, { outputs: o }])) };
    const out = join(temp, `output-${step.id ?? 'x'}`);
    writeFileSync(out, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, ctx)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, ...env, GITHUB_OUTPUT: out, NO_COLOR: '1' } });
    log += r.stdout + r.stderr;
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(out, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
    if (r.status !== 0) return { log, code: r.status ?? 1, outputs };
  }
  rmSync(temp, { recursive: true, force: true });
  return { log, code: 0, outputs };
}

const repos: GitRepo[] = [];
afterAll(() => {
  for (const r of repos) rmSync(r.dir, { recursive: true, force: true });
});

/** A repository with a clean base commit and a pull request commit on top; returns it and the base sha. */
function pullRequest(): { repo: GitRepo; base: string } {
  const repo = new GitRepo();
  repos.push(repo);
  repo.write('replies/greeting.txt', '您好，请问有什么可以帮您？\n');
  repo.write('replies/old.txt', '亲，这是规定\n'); // an old finding: not in the pull request's diff
  repo.write('README.md', '# 话术库\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '--no-verify', '-m', 'base');
  const base = repo.head();
  repo.write('replies/greeting.txt', '您好，请问有什么可以帮您？\n我也不知道\n');
  repo.write('replies/faq.md', '# 常见问题\n\n- 快递一定明天到\n');
  repo.write('README.md', '# 话术库\n\n我也不知道\n'); // documentation is not linted
  repo.write('package.json', '{"description": "我也不知道"}\n');
  repo.git('add', '-A');
  repo.git('commit', '-q', '--no-verify', '-m', 'pull request');
  return { repo, base };
}

describe('action.yml', () => {
  it('is a composite action whose SARIF upload is GitHub code scanning, skipped for forks, and whose outputs come from its steps', () => {
    expect(action.runs.using).toBe('composite');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ steps.lint.outputs.sarif }}');
    expect(upload.if).toContain('github.event.pull_request.head.repo.fork != true');
    expect(upload.if).toContain("steps.lint.outputs.sarif != ''");
  });

  it('lints only the files the pull request changed, writes SARIF valid against the 2.1.0 schema, annotates, and fails on errors', () => {
    const { repo, base } = pullRequest();
    const sarifPath = join(repo.dir, 'replylint.sarif');
    const r = runAction(repo, { replylint: `${process.execPath} ${BIN}` }, { event: { pull_request: { base: { sha: base }, head: { repo: { fork: false } } } } });
    expect(r.outputs.files).toMatchObject({ count: '2' });
    expect(r.outputs.lint).toMatchObject({ sarif: 'replylint.sarif', 'exit-code': '1' });
    expect(r.code).toBe(1);

    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const where = sarif.runs[0]!.results.map((x) => {
      const p = x.locations[0]!.physicalLocation;
      return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn} ${x.ruleId}`;
    });
    expect(where.sort()).toEqual(['replies/faq.md:3:5 absolute-promise/delivery-date', 'replies/greeting.txt:2:3 banned-phrase/dont-know']);

    // The annotations GitHub shows on the pull request.
    expect(r.log).toContain('::error file=replies/greeting.txt,line=2,col=3');
    expect(r.log).toContain('::error file=replies/faq.md,line=3,col=5');
    expect(r.log).not.toContain('README.md');
    expect(r.log).not.toContain('old.txt');
  });

  it('a clean change passes, and nothing to lint is no failure', () => {
    const repo = new GitRepo();
    repos.push(repo);
    repo.write('replies/a.txt', '您好\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '--no-verify', '-m', 'base');
    const base = repo.head();
    repo.write('replies/a.txt', '您好，请问有什么可以帮您？\n');
    repo.write('notes.js', '// not a reply file\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '--no-verify', '-m', 'change');
    const clean = runAction(repo, { replylint: `${process.execPath} ${BIN}` }, { event: { pull_request: { base: { sha: base } } } });
    expect(clean.code).toBe(0);
    expect(clean.outputs.lint).toMatchObject({ 'exit-code': '0', sarif: 'replylint.sarif' });
    expect(validateSarif(JSON.parse(readFileSync(join(repo.dir, 'replylint.sarif'), 'utf8')))).toBe(true);

    const nothing = runAction(repo, { replylint: `${process.execPath} ${BIN}`, paths: 'notes.js' }, { event: { pull_request: { base: { sha: base } } } });
    expect(nothing.code).toBe(0);
    expect(nothing.outputs.files).toMatchObject({ count: '0' });
    expect(nothing.outputs.lint).toMatchObject({ sarif: '' });
  });

  it('a push to a new branch (no previous commit) lints every file under paths; a broken configuration fails with exit 2', () => {
    const { repo } = pullRequest();
    const all = runAction(repo, { replylint: `${process.execPath} ${BIN}`, paths: 'replies' }, { event: { before: '0000000000000000000000000000000000000000' } });
    expect(all.outputs.files).toMatchObject({ count: '3' });
    expect(all.code).toBe(1);
    repo.write('.replylint.yaml', 'rulez: {}\n');
    const broken = runAction(repo, { replylint: `${process.execPath} ${BIN}`, paths: 'replies' }, { event: { before: '0000000000000000000000000000000000000000' } });
    expect(broken.code).toBe(2);
    expect(broken.log).toContain('::error title=replylint::replylint could not lint (exit 2)');
  });

  it('the vendored schema rejects what is not SARIF (the validation is real)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'error' }] }] })).toBe(true);
  });
});
