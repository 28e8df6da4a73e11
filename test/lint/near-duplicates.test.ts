import { describe, expect, it } from 'vitest';
import { nearDuplicates, normaliseForComparison, NEAR_DUPLICATE_THRESHOLD, similarity } from '../../src/lint/near-duplicates.js';
import { loadPhrasebookDir } from '../../src/engine.js';

const t = (id: string, text: string, locale = 'zh-CN', intent = 'greeting') => ({ id: `${intent}/${id}`, intent, locale, text });

describe('near-duplicate templates', () => {
  it('normalises width, case, punctuation and slot names away', () => {
    expect(normaliseForComparison('您好！ＡＢＣ，{{订单号}} 已发货～')).toBe('您好abc□已发货');
    expect(similarity('单号{{订单号}}已发货', '单号{{运单号}}已发货。')).toBeCloseTo(1, 9);
  });

  it.each([
    // [a, b, near-duplicate?]
    ['您好，请问有什么可以帮您？', '您好！请问有什么可以帮您的？', true],
    ['亲，您的订单已经发货了，预计{{预计天数}}天内送达，请留意物流信息。', '亲，您的订单已发货，预计{{预计天数}}天内送达，请您留意物流信息哦。', true],
    ['您好，请问有什么可以帮您？', '感谢您的耐心等待，我马上为您查询物流进度。', false],
    ['抱歉让您久等了，已为您转接人工客服。', '抱歉让您久等了，目前人工客服排队较多，请稍候。', false],
  ])('%s | %s → %s', (a, b, dup) => {
    expect(similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD).toBe(dup);
  });

  it('compares only within one intent and locale, and reports the later template once', () => {
    const text = '您好，请问有什么可以帮您？';
    const found = nearDuplicates([t('a', text), t('b', text, 'zh-TW'), t('c', text, 'zh-CN', 'thanks_bye'), t('d', text + '呢'), t('e', text)]);
    expect(found.map((d) => `${d.second}~${d.first}`)).toEqual(['greeting/d~greeting/a', 'greeting/e~greeting/a']);
    expect(found[1]!.similarity).toBeCloseTo(1, 9);
  });

  it('the shipped phrasebook has none (its closest pair stays well below the threshold)', async () => {
    const { phrasebook } = await loadPhrasebookDir('phrasebook');
    expect(nearDuplicates(phrasebook.templates)).toEqual([]);
    let max = 0;
    const ts = phrasebook.templates;
    for (let i = 0; i < ts.length; i++)
      for (let j = i + 1; j < ts.length; j++) if (ts[i]!.intent === ts[j]!.intent && ts[i]!.locale === ts[j]!.locale) max = Math.max(max, similarity(ts[i]!.text, ts[j]!.text));
    expect(max).toBeLessThan(NEAR_DUPLICATE_THRESHOLD - 0.3);
  });
});
