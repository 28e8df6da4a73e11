// The one masking path: every recognizer over a text, overlaps settled, every value at or above
// the reporting score masked in place (same length) — what every output of replylint goes through.
import { describe, expect, it } from 'vitest';
import { findPersonalData, maskEveryString, maskPersonalData } from '../../src/pii/scan.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';

describe('maskPersonalData', () => {
  it.each([
    ['电话13812345678 11点前联系您', '电话138****5678 11点前联系您'],
    ['13812345678 11010519491231002X', '138****5678 1***************2X'],
    ['卡号6222021234567890128 5月到账', '卡号6222***********0128 5月到账'],
    ['133.1234.5678', '133.****.5678'],
    ['一三八一二三四五六七八', '一三八****五六七八'],
    ['邮箱abc(at)qq(dot)com', '邮箱a**(at)qq(dot)com'],
    ['已退款358元', '已退款***元'],
    ['这是规定，我也不知道', '这是规定，我也不知道'],
    ['商品ID 13812345678', '商品ID 13812345678'],
  ])('%s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
    expect(masked.length).toBe(text.length);
  });

  it('counts context words in traditional script when given the converter', () => {
    expect(maskPersonalData('退款金額358元', { convert: traditionalToSimplified() })).toBe('退款金額***元');
  });

  it('is idempotent: a masked text has nothing left to mask', () => {
    const once = maskPersonalData('您的手机13812345678，身份证11010519491231002X，邮箱lihua2020@qq.com');
    expect(maskPersonalData(once)).toBe(once);
  });
});

describe('findPersonalData', () => {
  it('settles overlaps: the higher score wins, offsets are into the text as given', () => {
    const text = '身份证１１０１０５\u200b１９４９１２３１００２Ｘ';
    const [v] = findPersonalData(text);
    expect(v).toMatchObject({ kind: 'id-card', start: 3, end: text.length });
    expect(findPersonalData('发票已发送到13812345678@qq.com').map((x) => x.kind)).toEqual(['email']);
  });
});

describe('maskEveryString', () => {
  it('masks every string of a structure, errors included', () => {
    const out = maskEveryString({ a: ['电话13812345678'], b: { c: 1, d: new Error('bad 13812345678') } }) as any;
    expect(out.a[0]).toBe('电话138****5678');
    expect(out.b.c).toBe(1);
    expect(out.b.d.message).toBe('bad 138****5678');
  });
});
