// `replylint rewrite` as users run it: the real executable against the fake OpenAI-compatible
// server. The child runs asynchronously, so that the fake server in this process can answer it.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, type CliResult } from '../helpers/cli.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const DRAFT = '这是规定，我也不知道。您的手机号13812345678已登记，快递一定明天到';
const GOOD = '很抱歉，具体原因我马上帮您查询。您登记的手机号已核对，快递预计明天送达，我会帮您跟进物流。';
/** Only what a test sets: no LLM variables of the machine running the tests leak in. */
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|REPLYLINT_LLM_)/.test(k)));

let fake: FakeOpenAI;

function run(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...CLEAN_ENV, NO_COLOR: '1', FORCE_COLOR: '', REPLYLINT_MODEL_DIR: '/nonexistent-models', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const llm = (): NodeJS.ProcessEnv => ({ OPENAI_BASE_URL: fake.baseUrl, REPLYLINT_LLM_MODEL: 'fake-model', OPENAI_API_KEY: 'sk-test' });

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('replylint rewrite', () => {
  it('without configuration: says what to set and exits 2', async () => {
    const r = await run(['rewrite', '--no-config', DRAFT]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'replylint: the LLM rewrite is not configured: set a model name (REPLYLINT_LLM_MODEL, or llm.model in .replylint.yaml) and an API key (OPENAI_API_KEY) for https://api.openai.com/v1, or an endpoint of your own (OPENAI_BASE_URL, or llm.baseUrl)\n',
    );
  });

  it('pretty: the draft\'s findings and score, then the accepted rewrite; exit 0; nothing personal printed or sent', async () => {
    fake.script({ reply: '很抱歉，快递保证明天到。' }, { reply: GOOD });
    const r = await run(['rewrite', '--no-config', '--message', '我手机号13812345678，快递什么时候到', DRAFT], llm());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('草稿 draft: 这是规定，我也不知道。您的手机号138****5678已登记，快递一定明天到');
    expect(r.stdout).toContain('banned-phrase/this-is-the-rule');
    expect(r.stdout).toContain('✖ 4 problems (4 errors, 0 warnings, 0 info) · score 0/100');
    expect(r.stdout).toContain(`✔ rewrite (score 0 → 100, attempt 2):\n${GOOD}\n`);
    expect(r.stdout).not.toContain('13812345678');
    for (const q of fake.requests) expect(q.raw.toString()).not.toContain('13812345678');
  });

  it('json: the SPEC §6 shape {rewrite, before, after}, the draft read from standard input', async () => {
    fake.script({ reply: GOOD });
    const r = await run(['rewrite', '--no-config', '--format', 'json'], llm(), DRAFT + '\n');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ rewrite: GOOD, accepted: true, attempts: 1, before: { pass: false, score: 0 }, after: { pass: true, score: 100, findings: [] } });
    expect(out.before.text).toBe('这是规定，我也不知道。您的手机号138****5678已登记，快递一定明天到');
  });

  it('no acceptable rewrite: the findings, the explanation and the best phrasebook reply; exit 1', async () => {
    fake.otherwise({ reply: '这是规定，我也不知道。' });
    const dir = mkdtempSync(join(tmpdir(), 'replylint-rewrite-cli-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'llm:\n  attempts: 2\n');
    const r = await run(['rewrite', '--config', join(dir, '.replylint.yaml'), '--message', '快递到哪了', DRAFT], llm());
    expect(r.code).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(r.stdout).toContain('absolute-promise/delivery-date');
    expect(r.stdout).toMatch(/✖ no rewrite passed the checks in 2 attempts \(last: \[error\] banned-phrase\//);
    expect(r.stdout).toMatch(/\nphrasebook reply shipping\.[a-z_]+\/\S+ {2}\d\.\d\d\n {2}\S/);
  });

  it('an LLM that keeps failing: one clear line, no stack, exit 2', async () => {
    fake.otherwise({ status: 500, headers: { 'retry-after-ms': '10' } });
    const r = await run(['rewrite', '--no-config', DRAFT], llm());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`replylint: the LLM at ${fake.baseUrl} answered HTTP 500 (after 3 tries)\n`);
  });

  it('a draft with nothing to improve: exit 0, no request', async () => {
    const r = await run(['rewrite', '--no-config', GOOD], llm());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ nothing to rewrite');
    expect(fake.requests).toHaveLength(0);
  });

  it('a bad llm: section: file, line and column, and never the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-rewrite-cli-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'llm:\n  timeoutMs: fast\n  apiKey: sk-secret-123\n');
    const r = await run(['rewrite', '--config', join(dir, '.replylint.yaml'), DRAFT], llm());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.replylint.yaml:2:14: schema: llm.timeoutMs: Invalid input: expected number, received string');
    expect(r.stderr).toContain('.replylint.yaml:3:11: schema: llm.apiKey: do not put an API key in a file');
    expect(r.stderr).not.toContain('sk-secret-123');
  });
});
