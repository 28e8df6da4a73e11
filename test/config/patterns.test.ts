import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/config/patterns.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';

const env = { vocab: new Map([['absolute', ['一定', '絕對', '100%']]]), convert: traditionalToSimplified() };
const ok = (raw: string) => {
  const r = compilePattern(raw, env);
  if (!r.ok) throw new Error(r.message);
  return r.pattern;
};

describe('compilePattern', () => {
  it('normalises literals like texts', () => {
    expect(ok('這是規定！')).toEqual({ type: 'literal', text: '这是规定!' });
  });

  it('expands vocabularies, normalising and escaping their words', () => {
    const p = ok('/{{absolute}}到/');
    expect(p.type).toBe('regex');
    if (p.type !== 'regex') return;
    expect(new RegExp(p.source, 'u').test('绝对到')).toBe(true);
    expect(new RegExp(p.source, 'u').test('100%到')).toBe(true);
  });

  it('normalises literal characters inside a regex, including classes', () => {
    const p = ok('/[，。]不能退（吧）/');
    if (p.type !== 'regex') throw new Error();
    expect(new RegExp(p.source, 'u').test(',不能退(吧)')).toBe(true);
  });

  it('extracts AND-of-OR triggers, leaving out groups of characters found in nearly every reply', () => {
    const p = ok('/你[^,]{0,3}(找|问)(快递|物流)/');
    if (p.type !== 'regex') throw new Error();
    // 你 is in almost every reply: seeing it says nothing, so it is no trigger
    expect(p.triggers).toEqual([['快递', '物流'], ['找', '问']]);
    // … unless nothing rarer is required
    const q = ok('/你[^,]{0,3}吗/');
    if (q.type !== 'regex') throw new Error();
    expect(q.triggers).toEqual([['你'], ['吗']]);
  });

  it('a top-level alternation needs one of its branches', () => {
    const p = ok('/不知道|不清楚/');
    if (p.type !== 'regex') throw new Error();
    expect(p.triggers).toEqual([['不知道', '不清楚']]);
  });

  it('no trigger when nothing literal is required', () => {
    const p = ok('/\\d{11}/');
    if (p.type !== 'regex') throw new Error();
    expect(p.triggers).toEqual([]);
  });

  it('reports an unknown vocabulary at its position', () => {
    expect(compilePattern('/不{{nope}}/', env)).toMatchObject({ ok: false, index: 2, message: expect.stringContaining('unknown vocabulary {{nope}}') });
  });

  it('reports a syntax error at its position in the raw pattern', () => {
    const r = compilePattern('/{{absolute}}(到/', env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/invalid regular expression/);
    expect(r.index).toBeGreaterThan(12);
  });

  it('refuses unbounded quantifiers', () => {
    expect(compilePattern('/不.*知道/', env)).toMatchObject({ ok: false, message: expect.stringContaining('unbounded quantifier') });
    expect(compilePattern('/a+/', env)).toMatchObject({ ok: false });
    expect(compilePattern('/a{1,}/', env)).toMatchObject({ ok: false });
  });

  it('refuses empty literals', () => {
    expect(compilePattern('  ', env).ok).toBe(false);
  });
});
