import { describe, expect, it } from 'vitest';
import { normalize, toOriginalSpan } from '../../src/core/normalize.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';

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

  it('drops blanks inside digit runs and maps offsets back', () => {
    const text = '电话 138 1234 5678 谢谢';
    const n = normalize(text, t2s);
    expect(n.text).toBe('电话 13812345678 谢谢');
    const s = n.text.indexOf('138');
    const [a, b] = toOriginalSpan(n, s, s + 11);
    expect(text.slice(a, b)).toBe('138 1234 5678');
  });

  it('drops ideographic and no-break spaces between digits, keeps them elsewhere', () => {
    const n = normalize('卡号６２２８\u3000４８００ 好的\u00a0谢谢', t2s);
    expect(n.text).toBe('卡号62284800 好的 谢谢');
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

  it('maps spans through full-width digits with blanks', () => {
    const text = '😀 号码：１３８　１２３４　５６７８。';
    const n = normalize(text, t2s);
    const s = n.text.indexOf('138');
    const [a, b] = toOriginalSpan(n, s, s + 11);
    expect(text.slice(a, b)).toBe('１３８　１２３４　５６７８');
  });
});
