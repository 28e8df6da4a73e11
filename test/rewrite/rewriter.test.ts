// The rewriter end to end: the real `openai` client against a fake OpenAI-compatible server on
// 127.0.0.1 that records every request. No personal value may reach it; answers that add a
// promise, leak a number or mangle placeholders are turned down and retried.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createRewriter, requireRewriter, rewriterFor, type Rewriter } from '../../src/rewrite/rewriter.js';
import { LlmRequestError, LlmUnavailableError } from '../../src/rewrite/errors.js';
import { resolveLlmSettings } from '../../src/rewrite/settings.js';
import { shippedEngine } from '../helpers/engine.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const DRAFT = '这是规定，我也不知道。您的手机号13812345678已登记，快递一定明天到';
const MESSAGE = '我手机号138 1234 5678，身份证110101199003078515，邮箱zhang.san@example.com，卡号6222021234567890128，付了358元，退款128元什么时候到？';
const CONTEXT = { 收货地址: '浙江省杭州市西湖区文三路100号3幢201室', 店铺: '小店' };
/** Every personal value above, in every form it was written in. */
const RAW = ['13812345678', '138 1234 5678', '110101199003078515', 'zhang.san@example.com', '6222021234567890128', '文三路100号3幢201室', '358元', '128元'];
const GOOD = '很抱歉，具体原因我马上帮您查询。您登记的手机号已核对，快递预计明天送达，我会帮您跟进物流。';

let fake: FakeOpenAI;
let engine: Engine;

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { OPENAI_BASE_URL: fake.baseUrl, REPLYLINT_LLM_MODEL: 'fake-model', OPENAI_API_KEY: 'sk-test-key', ...extra };
}

/** A rewriter through the real client, with `llm:` settings as a configuration file would give them. */
function rewriter(llm: Record<string, unknown> = {}, host: Engine = engine): Rewriter {
  const s = resolveLlmSettings({ timeoutMs: 2000, maxRetries: 0, ...llm }, env());
  if (!s.configured) throw new Error(s.message);
  return createRewriter(host, s.settings);
}

/** Asserts that no personal value is in any request the fake server received. */
function expectNothingPersonalSent(): void {
  expect(fake.requests.length).toBeGreaterThan(0);
  for (const r of fake.requests) {
    const body = r.raw.toString('utf8');
    const squeezed = body.replace(/\s+/g, '');
    for (const v of RAW) {
      expect(body).not.toContain(v);
      expect(squeezed).not.toContain(v.replace(/\s+/g, ''));
    }
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  engine = await shippedEngine();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('rewrite: masking', () => {
  it('sends placeholders, never personal values, and returns a rewrite that passes and scores higher', async () => {
    fake.script({ reply: GOOD });
    const r = await rewriter().rewrite({ text: DRAFT, message: MESSAGE, context: CONTEXT });
    expect(r.accepted).toBe(true);
    expect(r.rewrite).toBe(GOOD);
    expect(r.attempts).toBe(1);
    expect(r.before.pass).toBe(false);
    expect(r.before.text).not.toContain('13812345678');
    expect(r.after?.pass).toBe(true);
    expect(r.after!.score).toBeGreaterThan(r.before.score);
    expectNothingPersonalSent();
    const prompt = fake.prompt(0);
    // The same value gets the same placeholder in the draft and the customer's message.
    expect(prompt).toContain('您的手机号⟦PHONE_1⟧已登记');
    expect(prompt).toContain('我手机号⟦PHONE_1⟧');
    expect(prompt).toMatch(/身份证⟦ID_1⟧，邮箱⟦EMAIL_1⟧，卡号⟦CARD_1⟧/);
    expect(prompt).toContain('退款⟦AMOUNT_');
    expect(prompt).toContain('收货地址: ⟦ADDRESS_1⟧');
    expect(prompt).toContain('Placeholders to leave out: ⟦PHONE_1⟧');
    // What is wrong and why, the team's rules, the language, and phrasebook examples.
    expect(prompt).toContain('banned-phrase/this-is-the-rule at "这是规定"');
    expect(prompt).toContain('absolute-promise/delivery-date at "一定明天到"');
    expect(prompt).toContain('sensitive-data/mobile at "⟦PHONE_1⟧"');
    expect(prompt).toMatch(/- rude \(error\): /);
    expect(prompt).toContain('Simplified Chinese');
    expect(prompt).toContain('Replies from the team\'s phrasebook');
    const req = fake.requests[0]!;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test-key');
    expect(req.json).toMatchObject({ model: 'fake-model', temperature: 0.3 });
  });

  it('puts values back that the reply needs (a value the team allows) and rejects an answer that drops one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-rewrite-'));
    const file = join(dir, '.replylint.yaml');
    writeFileSync(file, 'rules:\n  sensitive-data/amount: "off"\n');
    const team = await createEngine({ config: file });
    const draft = '退款128元已经原路退回了，这是规定，我也不知道什么时候到账';
    fake.script(
      { reply: '很抱歉让您久等了，退款已经原路退回，到账时间以银行为准，我帮您跟进' },
      { reply: '很抱歉让您久等了，退款⟦AMOUNT_1⟧已经原路退回，到账时间以银行为准，我帮您跟进' },
    );
    const r = await rewriter({}, team).rewrite({ text: draft });
    expect(r.accepted).toBe(true);
    expect(r.rewrite).toBe('很抱歉让您久等了，退款128元已经原路退回，到账时间以银行为准，我帮您跟进');
    expect(r.attempts).toBe(2);
    expect(r.rejections?.[0]?.join()).toContain('it leaves out ⟦AMOUNT_1⟧');
    expect(fake.prompt(0)).toContain('Placeholders to keep (the reply needs these values): ⟦AMOUNT_1⟧');
    expect(fake.prompt(0)).toContain('退款⟦AMOUNT_1⟧已经原路退回了');
    for (const r of fake.requests) expect(r.raw.toString()).not.toContain('128');
  });
});

