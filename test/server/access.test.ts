// Who may call: CORS (configured origins plus the server's own), the API key, the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, send, startTestServer, type TestServer } from './helpers.js';

beforeAll(() => {
  process.env.REPLYLINT_MODEL_DIR = '/nonexistent-models';
});

describe('CORS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ settings: { cors: { origins: ['https://shop.example.com'] } } });
  });
  afterAll(() => server.close());

  it('a configured origin may call, and its preflight is answered', async () => {
    const origin = 'https://shop.example.com';
    const r = await postJson(`${server.url}/v1/check`, { text: '在的亲' }, { origin });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(origin);
    expect(r.headers['access-control-expose-headers']).toContain('retry-after');
    const pre = await send(`${server.url}/v1/suggest`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(origin);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(pre.headers['access-control-allow-headers']).toContain('x-api-key');
  });

  it("the server's own origin may call (the demo page it serves)", async () => {
    const origin = server.url;
    const r = await postJson(`${server.url}/v1/suggest`, { message: '在吗' }, { origin });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe(origin);
  });

  it('another origin is refused: 403 JSON, and its preflight gets no CORS headers', async () => {
    const origin = 'https://evil.example.net';
    const r = await postJson(`${server.url}/v1/check`, { text: '在的亲' }, { origin });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('origin-not-allowed');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await send(`${server.url}/v1/check`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    // A look-alike of the server's own origin on another port is another origin.
    const port = Number(new URL(server.url).port);
    expect((await postJson(`${server.url}/v1/check`, { text: 'x' }, { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('requests without an Origin (curl, servers) are not affected', async () => {
    const r = await postJson(`${server.url}/v1/check`, { text: '在的亲' });
    expect(r.status).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('API key', () => {
  let server: TestServer;
  const key = 'k3y-for-tests-only';
  beforeAll(async () => {
    server = await startTestServer({ settings: { apiKey: key } });
  });
  afterAll(() => server.close());

  it('401 without the key or with a wrong one', async () => {
    const none = await postJson(`${server.url}/v1/check`, { text: 'x' });
    expect(none.status).toBe(401);
    expect(none.json.error).toEqual({ code: 'unauthorized', message: 'this server needs an API key in the X-API-Key header' });
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const wrong = await postJson(`${server.url}/v1/suggest`, { message: 'x' }, { 'x-api-key': 'k3y-for-tests-onlY' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toBe('the API key is wrong');
    expect((await postJson(`${server.url}/v1/reload`, {})).status).toBe(401);
  });

  it('200 with X-API-Key or Authorization: Bearer; /healthz needs none', async () => {
    expect((await postJson(`${server.url}/v1/check`, { text: 'x' }, { 'x-api-key': key })).status).toBe(200);
    expect((await postJson(`${server.url}/v1/suggest`, { message: '在吗' }, { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await send(`${server.url}/healthz`)).status).toBe(200);
  });

  it('the key is checked before the body is even parsed', async () => {
    const r = await postJson(`${server.url}/v1/check`, '{broken');
    expect(r.status).toBe(401);
  });

  it('apiKeyEnv reads the key from the environment, and an unset variable is a clear error', async () => {
    process.env.RL_TEST_KEY = 'from-the-environment';
    const s = await startTestServer({ settings: { apiKeyEnv: 'RL_TEST_KEY' } });
    try {
      expect((await postJson(`${s.url}/v1/check`, { text: 'x' }, { 'x-api-key': 'from-the-environment' })).status).toBe(200);
      expect((await postJson(`${s.url}/v1/check`, { text: 'x' }, { 'x-api-key': key })).status).toBe(401);
    } finally {
      await s.close();
    }
    await expect(startTestServer({ settings: { apiKeyEnv: 'RL_TEST_UNSET_KEY' } })).rejects.toThrow(/apiKeyEnv names RL_TEST_UNSET_KEY, but that environment variable is not set/);
  });
});

describe('rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ settings: { rateLimit: { max: 3, timeWindow: 60_000 } } });
  });
  afterAll(() => server.close());

  it('429 with Retry-After once a client is over its limit; /healthz is not limited', async () => {
    for (let i = 0; i < 3; i++) expect((await postJson(`${server.url}/v1/check`, { text: `第${i}条` })).status).toBe(200);
    const r = await postJson(`${server.url}/v1/suggest`, { message: '在吗' });
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('rate-limited');
    expect(r.json.error.message).toMatch(/Retry-After/);
    const after = Number(r.headers['retry-after']);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(60);
    // Refused before its body is looked at.
    expect((await postJson(`${server.url}/v1/check`, '{broken')).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await send(`${server.url}/healthz`)).status).toBe(200);
    expect(server.logs().some((l) => l.error === 'rate-limited' && l.status === 429)).toBe(true);
  });
});
