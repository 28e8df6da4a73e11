// The LLM guard end to end, through the real `openai` client against the fake OpenAI-compatible
// server that records every request body: no personal value leaves the machine in any spelling
// (glued to another number, dashed, dotted, in Chinese or financial numerals, inside context
// fields), no answer that writes a known value out in another spelling — or a value of its own —
// is accepted, and an endless answer is cut off at a cap.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createRewriter, type Rewriter } from '../../src/rewrite/rewriter.js';
import { LlmRequestError } from '../../src/rewrite/errors.js';
import { resolveLlmSettings } from '../../src/rewrite/settings.js';
import { shippedEngine } from '../helpers/engine.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { generateCorpus } from '../pii/corpus.mjs';

let fake: FakeOpenAI;
let engine: Engine;

function rewriter(llm: Record<string, unknown> = {}, host: Engine = engine): Rewriter {
  const s = resolveLlmSettings({ timeoutMs: 5000, maxRetries: 0, attempts: 1, ...llm }, { OPENAI_BASE_URL: fake.baseUrl, REPLYLINT_LLM_MODEL: 'fake-model', OPENAI_API_KEY: 'sk-test' });
  if (!s.configured) throw new Error(s.message);
  return createRewriter(host, s.settings);
}

// The test's own reading of digits (not the product's): every numeral style, every width.
const DIGIT: Record<string, string> = {};
['〇零０0', '一幺壹１1', '二两兩贰貳２2', '三叁参參３3', '四肆４4', '五伍５5', '六陆陸６6', '七柒７7', '八捌８8', '九玖９9'].forEach((cs, d) => {
  for (const c of cs) DIGIT[c] = String(d);
});
/** All digits of a text in order, placeholders (⟦PHONE_1⟧) taken out first. */
const digitStream = (s: string): string =>
  [...s.replace(/⟦[A-Z]+_\d+⟧/g, ' ')]
    .map((c) => DIGIT[c] ?? (/[xX]/.test(c) ? 'x' : /[\s\-._/·—－．＿／　()（）+]/.test(c) ? '' : '|'))
    .join('');
/** The digits of a value that identify it: at least seven, else nothing to compare. */
const keyDigits = (value: string): string => {
  const d = digitStream(value).replace(/\|/g, '');
  return d.length >= 7 ? d.slice(-11) : '';
};

/** Every request body the fake received, as sent. */
const bodies = (): string[] => fake.requests.map((r) => r.raw.toString('utf8'));

