import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/core/aho-corasick.js';

const words = (ac: AhoCorasick, phrases: string[], text: string) =>
  ac.findAll(text).map((h) => `${phrases[h.phrase]}@${h.start}`).sort();

describe('AhoCorasick', () => {
  it('finds every occurrence, overlaps included (he/she/his/hers)', () => {
    const phrases = ['he', 'she', 'his', 'hers'];
    const ac = new AhoCorasick(phrases);
    expect(words(ac, phrases, 'ushers')).toEqual(['he@2', 'hers@2', 'she@1']);
  });

  it('matches Chinese phrases sharing prefixes and suffixes', () => {
    const phrases = ['不知道', '知道', '不清楚', '我不知道'];
    const ac = new AhoCorasick(phrases);
    expect(words(ac, phrases, '我不知道也不清楚')).toEqual(['不清楚@5', '不知道@1', '我不知道@0', '知道@2']);
  });

  it('follows failure links across partial matches', () => {
    const phrases = ['aab', 'ab', 'b'];
    const ac = new AhoCorasick(phrases);
    expect(words(ac, phrases, 'aaab')).toEqual(['aab@1', 'ab@2', 'b@3']);
  });

  it('reports each phrase id given twice', () => {
    const ac = new AhoCorasick(['规定', '规定']);
    expect(ac.findAll('这是规定').map((h) => h.phrase).sort()).toEqual([0, 1]);
  });

  it('handles empty inputs', () => {
    expect(new AhoCorasick([]).findAll('任何文本')).toEqual([]);
    expect(new AhoCorasick(['a', '']).findAll('')).toEqual([]);
  });

  it('works on astral characters by code unit', () => {
    const phrases = ['😀规定'];
    const ac = new AhoCorasick(phrases);
    expect(ac.findAll('x😀规定').map((h) => [h.start, h.end])).toEqual([[1, 5]]);
  });
});
