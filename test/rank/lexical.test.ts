import { beforeAll, describe, expect, it } from 'vitest';
import type { Ranker } from '../../src/rank/ranker.js';
import { createRanker } from '../../src/rank/ranker.js';
import { LexicalEngine } from '../../src/rank/lexical.js';
import { featureExtractor, prepareEnglish, stemEnglish, synonymRewriter } from '../../src/rank/features.js';
import { MIN_INTENT_SCORE, selectSuggestions } from '../../src/rank/select.js';
import { jiebaCutter } from '../../src/support/jieba.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';
import { loadPhrasebookDir, type LoadedPhrasebook } from '../../src/engine.js';
import type { Phrasebook } from '../../src/types.js';

const convert = traditionalToSimplified();
let book: LoadedPhrasebook;
let ranker: Ranker;
beforeAll(async () => {
  book = await loadPhrasebookDir('phrasebook');
  ranker = await createRanker(book.phrasebook, { convert, cut: jiebaCutter(), synonyms: book.synonyms, engine: 'lexical' });
});

describe('synonyms', () => {
  const rewrite = synonymRewriter(
    [
      ['物流', '快递', '包裹'],
      ['怎么', '咋'],
      ['优惠券', '券'],
      ['你好', 'hi'],
    ],
    convert,
  );
  it('rewrites colloquial variants to one form', () => {
    expect(rewrite('快递咋还没到')).toBe('物流怎么还没到');
  });
  it('a canonical form protects the variants inside it', () => {
    expect(rewrite('优惠券用不了')).toBe('优惠券用不了');
    expect(rewrite('券用不了')).toBe('优惠券用不了');
  });
  it('ASCII variants match whole words only', () => {
    expect(rewrite('this is it')).toBe('this is it');
    expect(rewrite('hi there')).toBe('你好 there');
  });
});

describe('English preparation', () => {
  it('strips plural, -ed and -ing to one stem, and leaves short words alone', () => {
    for (const [a, b] of [
      ['shipped', 'shipping'],
      ['ships', 'ship'],
      ['packages', 'package'],
      ['deliveries', 'delivery'],
      ['received', 'receive'],
      ['installing', 'install'],
    ]) expect(stemEnglish(a!), `${a} / ${b}`).toBe(stemEnglish(b!));
    expect(stemEnglish('bus')).toBe('bus');
    expect(stemEnglish('need')).toBe('need');
    expect(stemEnglish('ring')).toBe('ring');
  });
  it('expands negations, drops function words and long digit runs', () => {
    expect(prepareEnglish("my order hasn't shipped").trim()).toBe('order not ship');
    expect(prepareEnglish('where is the package').trim()).toBe(`${stemEnglish('where')} ${stemEnglish('package')}`);
    expect(prepareEnglish('单号 yt1234567890123 查一下').trim()).toBe('单号 查一下');
    expect(prepareEnglish('订单 3856120495837261048 怎么还没发货').trim()).toBe('订单 怎么还没发货');
  });
  it('lets English synonym variants meet their inflected forms', () => {
    const extract = featureExtractor({ convert, cut: jiebaCutter(), synonyms: [['物流', 'package', 'tracking number']] });
    expect([...extract('my packages').keys()]).toContain('w:物流');
    expect([...extract('tracking numbers?').keys()]).toContain('w:物流');
  });
});

describe('the lexical engine on held-out examples', () => {
  it('ranks every tenth example of each intent, held out of the engine, mostly right', () => {
    const held: Array<[string, string]> = [];
    const train: Phrasebook = {
      ...book.phrasebook,
      intents: book.phrasebook.intents.map((i) => ({ ...i, examples: i.examples.filter((e, k) => (k % 10 === 3 ? (held.push([i.id, e]), false) : true)) })),
    };
    const engine = new LexicalEngine(train, featureExtractor({ convert, cut: jiebaCutter(), synonyms: book.synonyms }));
    let top1 = 0;
    let top3 = 0;
    for (const [intent, text] of held) {
      const intents = [...new Set(selectSuggestions(train, engine.score(text), { top: 3, engine: 'lexical', locale: 'zh-CN' }).map((s) => s.intent))];
      if (intents[0] === intent) top1++;
      if (intents.includes(intent)) top3++;
    }
    expect(held.length).toBeGreaterThan(60);
    expect(top1 / held.length).toBeGreaterThan(0.6);
    expect(top3 / held.length).toBeGreaterThan(0.8);
  });
});

