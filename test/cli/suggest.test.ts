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

describe('replylint suggest: confidence, abstention, history', () => {
  it('every answer carries a confidence; a message nothing fits is held back (exit 0), --all shows the ranking anyway', () => {
    const sure = JSON.parse(runCli(['suggest', '--format', 'json', '我要退货'], { env: noModel }).stdout);
    expect(sure.confidence).toBeGreaterThanOrEqual(0.8);
    expect(sure.abstained).toBeUndefined();
    const r = runCli(['suggest', '--format', 'json', '哈哈哈'], { env: noModel });
    expect(r.code).toBe(0);
    const held = JSON.parse(r.stdout);
    expect(held).toMatchObject({ message: '哈哈哈', suggestions: [], abstained: true });
    expect(held.confidence).toBeLessThan(0.3);
    const all = JSON.parse(runCli(['suggest', '--format', 'json', '--all', '哈哈哈'], { env: noModel }).stdout);
    expect(all.suggestions).toHaveLength(3);
    expect(all.confidence).toBe(held.confidence);
    expect(all.abstained).toBeUndefined();
    const pretty = runCli(['suggest', '哈哈哈'], { env: noModel });
    expect(pretty.stdout).toContain('置信度 confidence: ');
    expect(pretty.stdout).toContain('--all');
    expect(pretty.stdout.match(/^\d\. /gm)).toBeNull();
  });

  it('--threshold, and suggest.threshold in the configuration; bad values are errors with their place', () => {
    expect(JSON.parse(runCli(['suggest', '--format', 'json', '--threshold', '0', '哈哈哈'], { env: noModel }).stdout).suggestions).toHaveLength(3);
    expect(JSON.parse(runCli(['suggest', '--format', 'json', '--threshold', '1', '我要退货'], { env: noModel }).stdout).abstained).toBe(true);
    for (const bad of ['2', '-0.1', 'x', '']) expect(runCli(['suggest', '--threshold', bad, 'x'], { env: noModel }).code, bad).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'rl-cfg-'));
    writeFileSync(join(dir, '.replylint.yaml'), 'suggest:\n  threshold: 0\n');
    expect(JSON.parse(runCli(['suggest', '--format', 'json', '哈哈哈'], { cwd: dir, env: noModel }).stdout).suggestions).toHaveLength(3);
    writeFileSync(join(dir, '.replylint.yaml'), 'failOn: error\nsuggest:\n  threshold: 5\n');
    const r = runCli(['suggest', '哈哈哈'], { cwd: dir, env: noModel });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.replylint\.yaml:3:14: .*threshold/);
    writeFileSync(join(dir, '.replylint.yaml'), 'suggest:\n  treshold: 0.5\n');
    expect(runCli(['suggest', '哈哈哈'], { cwd: dir, env: noModel }).stderr).toMatch(/\.replylint\.yaml:2:3: .*treshold/);
  });

  it('--history: a follow-up ranks like the topic it follows; a bad history is a usage error', () => {
    const history = JSON.stringify([{ role: 'customer', text: '这款卫衣还有货吗' }, { role: 'agent', text: '黑色的有现货哦' }]);
    const r = runCli(['suggest', '--format', 'json', '--history', history, '那白色呢'], { env: noModel });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).suggestions[0].intent).toBe('presale.stock');
    const bad = runCli(['suggest', '--history', '[{"role":"bot","text":"x"}]', '那白色呢'], { env: noModel });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--history: history[0].role must be "customer" or "agent"');
    expect(runCli(['suggest', '--history', '{', 'x'], { env: noModel }).code).toBe(2);
  });

  it('--jsonl: history per line, confidence and abstentions in the output, bad history reported', () => {
    const input = [
      JSON.stringify({ id: 1, text: '那白色呢', history: [{ role: 'customer', text: '这款卫衣还有货吗' }] }),
      JSON.stringify({ id: 2, text: '哈哈哈' }),
      JSON.stringify({ id: 3, text: '那白色呢', history: 'x' }),
    ].join('\n');
    const r = runCli(['suggest', '--jsonl'], { input, env: noModel });
    expect(r.code).toBe(2);
    const [a, b, c] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.suggestions[0].intent).toBe('presale.stock');
    expect(typeof a.confidence).toBe('number');
    expect(b).toMatchObject({ id: 2, suggestions: [], abstained: true });
    expect(c).toMatchObject({ id: 3, line: 3, error: { code: 'bad-input' } });
    expect(c.error.message).toContain('history');
    expect(runCli(['suggest', '--jsonl', '--history', '[]'], { input: '', env: noModel }).code).toBe(2);
  });

  it("a team phrasebook's own intent (custom: true) is ranked like the shipped ones; undeclared, it is an error", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pb-'));
    cpSync('phrasebook', dir, { recursive: true });
    const own = [
      'area: 售后',
      'intents:',
      '  - id: aftersale.gift_wrap',
      '    custom: true',
      '    title: 礼品包装',
      '    examples: [能帮我包装成礼物吗, 要礼盒包装, 送人的 可以包好看点吗, 有没有礼品袋, 能不能写张贺卡, 包装能不能精美一点]',
      '    templates:',
      '      - id: aftersale.gift_wrap/yes',
      '        title: 礼品包装',
      '        text: 可以的～下单时备注“礼品包装”，我们会用礼盒包好并附上贺卡，预计{{发货时效}}内发出。',
    ].join('\n');
    writeFileSync(join(dir, 'team.yaml'), own + '\n');
    const r = runCli(['suggest', '--format', 'json', '--phrasebook', dir, '能帮我用礼盒包装一下吗 再写张贺卡'], { env: noModel });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.suggestions[0]).toMatchObject({ intent: 'aftersale.gift_wrap', templateId: 'aftersale.gift_wrap/yes' });
    expect(out.confidence).toBeGreaterThan(0.3);
    // The shipped intents still rank as before.
    expect(JSON.parse(runCli(['suggest', '--format', 'json', '--phrasebook', dir, '我要退货'], { env: noModel }).stdout).suggestions[0].intent).toBe('aftersale.return_request');
    writeFileSync(join(dir, 'team.yaml'), own.replace('    custom: true\n', '') + '\n');
    const bad = runCli(['suggest', '--phrasebook', dir, '在吗'], { env: noModel });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/team\.yaml:3:9: unknown-intent: unknown intent "aftersale\.gift_wrap".*custom: true/);
  });
});
