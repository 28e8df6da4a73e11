// Known values in any spelling (the LLM guard's test of what it sends and what comes back):
// amounts read as numbers, digit runs across separators and numerals, e-mails and streets folded.
import { describe, expect, it } from 'vitest';
import { amountNumber, amountsIn, digitRuns, spellingMatcher, valueKey } from '../../src/pii/spellings.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';

describe('amountNumber', () => {
  it.each([
    ['1,299.00元', 1299],
    ['¥358', 358],
    ['1.5万元', 15000],
    ['3千5百元', 3500],
    ['三百五十八元', 358],
    ['三百零五元', 305],
    ['十五元', 15],
    ['两千块', 2000],
    ['一万二千元', 12000],
    ['叁佰伍拾捌元伍角', 358.5],
    ['三点五元', 3.5],
    ['元', null],
  ])('%s → %s', (text, n) => {
    expect(amountNumber(text)).toBe(n);
  });

  it('finds amounts only with a currency sign or unit', () => {
    expect(amountsIn('退款三百五十八元，24小时内到账，¥1,299.00 和 RMB 88').map((a) => a.amount)).toEqual([358, 1299, 88]);
  });
});

describe('digitRuns', () => {
  it('reads runs across separators and numerals, two numbers side by side as one', () => {
    const text = '电话15012345678 15112345678 和 110105-19491231-002X 以及 一三八一二三四五六七八';
    const runs = digitRuns(text);
    expect(runs.map((r) => r.digits)).toEqual(['1501234567815112345678', '11010519491231002x', '13812345678']);
    expect(text.slice(runs[1]!.start, runs[1]!.end)).toBe('110105-19491231-002X');
  });
});

describe('spellingMatcher', () => {
  const t2s = traditionalToSimplified();
  const keys = [
    { key: valueKey('mobile', '+86 138 1234 5678')!, id: 'P' },
    { key: valueKey('amount', '358元')!, id: 'A' },
    { key: valueKey('email', 'zhang.san@example.com')!, id: 'E' },
    { key: valueKey('address', '浙江省杭州市西湖区文三路100号3幢201室', t2s)!, id: 'D' },
  ];
  const match = spellingMatcher(keys, t2s);
  it.each([
    ['打一三八一二三四五六七八', ['P']],
    ['壹叁捌壹贰叁肆伍陆柒捌', ['P']],
    ['138.1234.5678', ['P']],
    ['13812345678 11点', ['P']],
    ['1381234567813912345678', ['P']],
    ['退款三百五十八元', ['A']],
    ['退款¥358.00', ['A']],
    ['24小时内358件', []],
    ['ZHANG.SAN(at)EXAMPLE(dot)COM', ['E']],
    ['寄到文三路１００號３幢２０１室', ['D']],
    ['文三路附近', []],
  ])('%s → %j', (text, ids) => {
    expect(match(text)).toEqual(ids);
  });

  it('has no key for what is too short to compare safely', () => {
    expect(valueKey('landline', '123456')).toBeNull();
    expect(valueKey('amount', '5元')).toBeNull();
  });
});
