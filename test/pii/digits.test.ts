// The digit pieces the number recognizers share: how a value's digits are read in any spelling,
// when a number is only part of a longer one, and the one-pass bound on the longest number.
import { describe, expect, it } from 'vitest';
import { continuesGrouping, digitsOf, digitOf, isDigitChar, longestDigitRun, notAlone } from '../../src/pii/digits.js';

describe('digitsOf', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['一三八一二三四五六七八', '13812345678'],
    ['幺三八 幺两三四 五六七八', '13812345678'],
    ['壹叁捌壹贰叁肆伍陆柒捌', '13812345678'],
    ['１３８－１２３４－５６７８', '13812345678'],
    ['110105-19491231-002X', '11010519491231002x'],
    ['〇零', '00'],
    ['+86 (0) 10', '86010'],
  ])('%s → %s', (value, digits) => {
    expect(digitsOf(value)).toBe(digits);
  });

  it('knows every numeral of every style, and nothing else', () => {
    expect([...'〇一二三四五六七八九'].map(digitOf).join('')).toBe('0123456789');
    expect([...'零壹贰叁肆伍陆柒捌玖'].map(digitOf).join('')).toBe('0123456789');
    expect([...'貳參陸兩'].map(digitOf).join('')).toBe('2362');
    expect(isDigitChar('十')).toBe(false);
    expect(isDigitChar('x')).toBe(false);
    expect(isDigitChar('x', true)).toBe(true);
  });
});

describe('continuesGrouping and notAlone', () => {
  const at = (text: string, value: string, blanks = false) => {
    const s = text.indexOf(value);
    return continuesGrouping(text, s, s + value.length, blanks);
  };
  it('a mark that goes on with a digit makes a longer number; a blank does not', () => {
    expect(at('138-1234-5678-90', '138-1234-5678')).toBe(true);
    expect(at('1-138-1234-5678', '138-1234-5678')).toBe(true);
    expect(at('138-1234-5678 90', '138-1234-5678')).toBe(false);
    expect(at('138 1234 5678 11点', '138 1234 5678')).toBe(false);
    expect(at('13812345678-2', '13812345678')).toBe(false); // no mark inside the value
  });
  it('with blanks joining, a blank-grouped value inside a longer blank-grouped number is a piece', () => {
    expect(at('6222 0210 0112 3456 789', '6222 0210', true)).toBe(true);
    expect(at('6222 0210 0112 3456 5月', '6222 0210 0112 3456', true)).toBe(false);
    expect(at('6222021234567890 13812345678', '6222021234567890', true)).toBe(false);
  });
  it('ordinals and counts are not values', () => {
    const why = (text: string, v: string) => notAlone(text, text.indexOf(v), text.indexOf(v) + v.length);
    expect(why('第13812345678位顾客', '13812345678')).toMatch(/ordinal/);
    expect(why('已售13812345678件', '13812345678')).toMatch(/count/);
    expect(why('电话13812345678 11点', '13812345678')).toBeNull();
  });
});

describe('longestDigitRun', () => {
  it.each([
    ['电话13812345678 11点', 13],
    ['138 1234 5678', 11],
    ['订单号：20240315', 8],
    ['一二三', 3],
    ['这是规定，我也不知道', 0],
    ['1    2', 1], // four blanks are no separator
  ])('%s → %i', (text, n) => {
    expect(longestDigitRun(text)).toBe(n);
  });
});
