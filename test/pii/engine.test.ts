// The recognizers inside the real engine with the shipped rules: which sensitive-data rule fires,
// where (offsets into the text as typed), what the excerpt shows (masked, same length) and why.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { shippedEngine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const sensitive = (text: string) => engine.check(text).findings.filter((f) => f.category === 'sensitive-data');

describe('sensitive-data findings', () => {
  const rows: Array<[text: string, ruleId: string, value: string, excerpt: string]> = [
    ['您的手机号１５９ １２３４ ５６７８已登记', 'sensitive-data/mobile', '１５９ １２３４ ５６７８', '１５９ **** ５６７８'],
    ['身份证号１１０１０５１９８５０６１２１２３Ｘ，已核验', 'sensitive-data/id-card', '１１０１０５１９８５０６１２１２３Ｘ', '１***************３Ｘ'],
    ['退款已退到您的银行卡6222 0210 0112 3456 789，请查收', 'sensitive-data/bank-card', '6222 0210 0112 3456 789', '6222 **** **** ***6 789'],
    ['发票已发送到luxiaolei_小磊@小磊.com，请查收', 'sensitive-data/email', 'luxiaolei_小磊@小磊.com', 'l***********@小磊.com'],
    ['收件电话：89076543。', 'sensitive-data/landline', '89076543', '******43'],
    ['已帮您改到杭州市西湖区文三路90号，请核对', 'sensitive-data/address', '杭州市西湖区文三路90号', '杭州市西湖区******'],
    ['您实付了¥1,299.00', 'sensitive-data/amount', '¥1,299.00', '¥*,***.**'],
  ];
  it.each(rows)('%s → %s', (text, ruleId, value, excerpt) => {
    const fs = sensitive(text);
    expect(fs.map((f) => f.ruleId)).toEqual([ruleId]);
    const f = fs[0]!;
    expect(text.slice(f.start, f.end)).toBe(value);
    expect(f.excerpt).toBe(excerpt);
    expect(f.excerpt.length).toBe(value.length);
    expect(f.message).toContain(excerpt);
    expect(f.message).not.toContain(value);
    expect(f.explanation).toMatch(/^pattern [\w-]+ \([\d.]+\).*→ [\d.]+$/);
  });

  it('masks the value in the returned text, keeping every offset', () => {
    const text = '您的电话是15912345678，邮箱lihua2020@qq.com';
    const r = engine.check(text);
    expect(r.text).toBe('您的电话是159****5678，邮箱l********@qq.com');
    expect(r.text.length).toBe(text.length);
  });

  it('reports a valid ID as an ID, never as a card, even when it passes Luhn', () => {
    // 620102199001011008 passes Luhn with a UnionPay prefix, but its check character is wrong:
    // it is a mistyped ID — not reported as an ID (checksum) nor as a card (ID-shaped).
    expect(sensitive('身份证号620102199001011008').map((f) => f.ruleId)).toEqual([]);
  });

  const clean = [
    '您的订单号是3856120495837261048，我帮您查看',
    '已登记号码138****5678',
    '发票已发送到a***@qq.com',
    '有问题请拨打400-860-8608',
    '满199减20，可以叠加店铺券',
    '这款活动价199元',
    '预计2024-03-15 14:30前发货',
    '快递单号150102880730303已更新',
    '我们门店在南京西路1376号，欢迎来体验',
  ];
  it.each(clean)('%s → no sensitive-data finding', (text) => {
    expect(sensitive(text)).toEqual([]);
  });
});
