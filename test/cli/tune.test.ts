// `replylint tune FEEDBACK…`: proposals printed for review, --write adds them to the team's
// learned.yaml (which the ranker then reads), the shipped phrasebook is never written, and bad
// lines are reported with their place while the good ones are still used.

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { FeedbackRecord } from '../../src/rank/feedback.js';

const noModel = { REPLYLINT_MODEL_DIR: '/nonexistent-models' };

const record = (answer: string, message: string, templateId: string | null): FeedbackRecord => ({
  v: 1,
  time: '2025-01-01T00:00:00.000Z',
  answer,
  message,
  history: [],
  shown: [],
  confidence: 0.4,
  abstained: false,
  chosen: templateId ? { templateId, intent: templateId.split('/')[0]! } : null,
});

/** A shop folder: its own copy of the phrasebook (pb/) and a feedback log. */
function shop(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-tune-'));
  cpSync('phrasebook', join(dir, 'pb'), { recursive: true });
  writeFileSync(join(dir, '.replylint.yaml'), 'phrasebook: pb\n');
  writeFileSync(join(dir, 'feedback.jsonl'), lines.join('\n') + '\n');
  return dir;
}

/** A message the ranker is unsure about, and a template of an intent it does not put first. */
const WRONG = '油烟机吸力变小了 噪音特别大';
const ranking = JSON.parse(runCli(['suggest', '--format', 'json', '--all', '--top', '9', WRONG], { env: noModel }).stdout) as { suggestions: Array<{ templateId: string; intent: string }> };
const CHOSEN = ranking.suggestions.find((s) => s.intent !== ranking.suggestions[0]!.intent)!;
const log = [
  JSON.stringify(record('a1', WRONG, CHOSEN.templateId)),
  JSON.stringify(record('a2', '衣服尺码小了 我想退掉不要了', 'aftersale.return_request/guide-return')),
];

describe('replylint tune', () => {
  it('prints the proposals and their effect, and writes nothing without --write', () => {
    const dir = shop(log);
    const r = runCli(['tune', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${CHOSEN.intent}:`);
    expect(r.stdout).toContain(WRONG);
    expect(r.stdout).not.toContain('尺码小了');
    expect(r.stderr).toContain('2 feedback records: 1 new example for intents, 0 out-of-scope examples');
    expect(r.stderr).toContain('1 already ranked as the agent chose');
    expect(r.stderr).toMatch(/agents' choices the ranker puts first: 1\/2 now, 2\/2 with these examples/);
    expect(existsSync(join(dir, 'pb', 'learned.yaml'))).toBe(false);
  });

  it('--write adds them to learned.yaml; the ranker reads it; a second run adds nothing', () => {
    const dir = shop(log);
    const before = JSON.parse(runCli(['suggest', '--format', 'json', '--all', WRONG], { cwd: dir, env: noModel }).stdout);
    expect(before.suggestions[0].intent).not.toBe(CHOSEN.intent);
    const r = runCli(['tune', '--write', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(r.code).toBe(0);
    const learned = readFileSync(join(dir, 'pb', 'learned.yaml'), 'utf8');
    expect(learned).toMatch(/^# Customer examples learned/);
    expect(learned).toContain(`  ${CHOSEN.intent}:\n    - "${WRONG}"`);
    const after = JSON.parse(runCli(['suggest', '--format', 'json', WRONG], { cwd: dir, env: noModel }).stdout);
    expect(after.suggestions[0].intent).toBe(CHOSEN.intent);
    expect(runCli(['lint', 'pb/learned.yaml'], { cwd: dir }).code).toBe(0);
    const again = runCli(['tune', '--write', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(again.stderr).toContain('nothing to add');
    expect(readFileSync(join(dir, 'pb', 'learned.yaml'), 'utf8')).toBe(learned);
  });

  it('--format json reports every count', () => {
    const dir = shop(log);
    const r = runCli(['tune', '--format', 'json', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(JSON.parse(r.stdout)).toMatchObject({ examples: [{ text: WRONG, intent: CHOSEN.intent, count: 1 }], alreadyRight: 1, before: 1, after: 2, messages: 2, written: null });
  });

  it('never writes into the shipped phrasebook; --out writes elsewhere', () => {
    const dir = shop(log);
    const r = runCli(['tune', '--no-config', '--write', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--phrasebook DIR');
    const out = runCli(['tune', '--no-config', '--out', 'proposals.yaml', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, 'proposals.yaml'), 'utf8')).toContain(WRONG);
  });

  it('bad lines are reported with file and line, the good ones still count, exit 2; a missing file is a usage error', () => {
    const dir = shop([log[0]!, 'not json', JSON.stringify({ v: 9 })]);
    const r = runCli(['tune', 'feedback.jsonl'], { cwd: dir, env: noModel });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/feedback\.jsonl:2:1: not JSON/);
    expect(r.stderr).toMatch(/feedback\.jsonl:3:1: unknown feedback format 9/);
    expect(r.stdout).toContain(WRONG);
    const missing = runCli(['tune', 'nope.jsonl'], { cwd: dir, env: noModel });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope.jsonl');
  });
});
