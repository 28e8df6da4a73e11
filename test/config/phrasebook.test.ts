import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPhrasebook, slotsOf } from '../../src/config/load-phrasebook.js';
import { INTENTS } from '../../src/types.js';
import { loadPhrasebookDir } from '../../src/engine.js';
import { shippedEngine } from '../helpers/engine.js';

const slots = { file: 'slots.yaml', text: 'slots:\n  订单号: { description: 订单编号, fill: message }\n  预计天数: { description: 天数 }\n' };

describe('the shipped phrasebook', () => {
  it('covers every SPEC intent with ≥ 3 templates and ≥ 12 customer examples, without problems', async () => {
    const { phrasebook, problems } = await loadPhrasebookDir('phrasebook');
    expect(problems).toEqual([]);
    for (const id of INTENTS) {
      const intent = phrasebook.intents.find((i) => i.id === id);
      expect(intent, id).toBeDefined();
      expect(intent!.examples.length, id).toBeGreaterThanOrEqual(12);
      expect(phrasebook.templates.filter((t) => t.intent === id).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  it('every template passes replylint check with no finding at all (info included)', async () => {
    const { phrasebook } = await loadPhrasebookDir('phrasebook');
    const engine = await shippedEngine();
    const flagged = phrasebook.templates
      .map((t) => ({ id: t.id, findings: engine.check(t.text).findings }))
      .filter((x) => x.findings.length > 0)
      .map((x) => `${x.id}: ${x.findings.map((f) => `${f.ruleId} “${f.excerpt}”`).join(', ')}`);
    expect(flagged).toEqual([]);
  });
});

describe('loading a phrasebook', () => {
  const file = (text: string) => ({ file: 'presale.yaml', text });

  it('reports schema problems, unknown intents, duplicate ids and slot problems, each at its place', () => {
    const text = [
      'area: 售前',
      'intents:',
      '  - id: presale.stok',
      '    title: 库存',
      '    examples: [有货吗]',
      '    templates:',
      '      - id: presale.stok/a',
      '        title: a',
      '        text: 您好，单号{{订单号}}，预计{{预计天 数}}天，{{快递}}',
      '      - id: presale.stok/a',
      '        title: b',
      '        text: 您好{{订单号',
      '      - id: presale.stock/b',
      '        title: c',
      '        text: x',
      '      - id: presale.stok/c',
      '        title: d',
      '        locale: fr',
      '        text: x',
    ].join('\n');
    const { problems } = loadPhrasebook([file(text)], slots);
    const byCode = (c: string) => problems.filter((p) => p.code === c);
    expect(byCode('unknown-intent')[0]).toMatchObject({ line: 3, column: 9, message: expect.stringContaining('did you mean "presale.stock"') });
    expect(byCode('duplicate-id')[0]).toMatchObject({ line: 10 });
    expect(byCode('malformed-slot').map((p) => p.found)).toEqual(['{{预计天 数}}', '{{']);
    expect(byCode('unknown-slot')[0]).toMatchObject({ line: 9, column: 41, found: '{{快递}}' });
    expect(byCode('template-intent')[0]).toMatchObject({ line: 13 });
    expect(byCode('schema')[0]).toMatchObject({ line: 18, message: expect.stringContaining('locale') });
  });

  it('reports broken YAML with its position', () => {
    const { problems } = loadPhrasebook([file('area: 售前\nintents: [\n')], slots);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', file: 'presale.yaml' });
  });

  it('finds slot names in order of first use', () => {
    expect(slotsOf('单号{{订单号}}，{{ 预计天数 }}天，再次{{订单号}}')).toEqual(['订单号', '预计天数']);
  });

  it('the shipped slots and synonyms files are valid', () => {
    expect(() => readFileSync('phrasebook/slots.yaml', 'utf8')).not.toThrow();
  });
});

describe('examples files and a team\'s own intents', () => {
  it('learned.yaml adds examples to its intents; an intent the phrasebook lacks is a positioned problem', async () => {
    const { mkdtempSync, cpSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'rl-learned-'));
    cpSync('phrasebook', dir, { recursive: true });
    writeFileSync(join(dir, 'learned.yaml'), 'intents:\n  aftersale.exchange:\n    - 想换个别的款式\n  aftersale.exchnge:\n    - x\noutOfScope:\n  - 随便聊聊\n');
    const { phrasebook, outOfScope, problems } = await loadPhrasebookDir(dir);
    expect(phrasebook.intents.find((i) => i.id === 'aftersale.exchange')!.examples).toContain('想换个别的款式');
    expect(outOfScope).toContain('随便聊聊');
    expect(outOfScope).toContain('哈哈哈'); // the shipped out-of-scope.yaml is read too
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown-intent', line: 4, column: 3, message: expect.stringContaining('did you mean "aftersale.exchange"') })]);
  });

  it('a custom intent needs a well-formed id', () => {
    const text = ['area: 售后', 'intents:', '  - id: Gift Wrap', '    custom: true', '    title: 包装', '    examples: [包装]'].join('\n');
    const { problems } = loadPhrasebook([{ file: 'team.yaml', text }], slots);
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-intent-id', line: 3, column: 9 })]);
  });
});
