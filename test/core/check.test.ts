import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import type { Category } from '../../src/types.js';
import { shippedEngine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const flagged = (text: string): Category[] =>
  [...new Set(engine.check(text).findings.filter((f) => f.severity !== 'info').map((f) => f.category))].sort();

describe('context: each pair comes out right (issue: the scoring core)', () => {
  const pairs: Array<[string, Category | null]> = [
    ['我不知道', 'banned-phrase'],
    ['如果您不知道怎么选尺码', null],
    ['快递一定明天到', 'absolute-promise'],
    ['我们一定尽快为您处理', null],
    ['100%明天送到', 'absolute-promise'],
    ['100%纯棉', null],
    ['不能退。', 'negative-wording'],
    ['不能无理由退，但可以为您安排维修', null],
    ['请把验证码发给我', 'privacy-request'],
    ['请不要把验证码告诉任何人', null],
    ['您的订单金额是358元', 'sensitive-data'],
    ['满199减20', null],
    ['10元补偿券', null],
    ['您的订单金额是三位数哦', null],
  ];
  it.each(pairs)('%s → %s', (text, category) => {
    expect(flagged(text)).toEqual(category ? [category] : []);
  });
});

describe('offsets point into the text as given', () => {
  it('after emoji and other astral characters', () => {
    const text = '😀👍🏻 这是规定';
    const f = engine.check(text).findings[0]!;
    expect(text.slice(f.start, f.end)).toBe('这是规定');
    expect([f.line, f.column]).toEqual([1, f.start + 1]);
  });

  it('in traditional characters', () => {
    const text = '親，這是規定喔';
    const f = engine.check(text).findings.find((x) => x.ruleId === 'banned-phrase/this-is-the-rule')!;
    expect(text.slice(f.start, f.end)).toBe('這是規定');
    expect(f.excerpt).toBe('這是規定');
  });

  it('in full-width text with blanks inside a number', () => {
    const text = '您好😀，電話１５９ １２３４ ５６７８對嗎';
    const f = engine.check(text).findings.find((x) => x.category === 'sensitive-data')!;
    expect(f.end - f.start).toBe('１５９ １２３４ ５６７８'.length);
    expect(f.excerpt).toBe('１５９ **** ５６７８');
  });

  it('on later lines, with 1-based line and column', () => {
    const text = '您好\r\n请稍等\n我也不知道';
    const f = engine.check(text).findings[0]!;
    expect(text.slice(f.start, f.end)).toBe('不知道');
    expect([f.line, f.column]).toEqual([3, 3]);
  });
});

describe('results', () => {
  it('has the SPEC §3 shape', () => {
    const r = engine.check('这是规定，我也不知道');
    expect(Object.keys(r).sort()).toEqual(['findings', 'pass', 'score', 'text']);
    const f = r.findings[0]!;
    for (const k of ['ruleId', 'category', 'severity', 'message', 'start', 'end', 'line', 'column', 'excerpt', 'suggestions']) expect(f).toHaveProperty(k);
    expect(r.pass).toBe(false);
    expect(r.score).toBeLessThan(50);
  });

  it('a clean reply scores 100 and passes', () => {
    expect(engine.check('亲，请稍等，我帮您查询一下~')).toEqual({ text: '亲，请稍等，我帮您查询一下~', findings: [], score: 100, pass: true });
  });

  it('an empty text is clean', () => {
    expect(engine.check('')).toEqual({ text: '', findings: [], score: 100, pass: true });
  });

  it('pass follows failOn', () => {
    const text = '不能换。';
    expect(engine.check(text).pass).toBe(true); // a warning
    expect(engine.check(text, { failOn: 'warning' }).pass).toBe(false);
    expect(engine.check(text).score).toBeLessThan(100);
  });

  it('masks personal data in the text, excerpt and message, keeping offsets', () => {
    const text = '您的电话是15912345678对吗';
    const r = engine.check(text);
    const f = r.findings[0]!;
    expect(r.text).toBe('您的电话是159****5678对吗');
    expect(r.text.length).toBe(text.length);
    expect(f.excerpt).toBe('159****5678');
    expect(f.message).toContain('159****5678');
    expect(JSON.stringify(r)).not.toContain('15912345678');
  });

  it('messages follow the language of the text', () => {
    expect(engine.check('I have no idea.').findings[0]!.message).toMatch(/customer/);
    expect(engine.check('我不知道').findings[0]!.message).toMatch(/禁语/);
    expect(engine.check('我不知道', { locale: 'en' }).findings[0]!.message).toMatch(/customer/);
  });

  it('offers a certain fix for exclamation runs, keeping the mark the agent used', () => {
    const r = engine.check('好的！！！马上!!');
    expect(r.findings.map((f) => f.fix?.replacement)).toEqual(['！', '!']);
  });

  it('checks a 1 MB text without failing', () => {
    const text = '亲，您的包裹预计明天送达，请您留意物流信息。'.repeat(48_000) + '这是规定';
    expect(text.length).toBeGreaterThan(1_000_000);
    const r = engine.check(text);
    expect(r.findings.map((f) => f.ruleId)).toContain('banned-phrase/this-is-the-rule');
    expect(r.findings.at(-1)!.end).toBe(text.length);
  });

  it('is deterministic', () => {
    const text = '快递绝对明天能到！！你自己看吧，电话13912345678';
    expect(engine.check(text)).toEqual(engine.check(text));
  });
});
