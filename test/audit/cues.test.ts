// The per-turn cues of the audit: complaint detection measured on the phrasebook's own customer
// examples, apology and next-step cues, unfilled template slots.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCues, CUE_APOLOGY, CUE_COMPLAINT, CUE_NEXT_STEP, type Cues } from '../../src/audit/cues.js';
import { defaultAuditSettings } from '../../src/audit/settings.js';
import { shippedEngine } from '../helpers/engine.js';
import type { Phrasebook } from '../../src/types.js';

let cues: Cues;
let book: Phrasebook;

beforeAll(async () => {
  const engine = await shippedEngine();
  cues = compileCues(defaultAuditSettings(), engine.env.convert);
  book = (await engine.phrasebook()).phrasebook;
});

const has = (role: 'agent' | 'customer', text: string, bit: number): boolean => (cues.flags(role, text).flags & bit) !== 0;

describe('complaint cues on the phrasebook examples', () => {
  it('finds nearly every complaint.* example and few of the others', () => {
    const zh = (s: string) => /[\u4e00-\u9fff]/.test(s);
    const complaint = book.intents.filter((i) => i.id.startsWith('complaint.')).flatMap((i) => i.examples.filter(zh));
    const other = book.intents.filter((i) => !i.id.startsWith('complaint.')).flatMap((i) => i.examples.filter(zh));
    expect(complaint.length).toBeGreaterThan(40);
    const missed = complaint.filter((t) => !has('customer', t, CUE_COMPLAINT));
    const wrong = other.filter((t) => has('customer', t, CUE_COMPLAINT));
    // Recall ≥ 85 %: what is missed is mostly insult-only (滚, 傻x客服) or a bare "怎么赔".
    expect(missed.length / complaint.length).toBeLessThan(0.15);
    // False alarms ≤ 5 % of the other intents' examples (some, like a late parcel, are borderline).
    expect(wrong.length / other.length).toBeLessThan(0.05);
  });

  it.each([
    ['我要投诉', true],
    ['我要投訴你們', true],
    ['再不处理我就给差评了', true],
    ['我要去12315', true],
    ['退款还没到账', true],
    ['I want to file a complaint', true],
    ['我的快递到哪了', false],
    ['这个有货吗', false],
    ['谢谢，东西很好', false],
  ])('customer %s → complaint %s', (text, want) => {
    expect(has('customer', text, CUE_COMPLAINT)).toBe(want);
  });

  it('reports where the cue is, in the original text', () => {
    const r = cues.flags('customer', '東西壞了，我要投訴');
    expect(r.complaintAt).toEqual([7, 9]);
  });

  it('looks at complaints only in customer turns', () => {
    expect(has('agent', '您可以投诉到平台', CUE_COMPLAINT)).toBe(false);
  });
});

describe('apology and next-step cues', () => {
  it.each([
    ['非常抱歉给您带来不便', true, false],
    ['不好意思让您久等了，我马上为您处理', true, true],
    ['對不起，已經為您登記加急', true, true],
    ['这边帮您联系快递核实一下', false, true],
    ['预计明天送达', false, true],
    ['请您提供一下订单号', false, true],
    ['Sorry, we will refund it today', true, true],
    ['哦', false, false],
    ['嗯嗯 知道了', false, false],
    ['您自己看物流吧', false, false],
  ])('agent %s → apology %s, next step %s', (text, apology, next) => {
    expect(has('agent', text, CUE_APOLOGY)).toBe(apology);
    expect(has('agent', text, CUE_NEXT_STEP)).toBe(next);
  });
});

describe('unfilled template slots', () => {
  const slots = (text: string) => cues.slots(text, cues.flags('agent', text).normalized).map((s) => s.text);
  it.each([
    ['您的订单{{订单号}}已发货', ['{{订单号}}']],
    ['预计{{ 审核时效 }}内完成', ['{{ 审核时效 }}']],
    ['您好，${name}', ['${name}']],
    ['亲爱的{customer_name}您好', ['{customer_name}']],
    ['快递单号【快递单号】已经发出', ['【快递单号】']],
    ['请核对[收货地址]', ['[收货地址]']],
    ['您的单号：XXXX', ['单号：XXXX']],
    ['【请填写金额】元已退回', ['【请填写金额】']],
    // Not placeholders: JDDC's de-identification markers, product tags, plain braces.
    ['您的订单[订单x]已发货', []],
    ['【包邮】这款现在有活动', []],
    ['好的{微笑}', []],
    ['型号XX-1没有货了', []],
  ])('%s → %j', (text, want) => {
    expect(slots(text)).toEqual(want);
  });
});
