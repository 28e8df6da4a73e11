// No personal value in what the server answers or logs, whatever the request quotes: a 404's URL,
// an unknown field's name, a reload problem's text; and /v1/check finds the values of issue 11.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logging.js';
import { maskPersonalData } from '../../src/pii/scan.js';
import { postJson, send, startTestServer, teamRules, type TestServer } from './helpers.js';

const PHONE = '13812345678';
let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rl-privacy-'));
  writeFileSync(join(dir, '.replylint.yaml'), 'ruleFiles: [team.yaml]\n');
  writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴']));
  server = await startTestServer({ config: join(dir, '.replylint.yaml') });
});
afterAll(() => server.close());

describe('error messages', () => {
  it('404: the URL is masked, also where it is cut short', async () => {
    for (const path of [`/v1/${PHONE}`, `/${'x/'.repeat(47)}${PHONE}`, `/v1/%E7%94%B5%E8%AF%9D${PHONE}`]) {
      const r = await send(`${server.url}${path}`);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('not-found');
      expect(r.text).not.toContain(PHONE.slice(0, 8));
    }
  });

  it('400: an unknown field named by a personal value is masked', async () => {
    const r = await postJson(`${server.url}/v1/check`, { text: '好的', [PHONE]: 1, ['lihua2020@qq.com']: 2 });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('unknown field');
    expect(r.text).not.toContain(PHONE);
    expect(r.text).not.toContain('lihua2020');
  });

  it('a failed reload: neither the answer nor the log shows the rule file\'s personal data', async () => {
    writeFileSync(join(dir, 'team.yaml'), teamRules(['亲爱滴']).replace('patterns: [亲爱滴]', `patterns: [亲爱滴, "/${PHONE}(/"]`));
    const r = await postJson(`${server.url}/v1/reload`, {});
    expect(r.json.error.code).toBe('reload-failed');
    expect(r.text).not.toContain(PHONE);
    expect(server.logText()).toContain('reload failed');
    expect(server.logText()).not.toContain(PHONE);
  });
});

describe('/v1/check', () => {
  it('finds and masks the values of issue 11', async () => {
    for (const text of ['电话13812345678 11点前联系您', '13812345678 11010519491231002X', '138.1234.5678', '一三八一二三四五六七八']) {
      const r = await postJson(`${server.url}/v1/check`, { text });
      expect(r.json.findings.some((f: { category: string }) => f.category === 'sensitive-data'), text).toBe(true);
      expect(r.text).not.toContain(PHONE);
      expect(r.text).not.toContain('一三八一二三四五六七八');
    }
  });
});

describe('logs', () => {
  it('every string a log line carries is masked: messages, fields, errors', () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        text += chunk.toString('utf8');
        cb();
      },
    });
    const { logger } = createLogger({ stream, level: 'info' }, 'info', maskPersonalData);
    logger.warn(`客户电话${PHONE}`);
    logger.child({ reqId: 'r1' }).error({ err: new Error(`bad ${PHONE}`), problems: [`found: ${PHONE}`] }, 'internal error');
    expect(text).toContain('138****5678');
    expect(text).not.toContain(PHONE);
  });
});
