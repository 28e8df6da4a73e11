import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const noModel = { REPLYLINT_MODEL_DIR: '/nonexistent-models' };

describe('replylint suggest', () => {
  it('--format json prints the SPEC §4 object', () => {
    const r = runCli(['suggest', '--format', 'json', '快递到哪了'], { env: noModel });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.message).toBe('快递到哪了');
    expect(out.suggestions).toHaveLength(3);
    expect(out.suggestions[0]).toMatchObject({ intent: 'shipping.tracking', engine: 'lexical' });
  });

  it('says once on stderr that no model was found, and ranks lexically', () => {
    const r = runCli(['suggest', '--format', 'json', '退货'], { env: noModel });
    expect(r.stderr.match(/no local embedding model/g)).toHaveLength(1);
    expect(JSON.parse(r.stdout).suggestions[0].engine).toBe('lexical');
    expect(runCli(['suggest', '--engine', 'lexical', '退货'], { env: noModel }).stderr).toBe('');
  });

  it('--top N and pretty output', () => {
    const r = runCli(['suggest', '--top', '5', '咋还不发货'], { env: noModel });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^客户消息 message: 咋还不发货/);
    expect(r.stdout.match(/^\d\. /gm)).toHaveLength(5);
    expect(runCli(['suggest', '--top', '0', 'x']).code).toBe(2);
  });

  it('masks personal data in the echoed message', () => {
    const r = runCli(['suggest', '--format', 'json', '我电话15912345678 改个地址'], { env: noModel });
    expect(r.stdout).not.toContain('15912345678');
    expect(JSON.parse(r.stdout).message).toBe('我电话159****5678 改个地址');
  });

  it('fills slots from the message and --context', () => {
    const r = runCli(['suggest', '--format', 'json', '--top', '10', '--context', '{"店铺名":"小店"}', '订单3856120495837261048还没发货'], { env: noModel });
    expect(r.stdout).toContain('3856120495837261048');
    expect(runCli(['suggest', '--context', '[1]', 'x']).code).toBe(2);
  });

  it('--jsonl: one line per message, same order, ids kept, bad lines reported', () => {
    const input = ['{"id":"a","text":"在吗"}', '{"id":7,"text":"我要退货"}', 'not json', '{"id":"c","text":"发错货了"}'].join('\n');
    const r = runCli(['suggest', '--jsonl'], { input, env: noModel });
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 7, null, 'c']);
    expect(lines[0].suggestions[0].intent).toBe('greeting');
    expect(lines[1].suggestions[0].intent).toBe('aftersale.return_request');
    expect(lines[2].error.code).toBe('bad-input');
    expect(lines[3].suggestions[0].intent).toBe('aftersale.wrong_item');
  });

  it('--phrasebook DIR: a team phrasebook; a broken one exits 2 with positions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pb-'));
    cpSync('phrasebook/slots.yaml', join(dir, 'slots.yaml'));
    writeFileSync(join(dir, 'general.yaml'), 'area: 通用\nintents:\n  - id: greeting\n    title: 问候\n    examples: [在吗, 你好]\n    templates:\n      - id: greeting/hi\n        title: 问候\n        text: 您好，小店客服在的～\n');
    const ok = runCli(['suggest', '--format', 'json', '--phrasebook', dir, '在吗'], { env: noModel });
    expect(JSON.parse(ok.stdout).suggestions.map((s: { templateId: string }) => s.templateId)).toEqual(['greeting/hi']);
    const bad = mkdtempSync(join(tmpdir(), 'rl-pb-'));
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'x.yaml'), 'area: 通用\nintents:\n  - id: greting\n    title: x\n');
    const r = runCli(['suggest', '--phrasebook', bad, '在吗'], { env: noModel });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.yaml:3:9: unknown-intent: unknown intent "greting" — did you mean "greeting"\?/);
  });
});
