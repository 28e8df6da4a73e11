import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleFiles } from '../../src/config/load-rules.js';
import { ConfigError, type Problem } from '../../src/config/problems.js';
import { coreEnv } from '../../src/engine.js';

const env = coreEnv();
/** A team's file is always layered over a file that declares the categories it uses. */
const BASE = {
  file: 'base.yaml',
  text: `categories:
  - { id: banned-phrase, severity: error, label: { zh: 服务禁语, en: Banned phrase }, description: { zh: 禁语, en: banned } }
  - { id: rude, severity: error, label: { zh: 不礼貌, en: Rude }, description: { zh: 不礼貌, en: rude } }
`,
};
const problemsOf = (text: string, file = 'team.yaml'): Problem[] => {
  try {
    loadRuleFiles([BASE, { file, text }], env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

const rule = (id: string, extra = '') => `
  - id: ${id}
    category: banned-phrase
    severity: error
    message: { zh: 不要说, en: do not say it }
    patterns: [别说这个]
    examples: { bad: [别说这个吧], good: [好的] }${extra}`;

describe('loading rule files', () => {
  it('loads the shipped banned-phrases.yaml, running every example', () => {
    const set = loadRuleFiles([{ file: 'banned-phrases.yaml', text: readFileSync('banned-phrases.yaml', 'utf8') }], env);
    expect(set.rules.length).toBeGreaterThan(30);
    const categories = new Set(set.rules.map((r) => r.category));
    for (const c of ['banned-phrase', 'absolute-promise', 'sensitive-data', 'privacy-request', 'buck-passing', 'rude', 'blame-customer', 'negative-wording', 'exclamation-overuse']) {
      expect(categories).toContain(c);
    }
  });

  it('reports broken YAML with file, line and column', () => {
    const p = problemsOf('rules:\n  - id: a/b\n    category: [unclosed\n');
    expect(p[0]).toMatchObject({ file: 'team.yaml', code: 'yaml-syntax' });
    expect(p[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports every problem at once, each at its place', () => {
    const text = `rules:${rule('banned-phrase/one')}${rule('banned-phrase/one')}
  - id: banned-phrase/bad-pattern
    category: banned-phrase
    severity: error
    message: { zh: x, en: x }
    patterns: ["/不(知道/"]
    examples: { bad: [不知道] }
  - id: rude/wrong-category
    category: impolite
    severity: error
    message: { zh: x, en: x }
    patterns: [x]
    examples: { bad: [x] }
`;
    const p = problemsOf(text);
    const codes = p.map((x) => x.code);
    expect(codes).toContain('duplicate-id');
    expect(codes).toContain('bad-pattern');
    expect(codes).toContain('unknown-category');
    const dup = p.find((x) => x.code === 'duplicate-id')!;
    expect(dup.line).toBe(text.split('\n').findIndex((l, i) => i > 3 && l.includes('id: banned-phrase/one')) + 1);
    const bad = p.find((x) => x.code === 'bad-pattern')!;
    const line = text.split('\n').findIndex((l) => l.includes('/不(知道/'));
    expect(bad.line).toBe(line + 1);
    expect(bad.column).toBeGreaterThan(10);
    const unknown = p.find((x) => x.code === 'unknown-category')!;
    expect(unknown.message).toMatch(/category "impolite" is not declared/);
    expect(unknown.found).toBe('impolite');
    expect(unknown.line).toBe(text.split('\n').findIndex((l) => l.includes('category: impolite')) + 1);
  });

  it('reports examples that do not behave as declared', () => {
    const p = problemsOf(`rules:
  - id: banned-phrase/x
    category: banned-phrase
    severity: error
    message: { zh: x, en: x }
    patterns: [不知道]
    examples: { bad: [我很清楚], good: [我不知道] }
`);
    expect(p.map((x) => x.code).sort()).toEqual(['example-flagged', 'example-not-flagged']);
    expect(p.find((x) => x.code === 'example-not-flagged')!.line).toBe(7);
  });

  it('requires fixes to be tested with an expected output, and checks it', () => {
    const base = `rules:
  - id: banned-phrase/x
    category: banned-phrase
    severity: error
    message: { zh: x, en: x }
    patterns: [这是规定]
    fix: 这是平台规则
`;
    expect(problemsOf(base + '    examples: { bad: [这是规定] }\n').map((x) => x.code)).toEqual(['fix-untested']);
    expect(problemsOf(base + '    examples: { bad: [{ text: 这是规定哦, output: 这是平台规则哦 }] }\n')).toEqual([]);
    expect(problemsOf(base + '    examples: { bad: [{ text: 这是规定哦, output: 别的 }] }\n').map((x) => x.code)).toEqual(['example-bad-fix']);
  });

  it('rejects unknown keys and ids that do not start with their category', () => {
    const p = problemsOf(`rules:
  - id: rude/x
    category: banned-phrase
    severity: error
    message: { zh: x, en: x }
    patern: [x]
    patterns: [x]
    examples: { bad: [x] }
`);
    expect(p.map((x) => x.code).sort()).toEqual(['schema']);
    expect(p[0]!.message).toMatch(/unknown key "patern"/);
    expect(p[0]!.line).toBe(6);
  });

  it('never half-succeeds: one bad file fails the whole load', () => {
    const good = { file: 'a.yaml', text: `rules:${rule('banned-phrase/a')}\n` };
    const bad = { file: 'b.yaml', text: 'rules: [' };
    expect(() => loadRuleFiles([BASE, good, bad], env)).toThrow(ConfigError);
  });

  it('layers files: a later rule with the same id replaces the earlier; extends: none drops them', () => {
    const a = { file: 'a.yaml', text: `rules:${rule('banned-phrase/a')}${rule('banned-phrase/b')}\n` };
    const b = { file: 'b.yaml', text: `rules:${rule('banned-phrase/b').replace('severity: error', 'severity: warning')}\n` };
    const layered = loadRuleFiles([BASE, a, b], env);
    expect(layered.rules.map((r) => [r.id, r.severity])).toEqual([
      ['banned-phrase/a', 'error'],
      ['banned-phrase/b', 'warning'],
    ]);
    const c = { file: 'c.yaml', text: `extends: none\nrules:${rule('banned-phrase/c')}\n` };
    expect(loadRuleFiles([BASE, a, c], env).rules.map((r) => r.id)).toEqual(['banned-phrase/c']);
  });
});
