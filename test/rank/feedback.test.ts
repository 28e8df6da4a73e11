// What `replylint tune` learns from the feedback log: a table of records and what becomes of each.

import { describe, expect, it } from 'vitest';
import { exampleKey, exampleText, learnFromFeedback, parseFeedbackLine, type FeedbackRecord } from '../../src/rank/feedback.js';

const record = (message: string, templateId: string | null, answer = message, history: FeedbackRecord['history'] = []): FeedbackRecord => ({
  v: 1,
  time: '2025-01-01T00:00:00.000Z',
  answer,
  message,
  history,
  shown: [],
  confidence: 0.5,
  abstained: false,
  chosen: templateId ? { templateId, intent: templateId.split('/')[0]! } : null,
});

/** A ranker stand-in that answers from a table (the logic under test is the learning, not the ranking). */
const answers: Record<string, string | null> = {
  降价了能补吗: 'presale.price_promo',
  快递到哪了: 'shipping.tracking',
  楼下驿站开门没: 'shipping.tracking',
  哈哈: null,
  师傅啥时候来: 'shipping.when_ship',
};
const options = {
  templateIntent: (id: string) => (id.startsWith('gone/') ? undefined : id.split('/')[0]),
  known: new Set([exampleKey('申请价保')]),
  answer: async (message: string) => {
    const intent = answers[message] ?? null;
    return intent ? { suggestions: [{ intent }] } : { suggestions: [], abstained: true as const };
  },
};

describe('learning from feedback', () => {
  it('proposes what the ranker gets wrong, and only that', async () => {
    const report = await learnFromFeedback(
      [
        record('降价了能补吗', 'aftersale.price_protection/how-to-apply'), // wrong today → example
        record('快递到哪了', 'shipping.tracking/where'), // already right
        record('楼下驿站开门没', null), // answered, but nothing fitted → out of scope
        record('哈哈', null), // already held back
        record('申请价保', 'aftersale.price_protection/how-to-apply'), // already an example
        record('师傅啥时候来', 'gone/x'), // template no longer in the phrasebook
      ],
      options,
    );
    expect(report.examples).toEqual([
      { text: '降价了能补吗', intent: 'aftersale.price_protection', count: 1, before: 'presale.price_promo' },
      { text: '楼下驿站开门没', intent: null, count: 1, before: 'shipping.tracking' },
    ]);
    expect(report).toMatchObject({ alreadyRight: 2, known: 1, unknownTemplates: ['gone/x'], conflicts: 0 });
  });

  it('counts agreement across records, leaves conflicts out, honours --min, and lets an agent change their mind', async () => {
    const twice = [record('师傅啥时候来', 'aftersale.install_repair/a', 'a1'), record('师傅啥时候来', 'aftersale.install_repair/b', 'a2')];
    expect((await learnFromFeedback(twice, { ...options, minCount: 2 })).examples).toEqual([{ text: '师傅啥时候来', intent: 'aftersale.install_repair', count: 2, before: 'shipping.when_ship' }]);
    expect((await learnFromFeedback(twice.slice(0, 1), { ...options, minCount: 2 })).tooFew).toBe(1);
    const split = [record('师傅啥时候来', 'aftersale.install_repair/a', 'a1'), record('师傅啥时候来', 'order.modify/a', 'a2')];
    expect(await learnFromFeedback(split, options)).toMatchObject({ examples: [], conflicts: 1 });
    // The same answer twice: the later choice stands.
    const changed = [record('师傅啥时候来', 'order.modify/a', 'same'), record('师傅啥时候来', 'aftersale.install_repair/a', 'same')];
    expect((await learnFromFeedback(changed, options)).examples.map((e) => e.intent)).toEqual(['aftersale.install_repair']);
  });

  it('masked values never become part of an example', async () => {
    expect(exampleText('我电话138****5678 地址北京市朝阳区****** 邮箱a****@qq.com 快递没到')).toBe('我电话 地址北京市朝阳区 邮箱 快递没到');
    const report = await learnFromFeedback([record('******', 'shipping.tracking/where')], options);
    expect(report).toMatchObject({ examples: [], empty: 1 });
  });

  it('reads feedback lines back, and says what is wrong with a bad one', () => {
    const good = record('快递到哪了', 'shipping.tracking/where');
    expect(parseFeedbackLine(JSON.stringify(good))).toEqual(good);
    expect(parseFeedbackLine('{')).toMatchObject({ problem: expect.stringContaining('not JSON') });
    expect(parseFeedbackLine('[]')).toMatchObject({ problem: expect.stringContaining('JSON object') });
    expect(parseFeedbackLine(JSON.stringify({ ...good, v: 2 }))).toMatchObject({ problem: expect.stringContaining('version 1') });
    expect(parseFeedbackLine(JSON.stringify({ ...good, chosen: 'x' }))).toMatchObject({ problem: expect.stringContaining('"chosen"') });
    expect(parseFeedbackLine(JSON.stringify({ ...good, history: [{ role: 'bot', text: 'x' }] }))).toMatchObject({ problem: expect.stringContaining('"history"') });
  });
});
