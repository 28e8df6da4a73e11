// POST /v1/suggest with the conversation, confidence and abstention, and POST /v1/feedback
// appending masked records to the feedback log, against a real server on 127.0.0.1.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
let off: TestServer;
let dir: string;
let logFile: string;

beforeAll(async () => {
  process.env.REPLYLINT_MODEL_DIR = '/nonexistent-models';
  dir = mkdtempSync(join(tmpdir(), 'rl-feedback-'));
  logFile = join(dir, 'logs', 'feedback.jsonl');
  [server, off] = await Promise.all([startTestServer({ feedback: logFile }), startTestServer({ feedback: false })]);
});
afterAll(async () => {
  await Promise.all([server.close(), off.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const suggest = (body: unknown, s = server) => postJson(`${s.url}/v1/suggest`, body);
const feedback = (body: unknown, s = server) => postJson(`${s.url}/v1/feedback`, body);

describe('POST /v1/suggest', () => {
  it('answers with an id, the suggestions and their confidence; a message nothing fits is held back', async () => {
    const r = await suggest({ message: '我要退货' });
    expect(r.status).toBe(200);
    expect(r.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.json.confidence).toBeGreaterThanOrEqual(0.8);
    expect(r.json.suggestions[0].intent).toBe('aftersale.return_request');
    const held = await suggest({ message: '哈哈哈' });
    expect(held.json).toMatchObject({ suggestions: [], abstained: true });
    expect(Object.keys(held.json).sort()).toEqual(['abstained', 'confidence', 'id', 'suggestions']);
  });

  it('abstain: false and threshold change the answer; history ranks a follow-up by what it follows', async () => {
    expect((await suggest({ message: '哈哈哈', abstain: false })).json.suggestions).toHaveLength(3);
    expect((await suggest({ message: '哈哈哈', threshold: 0 })).json.suggestions).toHaveLength(3);
    expect((await suggest({ message: '我要退货', threshold: 1 })).json.abstained).toBe(true);
    const history = [
      { role: 'customer', text: '这款卫衣还有货吗' },
      { role: 'agent', text: '黑色的有现货哦' },
    ];
    expect((await suggest({ message: '那白色呢', history })).json.suggestions[0].intent).toBe('presale.stock');
  });

  it('rejects a bad history, abstain or threshold with 400 naming the field', async () => {
    for (const [body, field] of [
      [{ message: 'x', history: [{ role: 'bot', text: 'x' }] }, 'history.0.role'],
      [{ message: 'x', history: [{ role: 'agent' }] }, 'history.0.text'],
      [{ message: 'x', history: 'x' }, 'history'],
      [{ message: 'x', abstain: 'no' }, 'abstain'],
      [{ message: 'x', threshold: 2 }, 'threshold'],
    ] as const) {
      const r = await suggest(body);
      expect(r.status, field).toBe(400);
      expect(r.json.error.message, field).toContain(field);
    }
  });
});

describe('POST /v1/feedback', () => {
  it('appends the chosen template (or none) with the masked message, conversation and what was shown', async () => {
    const a = await suggest({ message: '我电话13912345678 快递到哪了', history: [{ role: 'customer', text: '收件人是张三 电话13812345678' }] });
    expect((await feedback({ id: a.json.id, templateId: a.json.suggestions[1].templateId })).json).toEqual({ recorded: true });
    const b = await suggest({ message: '楼下快递站今天开门没' });
    expect((await feedback({ id: b.json.id, templateId: null })).status).toBe(200);
    const text = readFileSync(logFile, 'utf8');
    expect(text).not.toMatch(/13912345678|13812345678/);
    const [first, second] = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      v: 1,
      answer: a.json.id,
      message: '我电话139****5678 快递到哪了',
      history: [{ role: 'customer', text: expect.stringContaining('138****5678') }],
      chosen: { templateId: a.json.suggestions[1].templateId, intent: a.json.suggestions[1].intent },
      confidence: a.json.confidence,
      abstained: false,
    });
    expect(first.shown.map((s: { templateId: string }) => s.templateId)).toEqual(a.json.suggestions.map((s: { templateId: string }) => s.templateId));
    expect(new Date(first.time).getTime()).toBeGreaterThan(0);
    expect(second).toMatchObject({ answer: b.json.id, chosen: null });
  });

  it('an unknown answer is 404, an unknown template 400, a bad body 400', async () => {
    expect((await feedback({ id: 'nope', templateId: null })).json.error.code).toBe('unknown-answer');
    const a = await suggest({ message: '我要退货' });
    const r = await feedback({ id: a.json.id, templateId: 'greeting/no-such-template' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('unknown-template');
    expect((await feedback({ id: a.json.id })).status).toBe(400);
    expect((await feedback({ id: a.json.id, templateId: null, extra: 1 })).status).toBe(400);
  });

  it('with feedback off, answers carry no id and feedback is 503', async () => {
    const a = await suggest({ message: '我要退货' }, off);
    expect(a.json.id).toBeUndefined();
    const r = await feedback({ id: 'x', templateId: null }, off);
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe('feedback-off');
    expect(existsSync(join(process.cwd(), 'replylint-feedback.jsonl'))).toBe(false);
  });
});
