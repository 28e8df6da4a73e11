// The endpoints of SPEC §6 against a real server on 127.0.0.1.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedEngine } from '../helpers/engine.js';
import { packageVersion } from '../../src/config/files.js';
import { postJson, send, startTestServer, type TestServer } from './helpers.js';

const noModel = 'REPLYLINT_MODEL_DIR';
let server: TestServer;
let web: string;

beforeAll(async () => {
  process.env[noModel] = '/nonexistent-models';
  // No LLM: /v1/rewrite must say so (this file runs in its own worker; nothing else sees this).
  for (const name of ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'REPLYLINT_LLM_MODEL']) delete process.env[name];
  web = mkdtempSync(join(tmpdir(), 'rl-web-'));
  writeFileSync(join(web, 'widget.js'), 'customElements.define("replylint-box", class extends HTMLElement {});\n');
  server = await startTestServer({ webDir: web });
});
afterAll(async () => {
  await server.close();
  rmSync(web, { recursive: true, force: true });
});

describe('POST /v1/check', () => {
  it('answers the same SPEC §3 check result as the engine', async () => {
    const text = '这是规定，我也不知道';
    const r = await postJson(`${server.url}/v1/check`, { text });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json).toEqual((await shippedEngine()).check(text));
    expect(r.json.pass).toBe(false);
    expect(r.json.findings.map((f: { category: string }) => f.category)).toContain('banned-phrase');
    expect(Object.keys(r.json).sort()).toEqual(['findings', 'pass', 'score', 'text']);
  });

  it('masks personal data in the text, excerpts and messages', async () => {
    const r = await postJson(`${server.url}/v1/check`, { text: '您的电话是15912345678对吗，银行卡号6228480402564890018已登记' });
    expect(r.status).toBe(200);
    expect(r.text).not.toContain('15912345678');
    expect(r.text).not.toContain('6228480402564890018');
    expect(r.json.text).toBe('您的电话是159****5678对吗，银行卡号6228***********0018已登记');
    expect(r.json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['sensitive-data/mobile', 'sensitive-data/bank-card']);
    expect(r.json.findings[0].excerpt).toBe('159****5678');
  });

  it('failOn and locale change the verdict and the language', async () => {
    const text = '不能换。';
    const lax = await postJson(`${server.url}/v1/check`, { text });
    const strict = await postJson(`${server.url}/v1/check`, { text, failOn: 'warning', locale: 'en' });
    expect(lax.json.findings[0].severity).toBe('warning');
    expect(lax.json.pass).toBe(true);
    expect(strict.json.pass).toBe(false);
    expect(strict.json.findings[0].message).not.toBe(lax.json.findings[0].message);
    expect(strict.json.findings[0].message).toMatch(/[a-z]/);
  });

  it('accepts a context object and an empty text', async () => {
    const r = await postJson(`${server.url}/v1/check`, { text: '', context: { 店铺名: '小店' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ text: '', findings: [], score: 100, pass: true });
  });
});

describe('POST /v1/suggest', () => {
  it('answers {"id", "suggestions": […], "confidence"} as `replylint suggest --format json` lists them', async () => {
    const r = await postJson(`${server.url}/v1/suggest`, { message: '快递到哪了' });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['id', 'suggestions', 'confidence']);
    expect(r.json.suggestions).toHaveLength(3);
    expect(r.json.suggestions[0]).toMatchObject({ intent: 'shipping.tracking', engine: 'lexical' });
    for (const s of r.json.suggestions) {
      expect(Object.keys(s).sort()).toEqual(['engine', 'intent', 'score', 'templateId', 'text']);
      expect(s.score).toBeGreaterThan(0);
    }
  });

  it('top and context are applied', async () => {
    const r = await postJson(`${server.url}/v1/suggest`, { message: '在吗', top: 5, context: { 店铺名: '小店' } });
    expect(r.json.suggestions).toHaveLength(5);
    expect(r.json.suggestions[0].intent).toBe('greeting');
    const filled = await postJson(`${server.url}/v1/suggest`, { message: '订单3856120495837261048还没发货', top: 10 });
    expect(filled.json.suggestions.some((s: { text: string }) => s.text.includes('3856120495837261048'))).toBe(true);
  });
});

describe('POST /v1/rewrite', () => {
  it('503 llm-unavailable, saying how to configure an LLM', async () => {
    const r = await postJson(`${server.url}/v1/rewrite`, { text: '不知道', message: '在吗' });
    expect(r.status).toBe(503);
    expect(r.json.error.code).toBe('llm-unavailable');
    expect(r.json.error.message).toMatch(/OPENAI_BASE_URL.*REPLYLINT_LLM_MODEL.*llm:/);
  });

  it('validates the body before anything else', async () => {
    const r = await postJson(`${server.url}/v1/rewrite`, { draft: 'x' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/text: required/);
  });
});

describe('GET /healthz', () => {
  it('reports status, version and what is loaded', async () => {
    const r = await send(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    const engine = await shippedEngine();
    expect(r.json).toEqual({
      status: 'ok',
      version: packageVersion(),
      rules: engine.ruleSet.rules.length,
      templates: (await engine.phrasebook()).phrasebook.templates.length,
      uptimeSeconds: expect.any(Number),
    });
    expect(r.json.rules).toBeGreaterThan(10);
    expect(r.json.templates).toBeGreaterThan(30);
  });
});

describe('the widget files', () => {
  it('GET /widget.js: JavaScript with an ETag; If-None-Match gives 304', async () => {
    const r = await send(`${server.url}/widget.js`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(r.text).toContain('replylint-box');
    expect(r.headers['cache-control']).toBe('public, max-age=300');
    const etag = r.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await send(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('a changed file is served again with a new ETag', async () => {
    const before = (await send(`${server.url}/widget.js`)).headers.etag;
    writeFileSync(join(web, 'widget.js'), '// version 2 of the widget, a little longer\n');
    const r = await send(`${server.url}/widget.js`, { headers: { 'if-none-match': String(before) } });
    expect(r.status).toBe(200);
    expect(r.text).toContain('version 2');
    expect(r.headers.etag).not.toBe(before);
  });

  it('GET / without web/index.html: 404 JSON', async () => {
    const r = await send(`${server.url}/`);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: 'not-found', message: 'web/index.html is not installed with this server' } });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>demo</title>');
    const page = await send(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<title>demo</title>');
  });
});
