// Placeholders: what is masked, that the same value keeps its placeholder, and what restoring
// an answer finds (values put back, placeholders invented or broken). The finder is the real one,
// built from the shipped rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { PlaceholderMap, piiFinder, placeholderExcerpt, type PiiFinder } from '../../src/rewrite/placeholders.js';
import { shippedEngine } from '../helpers/engine.js';

let finder: PiiFinder;

beforeAll(async () => {
  const engine = await shippedEngine();
  finder = piiFinder(engine.ruleSet, engine.env);
});

describe('PlaceholderMap.mask', () => {
  it.each([
    ['您的手机号13812345678已登记', '您的手机号⟦PHONE_1⟧已登记'],
    ['座机010-62345678', '座机⟦PHONE_1⟧'],
    ['身份证110101199003078515', '身份证⟦ID_1⟧'],
    ['卡号6222021234567890128', '卡号⟦CARD_1⟧'],
    ['邮箱zhang.san@example.com', '邮箱⟦EMAIL_1⟧'],
    ['收货地址浙江省杭州市西湖区文三路100号3幢201室', '收货地址⟦ADDRESS_1⟧'],
    ['退款128元已经原路退回', '退款⟦AMOUNT_1⟧已经原路退回'],
    ['满199减20，欢迎选购', '满199减20，欢迎选购'],
  ])('%s → %s', (text, masked) => {
    expect(new PlaceholderMap(finder).mask(text).text).toBe(masked);
  });

  it('masks a value even where the rule that finds it is switched off', async () => {
    const { createEngine } = await import('../../src/engine.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'replylint-ph-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'rules:\n  sensitive-data: "off"\n');
    const team = await createEngine({ config: join(dir, '.replylint.yaml') });
    expect(team.check('您的手机号13812345678已登记').findings).toEqual([]);
    expect(new PlaceholderMap(piiFinder(team.ruleSet, team.env)).mask('您的手机号13812345678已登记').text).toBe('您的手机号⟦PHONE_1⟧已登记');
  });

  it('gives the same value the same placeholder across texts and spellings, and masks a known value where no recognizer fires', () => {
    const map = new PlaceholderMap(finder);
    expect(map.mask('退款128元已退回，手机13812345678').text).toBe('退款⟦AMOUNT_1⟧已退回，手机⟦PHONE_1⟧');
    // 138 1234 5678 is the same number; 128元 without 退款 around it is still the known amount.
    expect(map.mask('我手机号138 1234 5678，东西128元').text).toBe('我手机号⟦PHONE_1⟧，东西⟦AMOUNT_1⟧');
    expect(map.mask('另一个13912345678').text).toBe('另一个⟦PHONE_2⟧');
    // A known form inside a longer number is not that value.
    expect(map.mask('满1128元可用').text).toBe('满1128元可用');
    expect(map.rawValues()).toEqual(expect.arrayContaining(['128元', '13812345678', '138 1234 5678', '13912345678']));
  });

  it('excerpts of the original widen to whole placeholders', () => {
    const map = new PlaceholderMap(finder);
    const m = map.mask('您的手机号13812345678已登记');
    expect(placeholderExcerpt(m.original, m.spans, 5, 16)).toBe('⟦PHONE_1⟧');
    expect(placeholderExcerpt(m.original, m.spans, 3, 8)).toBe('机号⟦PHONE_1⟧');
    expect(placeholderExcerpt(m.original, m.spans, 0, 5)).toBe('您的手机号');
  });
});

describe('PlaceholderMap.restore', () => {
  it('puts values back, counts their use, and tolerates garbled brackets', () => {
    const map = new PlaceholderMap(finder);
    map.mask('退款128元，手机13812345678');
    const r = map.restore('退款⟦AMOUNT_1⟧已到账，[PHONE_1] 和 【 PHONE_1 】都是您的');
    expect(r.text).toBe('退款128元已到账，13812345678 和 13812345678都是您的');
    expect(r.used).toEqual(new Map([['⟦AMOUNT_1⟧', 1], ['⟦PHONE_1⟧', 2]]));
    expect(r.invented).toEqual([]);
    expect(placeholderExcerpt(r.text, r.spans, 2, 4)).toBe('⟦AMOUNT_1⟧');
  });

  it('finds placeholders that stand for nothing, and broken ones', () => {
    const map = new PlaceholderMap(finder);
    map.mask('手机13812345678');
    expect(map.restore('联系⟦PHONE_2⟧或⟦EMAIL_1⟧').invented).toEqual(['⟦PHONE_2⟧', '⟦EMAIL_1⟧']);
    expect(map.restore('联系⟦手机号⟧').invented).toEqual(['⟦手机号⟧']);
    expect(map.restore('联系您⟧').invented).toEqual(['⟧']);
    expect(map.restore('很抱歉').invented).toEqual([]);
  });
});
