// What the lexical features carry beyond shared words: word classes (a symptom the examples never
// named still meets its intent), negation (没摔 is not 摔), the request clause of a long message,
// and chat-system noise dropped.

import { describe, expect, it } from 'vitest';
import { featureExtractor } from '../../src/rank/features.js';
import { clauseRanges, clauseWeights } from '../../src/rank/clauses.js';
import { LexicalEngine } from '../../src/rank/lexical.js';
import { selectSuggestions } from '../../src/rank/select.js';
import { jiebaCutter } from '../../src/support/jieba.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';
import type { Phrasebook } from '../../src/types.js';

const convert = traditionalToSimplified();
const cut = jiebaCutter();

/** A two-intent phrasebook: faults named by two symptoms only, and shipping. */
const tiny: Phrasebook = {
  intents: [
    { id: 'aftersale.quality_issue', title: '质量问题', area: '售后', examples: ['手机死机了', '用两天就卡顿', '一直死机怎么办', '卡顿得厉害'] },
    { id: 'shipping.tracking', title: '物流', area: '物流', examples: ['快递到哪了', '帮我查下物流', '包裹到哪里了', '物流怎么不更新'] },
  ],
  templates: [
    { id: 'aftersale.quality_issue/a', intent: 'aftersale.quality_issue', title: '质量问题', locale: 'zh-CN', tags: [], text: '很抱歉给您添麻烦了，麻烦拍个视频给我看看', slots: [] },
    { id: 'shipping.tracking/a', intent: 'shipping.tracking', title: '查物流', locale: 'zh-CN', tags: [], text: '我帮您查一下包裹的位置', slots: [] },
  ],
  slots: [],
};
const FAULT = { name: '故障', members: ['死机', '卡顿', '黑屏', '没信号'] };

function top(pb: Phrasebook, classes: Array<typeof FAULT>, message: string): string | undefined {
  const engine = new LexicalEngine(pb, featureExtractor({ convert, cut, synonyms: [], classes }));
  return selectSuggestions(pb, engine.score(message), { top: 1, engine: 'lexical', locale: 'zh-CN' })[0]?.intent;
}

describe('word classes', () => {
  it('a member adds the class as a feature beside its own words', () => {
    const f = featureExtractor({ convert, cut, synonyms: [], classes: [FAULT] })('屏幕黑屏了');
    expect(f.get('c:故障')).toBe(1);
    expect([...f.keys()]).toContain('w:黑屏');
  });

  it('a symptom the examples never named reaches the intent whose examples name others', () => {
    // 黑屏 and 没信号 share no word or character with any example: only the class links them to
    // 死机 and 卡顿. Without it the message says nothing the phrasebook knows.
    expect(top(tiny, [], '黑屏 没信号')).toBeUndefined();
    expect(top(tiny, [FAULT], '黑屏 没信号')).toBe('aftersale.quality_issue');
  });

  it('members are matched in traditional script and after synonyms are rewritten', () => {
    const f = featureExtractor({ convert, cut, synonyms: [['坏了', '壞掉']], classes: [{ name: '故障', members: ['坏了'] }] });
    expect(f('螢幕壞掉').get('c:故障')).toBe(1);
  });
});

describe('negation', () => {
  const extract = featureExtractor({ convert, cut, synonyms: [['没收到', '没有收到']], classes: [FAULT] });
  it('a negated word is not the word', () => {
    const f = extract('没摔没撞 就是坏了');
    expect(f.has('n:摔')).toBe(true);
    expect(f.has('w:摔')).toBe(false);
  });
  it('a negation that is itself a meaning (a synonym or a class member) is not treated as one', () => {
    for (const text of ['快递没有收到', '手机没信号']) expect([...extract(text).keys()].filter((k) => k.startsWith('n:')), text).toEqual([]);
    expect(extract('快递没有收到').get('b:收到')).toBeGreaterThan(0);
    expect(extract('手机没信号').get('c:故障')).toBe(1);
  });
});

describe('the request clause of a long message', () => {
  it('clauses are split at punctuation and blanks; questions and requests are marked', () => {
    const text = '用了三个月,之前一直好好的 昨天摔了一下,现在充不进电,怎么办?';
    expect(clauseRanges(text).map((c) => [text.slice(c.start, c.end), c.request])).toEqual([
      ['用了三个月', false],
      ['之前一直好好的', false],
      ['昨天摔了一下', false],
      ['现在充不进电', false],
      ['怎么办', true],
    ]);
  });
  it('the story around a request weighs less; a short message or one without a request is not weighted', () => {
    const text = '之前一直好好的,昨天摔了一下,现在充不进电怎么办';
    const w = clauseWeights(text, 0.5, 16)!;
    expect(w[text.indexOf('摔')]).toBe(0.5);
    expect(w[text.indexOf('充')]).toBe(1);
    expect(clauseWeights('充不进电怎么办', 0.5, 16)).toBeNull();
    expect(clauseWeights('之前一直好好的,昨天摔了一下,现在充不进电了', 0.5, 16)).toBeNull();
  });
});

describe('noise', () => {
  it('emoticon codes, desensitised placeholders and order-card labels are not the customer\'s words', () => {
    const extract = featureExtractor({ convert, cut, synonyms: [] });
    expect([...extract('[呵呵][订单x] 咨询订单号:[订单x] 订单金额:[金额x]').keys()]).toEqual([]);
    expect(extract('[呵呵] 发货了吗').has('w:发货')).toBe(true);
  });
});
