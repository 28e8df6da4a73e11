import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../src/normalize.js';
import { traditionalToSimplified } from '../src/support/opencc.js';

const t2s = traditionalToSimplified();

describe('normalize', () => {
  it('leaves already-normal text alone with an identity map', () => {
    const n = normalize('亲，请稍等', t2s);
    expect(n.text).toBe('亲,请稍等');
    expect(n.start).toBeNull();
  });

  it('folds full-width forms and ASCII case one to one', () => {
    const n = normalize('ＣＶＶ：１２３！', t2s);
    expect(n.text).toBe('cvv:123!');
    expect(n.start).toBeNull();
  });

  it('converts traditional characters keeping the length', () => {
    expect(normalize('這是規定喔', t2s).text).toBe('这是规定喔');
    expect(normalize('保證不會褪色', t2s).text).toBe('保证不会褪色');
  });

  it('without a converter, keeps traditional characters', () => {
    expect(normalize('這是規定').text).toBe('這是規定');
  });

  it('keeps blanks between digits: neighbouring numbers are never glued into one', () => {
    for (const text of ['电话13812345678 11点前联系您', '您的手机13812345678 2件商品已发出', '卡号6222021234567890128 5月到账']) {
      const n = normalize(text, t2s);
      expect(n.text).toBe(text);
      expect(n.start).toBeNull();
    }
  });

  it('folds ideographic and no-break spaces to blanks, between digits too', () => {
    const n = normalize('卡号６２２８\u3000４８００ 好的\u00a0谢谢', t2s);
    expect(n.text).toBe('卡号6228 4800 好的 谢谢');
    expect(n.start).toBeNull();
  });

  it.each([
    ['NUL', '\u0000'],
    ['a C0 control', '\u0007'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['the soft hyphen', '\u00ad'],
    ['the combining grapheme joiner', '\u034f'],
    ['a zero-width space', '\u200b'],
    ['a zero-width joiner', '\u200d'],
    ['a right-to-left mark', '\u200f'],
    ['a bidi override', '\u202e'],
    ['a word joiner', '\u2060'],
    ['a bidi isolate', '\u2066'],
    ['a variation selector', '\ufe0f'],
    ['the byte-order mark', '\ufeff'],
    ['a Hangul filler', '\u3164'],
  ])('drops %s inside a word and maps the span back over it', (_, ch) => {
    const text = `这个我不${ch}知道`;
    const n = normalize(text, t2s);
    expect(n.text).toBe('这个我不知道');
    const [a, b] = toOriginalSpan(n, 3, 6);
    expect(text.slice(a, b)).toBe(`不${ch}知道`);
  });

  it('keeps tab and line breaks', () => {
    expect(normalize('不知道\t好\r\n的', t2s).text).toBe('不知道\t好\r\n的');
  });

  it('drops zero-width characters and keeps the map right', () => {
    const text = '不\u200b知道';
    const n = normalize(text, t2s);
    expect(n.text).toBe('不知道');
    const [a, b] = toOriginalSpan(n, 0, 3);
    expect([a, b]).toEqual([0, 4]);
  });

  it('keeps astral characters (emoji) as two code units mapped to themselves', () => {
    const text = '😀😀这是规定';
    const n = normalize(text, t2s);
    expect(n.text).toBe(text);
    expect(n.text.indexOf('这是规定')).toBe(4);
  });

  it('maps spans through full-width digits with blanks and invisible characters', () => {
    const text = '😀 号码：１３８　１２３４\u200b　５６７８。';
    const n = normalize(text, t2s);
    const s = n.text.indexOf('138');
    const [a, b] = toOriginalSpan(n, s, s + 13);
    expect(text.slice(a, b)).toBe('１３８　１２３４\u200b　５６７８');
  });
});
