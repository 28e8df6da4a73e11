// Masking: every mask keeps the length in UTF-16 code units (offsets stay valid on the masked
// text) and hides what the convention says: the middle of a mobile number, the local number of a
// landline, all but the first and last two characters of an ID, all but the first and last four
// digits of a card, the local part of an e-mail, the street and number of an address, and every
// digit of an amount.
import { describe, expect, it } from 'vitest';
import { maskDigits, maskSpans, maskValue } from '../../src/pii/mask.js';
import type { PiiKind } from '../../src/types.js';

describe('maskValue', () => {
  const rows: Array<[PiiKind, string, string]> = [
    ['mobile', '13812345678', '138****5678'],
    ['mobile', '+8613812345678', '+86138****5678'],
    ['mobile', '008613812345678', '0086138****5678'],
    ['mobile', '013812345678', '0138****5678'],
    ['mobile', '138 1234 5678', '138 **** 5678'],
    ['mobile', '+86 138-1234-5678', '+86 138-****-5678'],
    ['mobile', '１３８１２３４５６７８', '１３８****５６７８'],
    ['mobile', '一三八一二三四五六七八', '一三八****五六七八'],
    ['mobile', '壹叁捌.壹贰叁肆.伍陆柒捌', '壹叁捌.****.伍陆柒捌'],
    ['mobile', '(+86)138 1234 5678', '(+86)138 **** 5678'],
    ['landline', '+86 10 6234 5678', '+86 10 **** **78'],
    ['landline', '010-62345678', '010-******78'],
    ['landline', '0755-87654321', '0755-******21'],
    ['landline', '07557654321', '0755*****21'],
    ['landline', '(021)62345678', '(021)******78'],
    ['landline', '０２１－６２３４５６７８', '０２１－******７８'],
    ['landline', '89076543', '******43'],
    ['landline', '0571-88886666转123', '0571-********转*23'], // the last two digits overall stay
    ['id-card', '110105198506121248', '1***************48'],
    ['id-card', '11010519850612123X', '1***************3X'],
    ['id-card', '150102880730303', '1************03'],
    ['id-card', '110105-19491231-002X', '1*****-********-**2X'],
    ['bank-card', '6228480012345671', '6228********5671'],
    ['bank-card', '6228-4800-1234-5671', '6228-****-****-5671'],
    ['bank-card', '6222 0210 0112 3456 789', '6222 **** **** ***6 789'],
    ['email', 'lihua2020@qq.com', 'l********@qq.com'],
    ['email', '汉字@qq.com', '汉*@qq.com'],
    ['email', 'ａｂｃ＠ｑｑ．ｃｏｍ', 'ａ**＠ｑｑ．ｃｏｍ'],
    ['email', 'zhang.san(at)example(dot)com', 'z********(at)example(dot)com'],
    ['address', '北京市朝阳区建国路88号', '北京市朝阳区******'],
    ['address', '浙江省杭州市西湖区文三路90号', '浙江省杭州市西湖区******'],
    ['address', '阳光小区3栋2单元501', '************'], // 小区 is a compound, not a district
    ['address', '宁夏路288号市南软件园6号楼9层', '*****************'], // no 市 after a house number is kept
    ['address', '上海市 大木桥路425号', '上海市 ********'], // blanks stay
    ['amount', '699元', '***元'],
    ['amount', '¥1,299.00', '¥*,***.**'],
    ['amount', '叁佰伍拾捌元整', '*****元整'],
    ['amount', '三百五十八元', '*****元'],
  ];
  it.each(rows)('%s %s → %s', (kind, value, masked) => {
    expect(maskValue(kind, value)).toBe(masked);
    expect(masked.length).toBe(value.length);
  });

  it('keeps the length of values with characters outside the BMP', () => {
    const value = '𠀋𠀋路88号'; // two astral characters: 2 code units each
    const masked = maskValue('address', value);
    expect(masked.length).toBe(value.length);
    expect(masked).toBe('*'.repeat(value.length));
  });

  it('hides every digit that is not at the kept ends', () => {
    expect(maskValue('bank-card', '6217001234567890122').replace(/\*/g, '')).toBe('62170122');
    expect(maskValue('mobile', '15912345678').match(/\d/g)!.join('')).toBe('1595678');
  });
});

describe('maskDigits', () => {
  it('masks digits (and, for IDs, the x) between head and tail, keeps separators', () => {
    expect(maskDigits('12-34-56', 1, 1)).toBe('1*-**-*6');
    expect(maskDigits('12345x', 0, 0, true)).toBe('******');
    expect(maskDigits('12345Ｘ', 1, 1, true)).toBe('1****Ｘ');
    expect(maskDigits('010-62345678ext12', 3, 2)).toBe('010-********ext12');
    expect(maskDigits('12', 3, 4)).toBe('12'); // shorter than head + tail: nothing to hide
  });
});

describe('maskSpans', () => {
  const text = '电话13812345678，邮箱lihua2020@qq.com';
  const spans = [
    { start: 2, end: 13, kind: 'mobile' as const },
    { start: 16, end: 32, kind: 'email' as const },
  ];
  it('masks each span in place and keeps every offset valid', () => {
    const masked = maskSpans(text, spans);
    expect(masked).toBe('电话138****5678，邮箱l********@qq.com');
    expect(masked.length).toBe(text.length);
    expect(masked.slice(16, 32)).toBe('l********@qq.com');
  });
  it('does not depend on the order of the spans, and skips an overlapping one', () => {
    expect(maskSpans(text, [...spans].reverse())).toBe(maskSpans(text, spans));
    expect(maskSpans(text, [...spans, { start: 5, end: 9, kind: 'amount' }])).toBe(maskSpans(text, spans));
  });
  it('returns the text itself when there is nothing to mask', () => {
    expect(maskSpans(text, [])).toBe(text);
  });
});