describe('rewrite: answers that are turned down', () => {
  it('rejects an answer that adds a promise, tells the model why, and accepts the retry', async () => {
    fake.script({ reply: '很抱歉，具体原因我马上帮您查询。快递保证明天到。' }, { reply: GOOD });
    const r = await rewriter().rewrite({ text: DRAFT });
    expect(r).toMatchObject({ accepted: true, attempts: 2, rewrite: GOOD });
    expect(fake.requests).toHaveLength(2);
    const second = fake.requests[1]!.json.messages as Array<{ role: string; content: string }>;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: '很抱歉，具体原因我马上帮您查询。快递保证明天到。' });
    expect(second.at(-1)!.content).toContain('absolute-promise/delivery-date at "保证明天到"');
  });

  it('rejects an answer that repeats a flagged value or makes up a number, without sending the value back', async () => {
    fake.script(
      { reply: '很抱歉，已为您登记手机号⟦PHONE_1⟧，快递预计明天送达，我会帮您跟进。' },
      { reply: '很抱歉，我们会通过13912345678联系您，快递预计明天送达，我会帮您跟进。' },
      { reply: GOOD },
    );
    const r = await rewriter().rewrite({ text: DRAFT });
    expect(r).toMatchObject({ accepted: true, attempts: 3 });
    expect(r.rejections![0]!.join()).toContain('it repeats personal or financial data (⟦PHONE_1⟧)');
    expect(r.rejections![1]!.join()).toContain('it repeats personal or financial data');
    expectNothingPersonalSent();
    // The made-up number goes back to the model as a placeholder too.
    expect(fake.requests[2]!.raw.toString()).not.toContain('13912345678');
  });

  it('rejects invented and broken placeholders', async () => {
    fake.script({ reply: '很抱歉，我马上帮您查询，会联系⟦PHONE_7⟧。' }, { reply: '很抱歉，我马上帮您查询，会联系⟦手机号⟧。' }, { reply: GOOD });
    const r = await rewriter().rewrite({ text: DRAFT });
    expect(r).toMatchObject({ accepted: true, attempts: 3 });
    expect(r.rejections![0]!.join()).toContain('placeholders that stand for nothing: ⟦PHONE_7⟧');
    expect(r.rejections![1]!.join()).toContain('⟦手机号⟧');
  });

  it('gives up after the configured attempts: the draft\'s findings, an explanation and the best template', async () => {
    fake.otherwise({ reply: '这是规定，我也不知道。' });
    const r = await rewriter({ attempts: 2 }).rewrite({ text: DRAFT, message: '快递什么时候到' });
    expect(fake.requests).toHaveLength(2);
    expect(r.accepted).toBe(false);
    expect(r.rewrite).toBeNull();
    expect(r.after).toBeNull();
    expect(r.attempts).toBe(2);
    expect(r.before.findings.map((f) => f.ruleId)).toContain('absolute-promise/delivery-date');
    expect(r.explanation).toMatch(/^no rewrite passed the checks in 2 attempts \(last: .*banned-phrase/);
    expect(r.template?.intent).toMatch(/^(shipping|presale)\./);
    expect(engine.check(r.template!.text).pass).toBe(true);
  });

  it('does not ask the model when the draft has nothing to improve', async () => {
    const r = await rewriter().rewrite({ text: GOOD });
    expect(r).toMatchObject({ accepted: false, rewrite: null, attempts: 0 });
    expect(r.explanation).toContain('nothing to rewrite');
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps the draft\'s language and script', async () => {
    fake.script({ reply: 'Sorry, I will check it for you right away.' }, { reply: '很抱歉，具體原因我馬上幫您查詢，查到後第一時間回覆您' }, { reply: '很抱歉，具体原因我马上帮您查询，查到后第一时间回复您' });
    const r = await rewriter().rewrite({ text: '這是規定，我也不知道' });
    expect(r).toMatchObject({ accepted: true, attempts: 2, rewrite: '很抱歉，具體原因我馬上幫您查詢，查到後第一時間回覆您' });
    expect(r.rejections![0]!.join()).toContain('not in Chinese');
    expect(fake.prompt(0)).toContain('Traditional Chinese');
  });

  it('takes the reply out of fences, headings and quotation marks', async () => {
    fake.script({ reply: '改写后：“' + GOOD + '”' });
    expect((await rewriter().rewrite({ text: DRAFT })).rewrite).toBe(GOOD);
  });
});

