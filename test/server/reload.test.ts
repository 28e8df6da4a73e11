// Rules and phrasebook load once; POST /v1/reload swaps them as a whole, and a broken file keeps
// the old set and says what is wrong, where. Server settings come from .replylint.yaml, strictly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/problems.js';
import { postJson, send, startTestServer, teamDir, teamRules, type TestServer } from './helpers.js';

const ruleIds = (r: { json: { findings: Array<{ ruleId: string }> } }): string[] => r.json.findings.map((f) => f.ruleId);

beforeAll(() => {
  process.env.REPLYLINT_MODEL_DIR = '/nonexistent-models';
});

describe('POST /v1/reload', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = teamDir();
    server = await startTestServer({ cwd: dir, config: undefined });
  });
  afterAll(() => server.close());

  it('picks up a changed rule file', async () => {
    expect(ruleIds(await postJson(`${server.url}/v1/check`, { text: '亲爱滴，宝贝儿' }))).toEqual(['banned-phrase/team-word']);
    const rulesBefore = (await send(`${server.url}/healthz`)).json.rules;
    writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴', '宝贝儿']));
    const r = await postJson(`${server.url}/v1/reload`, {});
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'reloaded', rules: rulesBefore, templates: expect.any(Number) });
    expect(ruleIds(await postJson(`${server.url}/v1/check`, { text: '亲爱滴，宝贝儿' }))).toEqual(['banned-phrase/team-word', 'banned-phrase/team-word']);
  });

  it('a broken rule file: 500 reload-failed with file, line and column; the old rules stay', async () => {
    writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴', '宝贝儿']).replace('patterns: [亲爱滴, 宝贝儿]', 'patterns: [亲爱滴, 宝贝儿, "/不(/"]'));
    const r = await postJson(`${server.url}/v1/reload`, {});
    expect(r.status).toBe(500);
    expect(r.json.error.code).toBe('reload-failed');
    expect(r.json.error.message).toMatch(/previous rules stay in use/);
    expect(r.json.error.message).toContain(`${join(dir, 'team.yaml')}:6:`);
    expect(r.json.error.problems[0]).toMatchObject({ file: join(dir, 'team.yaml'), line: 6, code: 'bad-pattern' });
    // Still the set loaded by the last good reload.
    expect(ruleIds(await postJson(`${server.url}/v1/check`, { text: '亲爱滴，宝贝儿' }))).toEqual(['banned-phrase/team-word', 'banned-phrase/team-word']);
    expect(server.logs().some((l) => l.msg === 'reload failed; the previous rules stay in use' && String(l.problems).includes('bad-pattern'))).toBe(true);

    writeFileSync(join(dir, 'team.yaml'), 'rules:\n  - id: [unclosed\n');
    const syntax = await postJson(`${server.url}/v1/reload`, {});
    expect(syntax.json.error.problems[0]).toMatchObject({ code: 'yaml-syntax' });
    expect((await postJson(`${server.url}/v1/check`, { text: '宝贝儿' })).json.findings).toHaveLength(1);
  });

  it('reloads running at the same time share one load', async () => {
    writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴']));
    const [a, b] = await Promise.all([server.reload(), server.reload()]);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
    expect((await postJson(`${server.url}/v1/check`, { text: '宝贝儿' })).json.findings).toHaveLength(0);
  });
});

describe('server: settings in .replylint.yaml', () => {
  it('are applied, and options given to startServer win over them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-serve-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'server:\n  port: 0\n  bodyLimit: 1024\n  cors:\n    origins: ["https://a.example"]\n');
    const server = await startTestServer({ cwd: dir, config: undefined, settings: { bodyLimit: 2048 } });
    try {
      expect(server.settings).toMatchObject({ bodyLimit: 2048, cors: { origins: ['https://a.example'] }, host: '127.0.0.1', timeoutMs: 10_000 });
      expect((await postJson(`${server.url}/v1/check`, { text: '亲'.repeat(1000) })).status).toBe(413);
      expect((await postJson(`${server.url}/v1/check`, { text: '亲' }, { origin: 'https://a.example' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('a typo or a bad value is a ConfigError naming the file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-serve-'));
    const file = join(dir, '.replylint.yaml');
    writeFileSync(file, 'failOn: error\nserver:\n  port: 99999\n  bodylimit: 10\n  cors:\n    origins: ["https://a.example/path"]\n');
    const e = await startTestServer({ cwd: dir, config: undefined }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    const lines = (e as ConfigError).message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith(`${file}:3:9: schema: server.port: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${file}:4:3: schema: server: unknown key "bodylimit"`))).toBe(true);
    expect(lines.some((l) => l.includes(':6:') && l.includes('server.cors.origins.0: an origin is'))).toBe(true);
  });
});
