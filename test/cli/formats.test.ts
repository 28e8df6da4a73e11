import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const TEXT = '好的！！你自己看吧';

describe('output formats', () => {
  it('jsonl: one compact line', () => {
    const r = runCli(['check', '--format', 'jsonl', TEXT]);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['exclamation-overuse/shouting', 'banned-phrase/see-for-yourself']);
  });

  it('sarif: a valid SARIF 2.1.0 log with rules, regions and fixes', () => {
    const r = runCli(['check', '--format', 'sarif', TEXT]);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('replylint');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id).sort()).toEqual(['banned-phrase/see-for-yourself', 'exclamation-overuse/shouting']);
    const [shout, see] = run.results;
    expect(shout).toMatchObject({ ruleId: 'exclamation-overuse/shouting', level: 'warning' });
    expect(shout.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 3, endColumn: 5, charOffset: 2, charLength: 2 });
    expect(shout.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 2, charLength: 2 }, insertedContent: { text: '！' } });
    expect(see).toMatchObject({ ruleId: 'banned-phrase/see-for-yourself', level: 'error' });
    expect(r.code).toBe(1);
  });

  it('github: workflow commands with escaped properties', () => {
    const r = runCli(['check', '--format', 'github', TEXT]);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::warning line=1,col=3,endColumn=5,title=exclamation-overuse\/shouting::/);
    expect(lines[1]).toMatch(/^::error line=1,col=5,endColumn=9,title=banned-phrase\/see-for-yourself::/);
  });

  it('an unknown format is a usage error', () => {
    const r = runCli(['check', '--format', 'xml', TEXT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/format/);
  });
});