describe('suggestions', () => {
  it('have the SPEC §4 shape with scores in 0–1', async () => {
    const s = await ranker.suggest('快递到哪了');
    expect(s).toHaveLength(3);
    for (const x of s) {
      expect(Object.keys(x).sort()).toEqual(['engine', 'intent', 'score', 'templateId', 'text']);
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(x.engine).toBe('lexical');
      expect(x.templateId.startsWith(x.intent + '/')).toBe(true);
    }
    expect(s[0]!.intent).toBe('shipping.tracking');
    expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
  });

  it('meet colloquial, traditional and English messages', async () => {
    expect((await ranker.suggest('咋还不发货啊'))[0]!.intent).toBe('shipping.when_ship');
    expect((await ranker.suggest('我要退貨'))[0]!.intent).toBe('aftersale.return_request');
    expect((await ranker.suggest('where is my parcel'))[0]!.intent).toBe('shipping.tracking');
  });

  it('prefer templates in the message\'s script and language', async () => {
    expect((await ranker.suggest('我要退貨'))[0]!.templateId).toMatch(/-tw$/);
    expect((await ranker.suggest('I want to return this'))[0]!.templateId).toMatch(/-en$/);
    expect((await ranker.suggest('我要退货'))[0]!.templateId).not.toMatch(/-(tw|en)$/);
  });

  it('an ambiguous message does not get one intent three times', async () => {
    const s = await ranker.suggest('东西坏了 能退吗');
    expect(new Set(s.map((x) => x.intent)).size).toBeGreaterThan(1);
  });

  it('an empty or meaningless message gets the generic templates with a low score', async () => {
    for (const m of ['', '？？？', '1234', '。。。']) {
      const s = await ranker.suggest(m);
      expect(s.map((x) => x.intent).sort()).toEqual(['greeting', 'greeting', 'human_agent']);
      expect(Math.max(...s.map((x) => x.score))).toBeLessThan(0.05);
    }
    // Latin gibberish reads as English: the English generic templates.
    const en = await ranker.suggest('asdfgh');
    expect(en.map((x) => x.templateId)).toEqual(['greeting/welcome-en', 'human_agent/transfer-en']);
  });

  it('reach an intent from English wording the phrasebook only has in Chinese', async () => {
    // "delivered" and "never got" reach 签收 and 没收到 through the synonym bridge.
    expect((await ranker.suggest('tracking says delivered but I never got my package'))[0]!.intent).toBe('shipping.lost');
    expect((await ranker.suggest('the parcel has not moved for days'))[0]!.intent).toBe('shipping.delay');
  });

  it('a new word made of known characters is not treated as noise', () => {
    // Without the one-character example 滚, the word 滚 is unknown but its character is known
    // from 滚蛋: the message still reaches its intent above the fallback threshold.
    const train: Phrasebook = { ...book.phrasebook, intents: book.phrasebook.intents.map((i) => ({ ...i, examples: i.examples.filter((e) => e !== '滚') })) };
    const engine = new LexicalEngine(train, featureExtractor({ convert, cut: jiebaCutter(), synonyms: book.synonyms }));
    const s = selectSuggestions(train, engine.score('滚'), { top: 3, engine: 'lexical', locale: 'zh-CN' });
    expect(s[0]!.intent).toBe('complaint.abusive');
    expect(s[0]!.score).toBeGreaterThanOrEqual(MIN_INTENT_SCORE);
    // Letters the phrasebook never saw still count for nothing.
    expect(Math.max(...engine.score('qwxz').intents.values())).toBe(0);
  });

  it('scores are comparable: a clear message scores higher than a vague one', async () => {
    const clear = (await ranker.suggest('我要退货'))[0]!.score;
    const vague = (await ranker.suggest('那个 东西'))[0]!.score;
    expect(clear).toBeGreaterThan(vague + 0.2);
  });

  it('fills the order number the customer typed and context values; other slots stay visible', async () => {
    const s = await ranker.suggest('订单号 3856120495837261048 怎么还没发货', { top: 10, context: { 店铺名: '小店' } });
    const withOrder = s.find((x) => x.text.includes('3856120495837261048'));
    expect(withOrder, s.map((x) => x.text).join('\n')).toBeDefined();
    expect(s.some((x) => /\{\{[^}]+\}\}/.test(x.text))).toBe(true);
  });

  it('are deterministic', async () => {
    expect(await ranker.suggest('衣服有色差 想换货')).toEqual(await ranker.suggest('衣服有色差 想换货'));
  });
});
