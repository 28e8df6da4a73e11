// POST /v1/rewrite on a real replylint server on 127.0.0.1, with the real `openai` client talking
// to the fake OpenAI-compatible server: the SPEC §6 answer, JSON errors for an LLM that fails or
// is slow, 503 without one — and /v1/check and /v1/suggest unaffected while the LLM hangs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { llmRewriter } from '../../src/server/routes/rewrite.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const DRAFT = '这是规定，我也不知道。您的手机号13812345678已登记，快递一定明天到';
const GOOD = '很抱歉，具体原因我马上帮您查询。您登记的手机号已核对，快递预计明天送达，我会帮您跟进物流。';

let fake: FakeOpenAI;
let server: RunningServer;

function post(url: string, body: unknown): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // The server reads the LLM's address and model from the environment, as in production.
  vi.stubEnv('OPENAI_BASE_URL', fake.baseUrl);
  vi.stubEnv('REPLYLINT_LLM_MODEL', 'fake-model');
  vi.stubEnv('OPENAI_API_KEY', 'sk-test');
  vi.stubEnv('REPLYLINT_MODEL_DIR', '/nonexistent-models');
  const dir = mkdtempSync(join(tmpdir(), 'replylint-rewrite-http-'));
  writeFileSync(join(dir, '.replylint.yaml'), 'llm:\n  timeoutMs: 400\n  maxRetries: 1\n  attempts: 2\n');
  server = await startServer({ host: '127.0.0.1', port: 0, config: join(dir, '.replylint.yaml'), logger: false });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await server.close();
  await fake.close();
  vi.unstubAllEnvs();
});

describe('POST /v1/rewrite', () => {
  it('answers {rewrite, before, after}; the LLM never sees a personal value, the answer shows none', async () => {
    fake.script({ reply: GOOD });
    const r = await post(`${server.url}/v1/rewrite`, { text: DRAFT, message: '我手机号13812345678，快递什么时候到', context: { 店铺: '小店', 订单金额: 358 } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ rewrite: GOOD, before: { pass: false, score: 0 }, after: { pass: true, score: 100 }, accepted: true });
    expect(JSON.stringify(r.json.before)).not.toContain('13812345678');
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!.raw.toString();
    expect(sent).not.toContain('13812345678');
    expect(sent).toContain('⟦PHONE_1⟧');
  });

  it('an answer that spells a known value out (dotted, Chinese numerals, beside another number) is never returned', async () => {
    for (const spelt of ['138.1234.5678', '一三八一二三四五六七八', '壹叁捌壹贰叁肆伍陆柒捌', '13812345678 11点']) {
      fake.reset();
      fake.otherwise({ reply: `很抱歉，具体原因我马上帮您查询。请保持${spelt}畅通，快递预计明天送达。` });
      const r = await post(`${server.url}/v1/rewrite`, { text: DRAFT, context: { 手机: '138 1234 5678' } });
      expect(r.json, spelt).toMatchObject({ rewrite: null, after: null, accepted: false });
      expect(JSON.stringify(r.json)).not.toContain(spelt);
      for (const req of fake.requests) expect(req.raw.toString()).not.toMatch(/13812345678|138 1234 5678/);
    }
  });

  it('no acceptable rewrite: 200 with rewrite null, the explanation and a phrasebook reply', async () => {
    fake.otherwise({ reply: '这是规定。' });
    const r = await post(`${server.url}/v1/rewrite`, { text: DRAFT, message: '快递到哪了' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ rewrite: null, after: null, accepted: false, attempts: 2 });
    expect(r.json.explanation).toMatch(/^no rewrite passed the checks in 2 attempts/);
    expect(r.json.template.templateId).toMatch(/^shipping\./);
  });

  it('an LLM answering 500: 503 llm-error; a slow one: 504 llm-timeout — JSON, no stack', async () => {
    fake.otherwise({ status: 500, headers: { 'retry-after-ms': '10' } });
    const failing = await post(`${server.url}/v1/rewrite`, { text: DRAFT });
    expect(failing).toEqual({ status: 503, json: { error: { code: 'llm-error', message: `the LLM at ${fake.baseUrl} answered HTTP 500 (after 2 tries)` } } });
    fake.otherwise({ reply: GOOD, delayMs: 5000 });
    const slow = await post(`${server.url}/v1/rewrite`, { text: DRAFT });
    expect(slow).toEqual({ status: 504, json: { error: { code: 'llm-timeout', message: `the LLM at ${fake.baseUrl} did not answer within 400 ms (after 2 tries)` } } });
  });

  it('check and suggest answer while a rewrite waits on a hanging LLM', async () => {
    fake.otherwise({ reply: GOOD, delayMs: 5000 });
    let rewriteDone = false;
    const pending = post(`${server.url}/v1/rewrite`, { text: DRAFT }).then((r) => {
      rewriteDone = true;
      return r;
    });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    const check = await post(`${server.url}/v1/check`, { text: DRAFT });
    const suggest = await post(`${server.url}/v1/suggest`, { message: '快递到哪了' });
    expect(rewriteDone).toBe(false);
    expect(check.status).toBe(200);
    expect(check.json.findings.length).toBe(4);
    expect(suggest.status).toBe(200);
    expect(suggest.json.suggestions.length).toBeGreaterThan(0);
    expect((await pending).status).toBe(504);
  });

  it('stops asking the LLM when the client hangs up', async () => {
    await vi.waitFor(() => expect(fake.inFlight).toBe(0));
    fake.otherwise({ reply: GOOD, delayMs: 5000 });
    const req = request(`${server.url}/v1/rewrite`, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false });
    req.on('error', () => undefined);
    req.end(JSON.stringify({ text: DRAFT }));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.inFlight).toBe(1);
    req.destroy();
    await vi.waitFor(() => expect(fake.inFlight).toBe(0));
    expect(fake.requests).toHaveLength(1);
  });

  it('503 llm-unavailable when no LLM is configured', async () => {
    const bare = await startServer({ host: '127.0.0.1', port: 0, config: false, logger: false, rewriter: llmRewriter({}) });
    try {
      const r = await post(`${bare.url}/v1/rewrite`, { text: DRAFT });
      expect(r.status).toBe(503);
      expect(r.json.error.code).toBe('llm-unavailable');
      expect(fake.requests).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });
});