/** Asserts that none of `values` is in any recorded request: as written, or by its digits in any spelling. */
function expectNoneSent(values: readonly string[]): void {
  expect(fake.requests.length).toBeGreaterThan(0);
  for (const body of bodies()) {
    const stream = digitStream(body);
    for (const v of values) {
      expect(body, v).not.toContain(v);
      const key = keyDigits(v);
      if (key) expect(stream, v).not.toContain(key);
    }
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  engine = await shippedEngine();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const GOOD = '很抱歉让您久等了，您的信息已核对，我马上帮您跟进处理。';

describe('what is sent: every spelling masked', () => {
  const SPELLINGS = ['15012345678 15112345678', '110105-19491231-002X', '133.1234.5678', '一三八一二三四五六七八', '壹叁捌壹贰叁肆伍陆柒捌', '13812345678 11010519491231002X', '电话13812345678 11点前联系您', '卡号6222021234567890128 5月到账'];
  it.each(SPELLINGS)('%s in the draft, the message and a context field never reaches the model', async (v) => {
    fake.script({ reply: GOOD });
    await rewriter().rewrite({ text: `这是规定，我也不知道。${v}`, message: `我的是${v}`, context: { 备注: v, [v]: '客户' } });
    expectNoneSent(v.split(/\s+|电话|卡号|点前联系您|月到账/).filter((x) => keyDigits(x)));
  });

  it('masks a value in a context field by its key (退款金额: 358元)', async () => {
    fake.script({ reply: GOOD });
    await rewriter().rewrite({ text: '这是规定，我也不知道', context: { 退款金额: '358元', 收货地址: '杭州市西湖区文三路100号3幢201室' } });
    const body = bodies()[0]!;
    expect(body).not.toContain('358');
    expect(body).not.toContain('文三路100号');
    expect(body).toContain('退款金额: ⟦AMOUNT_1⟧');
  });
});

describe('what comes back: an answer with a known value in any spelling is turned down', () => {
  const draft = '这是规定，我也不知道，请联系13812345678';
  const ANSWERS = [
    '很抱歉，请联系138.1234.5678，我们马上处理。',
    '很抱歉，请联系138-1234-5678，我们马上处理。',
    '很抱歉，请联系一三八一二三四五六七八，我们马上处理。',
    '很抱歉，请联系壹叁捌壹贰叁肆伍陆柒捌，我们马上处理。',
    '很抱歉，请联系幺三八 幺二三四 五六七八，我们马上处理。',
    '很抱歉，请联系13812345678 11点前，我们马上处理。',
    '很抱歉，请联系1381234567813912345678，我们马上处理。',
    '很抱歉，请联系+86 138 1234 5678，我们马上处理。',
  ];
  it.each(ANSWERS)('%s → not accepted, the reason names the placeholder only', async (answer) => {
    fake.script({ reply: answer });
    const r = await rewriter().rewrite({ text: draft });
    expect(r.accepted).toBe(false);
    expect(r.rewrite).toBeNull();
    expect(r.rejections![0]!.join()).toContain('it repeats personal or financial data');
    expect(r.rejections![0]!.join()).not.toMatch(/138|一三八/);
  });

  it('turns the answer down even when the team lets mobiles through its rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-guard-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'rules:\n  sensitive-data/mobile: "off"\n');
    const team = await createEngine({ config: join(dir, '.replylint.yaml') });
    fake.script({ reply: '很抱歉，请联系一三八一二三四五六七八，我们马上处理。' }, { reply: '很抱歉，请联系⟦PHONE_1⟧，我们马上处理。' });
    const r = await rewriter({ attempts: 2 }, team).rewrite({ text: draft });
    expect(r.rejections![0]!.join()).toContain('the value of ⟦PHONE_1⟧ written out');
    // The placeholder itself is the way to use a value the team allows.
    expect(r).toMatchObject({ accepted: true, attempts: 2, rewrite: '很抱歉，请联系13812345678，我们马上处理。' });
  });

  it('turns down an answer with a personal value of its own, of any kind', async () => {
    for (const own of ['请拨打13912345678', '身份证11010519491231002X', '邮箱abc(at)qq.com', '退款已退回6222021234567890128', '寄到文三路100号3幢201室']) {
      fake.script({ reply: `很抱歉，${own}，我马上帮您处理。` });
      const r = await rewriter().rewrite({ text: '这是规定，我也不知道' });
      expect(r.accepted, own).toBe(false);
      expect(r.rejections![0]!.join(), own).toMatch(/personal or financial data of its own \((?:a phone number|an ID number|an e-mail address|a card number|a street address)\)/);
    }
  });

  it('accepts the same answer with the placeholder where the team allows the value', async () => {
    fake.script({ reply: GOOD });
    const r = await rewriter().rewrite({ text: draft });
    expect(r.accepted).toBe(true);
  });
});

describe('an answer too large to read', () => {
  it('stops reading a 200 MB answer at the cap and fails with a clear error, without retrying', async () => {
    fake.script({ floodBytes: 200 * 1024 * 1024 });
    const e = await rewriter({ maxRetries: 2, maxTokens: 600 }).rewrite({ text: '这是规定，我也不知道' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmRequestError);
    expect((e as Error).message).toBe(`the LLM at ${fake.baseUrl} sent an answer larger than ${64 * 1024 + 600 * 64} bytes; it was not read (lower llm.maxTokens, or check the endpoint)`);
    expect(fake.requests).toHaveLength(1);
    // The fake writes as fast as it is read: it got no further than a few socket buffers past the cap.
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.requests[0]!.sent!).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('over the generated corpus', () => {
  const { positives } = generateCorpus({ valuesPerKind: 1 });
  // One value of each kind in each numeral style and position: a fast slice of the corpus.
  const seen = new Set<string>();
  const slice = positives.filter((p) => {
    const k = `${p.kind}|${p.style}|${p.where}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  it(`sends no value of ${slice.length} corpus texts to the model, and accepts no answer that spells one out`, async () => {
    let sentRaw = 0;
    let acceptedLeaks = 0;
    for (const p of slice) {
      fake.reset();
      // The value in the draft and in the customer's message; the model answers with a number
      // spelt in plain ASCII digits, and with an e-mail, address or amount as written.
      const number = ['mobile', 'landline', 'id-card', 'id-card-15', 'bank-card'].includes(p.kind);
      const asWritten = number ? digitStream(p.value).replace(/\|/g, '') : p.value;
      fake.script({ reply: `很抱歉，${asWritten}，我马上帮您处理。` });
      const r = await rewriter().rewrite({ text: `这是规定，我也不知道。${p.text}`, message: p.text });
      for (const body of bodies()) {
        const key = keyDigits(p.value);
        if (body.includes(p.value) || (key && digitStream(body).includes(key))) sentRaw++;
      }
      if (r.accepted) acceptedLeaks++;
    }
    expect({ sentRaw, acceptedLeaks }).toEqual({ sentRaw: 0, acceptedLeaks: 0 });
  });
});