describe('rewrite: broken, slow and failing endpoints', () => {
  it('counts malformed, empty and cut-off answers as failed attempts and goes on', async () => {
    fake.script({ raw: '{"choices": [' }, { raw: '{"choices": []}' }, { reply: '' }, { reply: GOOD, finishReason: 'length' }, { raw: 'plain text', contentType: 'text/plain' }, { reply: GOOD });
    const r = await rewriter({ attempts: 6 }).rewrite({ text: DRAFT });
    expect(r).toMatchObject({ accepted: true, attempts: 6, rewrite: GOOD });
    expect(r.rejections!.map((x) => x.join())).toEqual([
      'the model\'s answer was not valid JSON',
      'the model\'s answer had no choices',
      'the model\'s answer was empty',
      'the model\'s answer was cut off (llm.maxTokens reached)',
      'the model\'s answer was not a chat completion',
    ]);
  });

  it('retries 429 and 500 with backoff, honouring Retry-After', async () => {
    fake.script({ status: 429, headers: { 'retry-after-ms': '50' } }, { status: 500 }, { reply: GOOD });
    const r = await rewriter({ maxRetries: 2 }).rewrite({ text: DRAFT });
    expect(r.accepted).toBe(true);
    expect(fake.requests).toHaveLength(3);
    const [a, b, c] = fake.requests.map((x) => x.at);
    expect(b! - a!).toBeGreaterThanOrEqual(45);
    // No Retry-After: the client's exponential backoff (0.5 s, less up to 25 % jitter).
    expect(c! - b!).toBeGreaterThanOrEqual(370);
    expectNothingPersonalSent();
  });

  it('fails with a clear error when the endpoint keeps answering 429 or 500', async () => {
    fake.otherwise({ status: 429, headers: { 'retry-after-ms': '10' } });
    const e = await rewriter({ maxRetries: 2 }).rewrite({ text: DRAFT }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmRequestError);
    expect((e as LlmRequestError).message).toBe(`the LLM at ${fake.baseUrl} answered HTTP 429 (after 3 tries)`);
    expect((e as LlmRequestError).httpStatus).toBe(503);
    expect(fake.requests).toHaveLength(3);
    fake.requests.length = 0;
    fake.otherwise({ status: 401 });
    const e401 = await rewriter({ maxRetries: 2 }).rewrite({ text: DRAFT }).catch((x: unknown) => x);
    expect((e401 as Error).message).toContain('HTTP 401: check the API key');
    expect(fake.requests).toHaveLength(1);
  });

  it('caps a Retry-After that would park the request for an hour', async () => {
    fake.script({ status: 429, headers: { 'retry-after': '3600' } }, { reply: GOOD });
    const r = await rewriter({ maxRetries: 1, timeoutMs: 300 }).rewrite({ text: DRAFT });
    expect(r.accepted).toBe(true);
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeLessThan(5000);
  });

  it('times out a slow answer and a stalled body', async () => {
    fake.otherwise({ reply: GOOD, delayMs: 3000 });
    const slow = await rewriter({ timeoutMs: 200, maxRetries: 1 }).rewrite({ text: DRAFT }).catch((x: unknown) => x);
    expect(slow).toBeInstanceOf(LlmRequestError);
    expect((slow as LlmRequestError).code).toBe('llm-timeout');
    expect((slow as LlmRequestError).httpStatus).toBe(504);
    expect((slow as Error).message).toBe(`the LLM at ${fake.baseUrl} did not answer within 200 ms (after 2 tries)`);
    fake.otherwise({ stallMs: 3000, reply: GOOD });
    const stalled = await rewriter({ timeoutMs: 200 }).rewrite({ text: DRAFT }).catch((x: unknown) => x);
    expect((stalled as LlmRequestError).code).toBe('llm-timeout');
  });

  it('reports an endpoint that is not there', async () => {
    // A port that was free a moment ago.
    const closed = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const base = `http://127.0.0.1:${closed}/v1`;
    const s = resolveLlmSettings({ maxRetries: 1 }, env({ OPENAI_BASE_URL: base }));
    if (!s.configured) throw new Error(s.message);
    const e = await createRewriter(engine, s.settings).rewrite({ text: DRAFT }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmRequestError);
    expect((e as Error).message).toBe(`the LLM at ${base} could not be reached (ECONNREFUSED; after 2 tries)`);
  });

  it('sends no more requests at once than llm.concurrency, and a caller can stop waiting', async () => {
    fake.otherwise({ reply: GOOD, delayMs: 150 });
    const rw = rewriter({ concurrency: 2 });
    const results = await Promise.all(Array.from({ length: 5 }, () => rw.rewrite({ text: DRAFT })));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(fake.requests).toHaveLength(5);
    expect(fake.maxInFlight).toBe(2);
    const stop = new AbortController();
    const pending = rw.rewrite({ text: DRAFT, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow();
  });
});

describe('rewriterFor', () => {
  it('is null without a model or an endpoint, and says what to set', () => {
    expect(rewriterFor(engine, {})).toBeNull();
    expect(rewriterFor(engine, { OPENAI_API_KEY: 'k' })).toBeNull();
    expect(() => requireRewriter(engine, {})).toThrow(LlmUnavailableError);
    expect(() => requireRewriter(engine, { OPENAI_API_KEY: 'k' })).toThrow(/set a model name \(REPLYLINT_LLM_MODEL, or llm\.model in \.replylint\.yaml\)$/);
    expect(rewriterFor(engine, env())).not.toBeNull();
  });

  it('reads the llm: section of the configuration file, with the key from the variable it names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-rewrite-'));
    const file = join(dir, '.replylint.yaml');
    writeFileSync(file, `llm:\n  baseUrl: ${fake.baseUrl}\n  model: team-model\n  apiKeyEnv: TEAM_LLM_KEY\n  attempts: 1\n  temperature: 0\n  instructions: 称呼客户为“亲”。\n`);
    const team = await createEngine({ config: file });
    const rw = rewriterFor(team, { TEAM_LLM_KEY: 'team-secret' });
    expect(rw?.settings).toMatchObject({ model: 'team-model', attempts: 1, temperature: 0 });
    fake.script({ reply: GOOD });
    await rw!.rewrite({ text: DRAFT });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer team-secret');
    expect(fake.requests[0]!.json).toMatchObject({ model: 'team-model', temperature: 0 });
    expect(fake.prompt(0)).toContain('The team\'s own instructions:\n称呼客户为“亲”。');
  });
});
