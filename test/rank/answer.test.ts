// An answer of the ranker: the suggestions, a confidence that means what it says, an abstention
// below the threshold, and the conversation before the message taken into account.

import { beforeAll, describe, expect, it } from 'vitest';
import { createRanker, type Ranker } from '../../src/rank/ranker.js';
import { DEFAULT_HISTORY, leanOnHistory, parseTurns } from '../../src/rank/history.js';
import { confidence } from '../../src/rank/confidence.js';
import { jiebaCutter } from '../../src/support/jieba.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';
import { loadPhrasebookDir } from '../../src/engine.js';
import type { Turn } from '../../src/types.js';

let ranker: Ranker;
beforeAll(async () => {
  const book = await loadPhrasebookDir('phrasebook');
  ranker = await createRanker(book.phrasebook, { convert: traditionalToSimplified(), cut: jiebaCutter(), synonyms: book.synonyms, classes: book.classes, outOfScope: book.outOfScope, engine: 'lexical' });
});

const firstIntent = async (message: string, history?: Turn[]) => (await ranker.answer(message, { abstain: false, ...(history ? { history } : {}) })).suggestions[0]?.intent;

describe('confidence and abstention', () => {
  it('a clear request is answered with high confidence', async () => {
    for (const m of ['我要退货', '快递到哪了', '申请价保', '空调什么时候上门安装']) {
      const a = await ranker.answer(m);
      expect(a.abstained, m).toBeUndefined();
      expect(a.confidence, m).toBeGreaterThanOrEqual(0.8);
      expect(a.suggestions.length, m).toBe(3);
    }
  });

  it('pinyin initials, dialect and typos reach their intents', async () => {
    for (const [m, intent] of [
      ['fh了没', 'shipping.when_ship'],
      ['咋个退货嘛', 'aftersale.return_request'],
      ['th怎么弄', 'aftersale.return_request'],
      ['wl一直不动', 'shipping.delay'],
      ['唔该晒 冇问题了', 'thanks_bye'],
    ]) {
      const a = await ranker.answer(m!);
      expect(a.suggestions[0]?.intent, m).toBe(intent);
    }
  });

  it('chit-chat, fillers and questions about what the shop does not do are held back', async () => {
    for (const m of ['哈哈哈', '嗯嗯', '你们招人吗', '今天天气不错', '', '？？？']) {
      const a = await ranker.answer(m);
      expect(a, m).toMatchObject({ suggestions: [], abstained: true });
      expect(a.confidence, m).toBeLessThan(ranker.threshold);
    }
  });

  it('abstain: false gives the ranking anyway, with the same confidence; threshold 0 never abstains', async () => {
    const held = await ranker.answer('哈哈哈');
    const anyway = await ranker.answer('哈哈哈', { abstain: false });
    expect(anyway.abstained).toBeUndefined();
    expect(anyway.suggestions.length).toBeGreaterThan(0);
    expect(anyway.confidence).toBe(held.confidence);
    expect((await ranker.answer('嗯嗯', { threshold: 0 })).abstained).toBeUndefined();
    expect((await ranker.answer('我要退货', { threshold: 1 })).abstained).toBe(true);
    // suggest() is the ranking: it never abstains.
    expect((await ranker.suggest('哈哈哈')).length).toBeGreaterThan(0);
  });

  it('grows with the best score and its lead, falls with the out-of-scope class', () => {
    const base = { best: 0.4, second: 0.2, outOfScope: 0.2, features: 6 };
    expect(confidence({ ...base, best: 0.6 })).toBeGreaterThan(confidence(base));
    expect(confidence({ ...base, second: 0.35 })).toBeLessThan(confidence(base));
    expect(confidence({ ...base, outOfScope: 0.9 })).toBeLessThan(confidence(base));
    expect(confidence({ ...base, best: 0 })).toBe(0);
    for (const c of [confidence(base), confidence({ ...base, best: 1, second: 0, outOfScope: 0, features: 50 })]) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});

describe('history', () => {
  it('a follow-up ranks like the topic it follows', async () => {
    const stock: Turn[] = [
      { role: 'customer', text: '这款卫衣还有货吗' },
      { role: 'agent', text: '亲，黑色的有现货哦' },
    ];
    expect(await firstIntent('那白色呢', stock)).toBe('presale.stock');
    const size: Turn[] = [{ role: 'customer', text: '我175 140斤 穿多大码' }];
    expect(await firstIntent('那裤子呢', size)).toBe('presale.size_advice');
    const late: Turn[] = [
      { role: 'customer', text: '我的快递三天没动了' },
      { role: 'agent', text: '抱歉，我帮您催一下' },
    ];
    expect(await firstIntent('还是没到', late)).toBe('shipping.delay');
  });

  it('without the conversation a follow-up means something else, or too little to answer', async () => {
    expect(await firstIntent('还是没到')).not.toBe('shipping.delay');
    for (const m of ['那白色呢', '那裤子呢', '那这个呢']) expect((await ranker.answer(m)).abstained, m).toBe(true);
    const stock: Turn[] = [{ role: 'customer', text: '这款卫衣还有货吗' }];
    const alone = await ranker.answer('那白色呢');
    const after = await ranker.answer('那白色呢', { history: stock });
    expect(after.confidence).toBeGreaterThan(alone.confidence);
    expect(after.abstained).toBeUndefined();
  });

  it('a message with its own topic keeps it after another topic', async () => {
    const history: Turn[] = [{ role: 'customer', text: '这款卫衣还有货吗' }];
    expect(await firstIntent('我要开发票 抬头写公司', history)).toBe('presale.invoice');
    expect(await firstIntent('我的快递到哪了', history)).toBe('shipping.tracking');
  });

  it('leans on the history for short messages and back-references', () => {
    const w = DEFAULT_HISTORY;
    for (const m of ['那这个呢', '换个颜色呢', '也是这样', '黑色的呢', '好', 'what about the blue one?']) expect(leanOnHistory(m, w), m).toBe(w.followUp);
    for (const m of ['我买的衣服尺码不对想换一件', 'my parcel has not moved for a week']) expect(leanOnHistory(m, w), m).toBe(w.standalone);
  });

  it('history values are checked', () => {
    expect(parseTurns([{ role: 'customer', text: 'a' }, { role: 'agent', text: 'b' }])).toEqual([
      { role: 'customer', text: 'a' },
      { role: 'agent', text: 'b' },
    ]);
    expect(parseTurns('x')).toMatchObject({ problem: expect.stringContaining('array') });
    expect(parseTurns([{ role: 'bot', text: 'a' }])).toMatchObject({ problem: 'history[0].role must be "customer" or "agent"' });
    expect(parseTurns([{ role: 'agent' }])).toMatchObject({ problem: 'history[0].text must be a string' });
    expect(parseTurns([{ role: 'agent', text: 'a', when: 1 }])).toMatchObject({ problem: 'history[0]: unknown field "when"' });
  });
});
