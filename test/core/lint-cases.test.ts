// The labelled drafts in test/fixtures/lint-cases.jsonl (written for this project, in the shape of
// the dev set): each must raise every category it expects at warning or error, and nothing outside
// `expect` + `allow`; clean drafts must raise nothing at warning or error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedEngine } from '../helpers/engine.js';

interface Case { id: string; text: string; expect: string[]; allow: string[]; tag: string }

const cases: Case[] = readFileSync(new URL('../fixtures/lint-cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

describe('labelled drafts', () => {
  it('has a meaningful number of flagged and clean cases', () => {
    expect(cases.filter((c) => c.expect.length > 0).length).toBeGreaterThan(300);
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThan(250);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const engine = await shippedEngine();
    const raised = new Set(engine.check(c.text).findings.filter((f) => f.severity !== 'info').map((f) => f.category));
    for (const category of c.expect) expect(raised, `${c.text} should raise ${category}`).toContain(category);
    const unexpected = [...raised].filter((x) => !c.expect.includes(x) && !c.allow.includes(x));
    expect(unexpected, `${c.text} raised ${unexpected.join(', ')}`).toEqual([]);
  });
});
