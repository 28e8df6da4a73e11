import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestPhrasebookFile } from '../../src/config/phrasebook-digest.js';
import { Declined, fastSchemas } from '../../src/config/phrasebook-shape.js';
import { intentSchema, phrasebookFileSchema, templateSchema } from '../../src/config/phrasebook-schema.js';
import { zodSchemas } from '../../src/config/load-phrasebook.js';
import { isPhrasebookDataFile } from '../../src/config/phrasebook-files.js';

const shipped = readdirSync('phrasebook').filter((f) => isPhrasebookDataFile(f));

describe('the fast acceptor of valid phrasebook files', () => {
  it.each(shipped)('digests shipped %s exactly as the zod schemas do', (name) => {
    const input = { file: name, text: readFileSync(join('phrasebook', name), 'utf8') };
    expect(digestPhrasebookFile(input, ['订单号'], fastSchemas)).toEqual(digestPhrasebookFile(input, ['订单号'], zodSchemas));
  });

  const template = { id: 'greeting/hello', title: 't', text: '您好' };
  const intent = { id: 'greeting', title: 't', templates: [template] };
  it.each([
    ['file', { area: '售前' }, phrasebookFileSchema, 'file'],
    ['file', { area: '售前', intents: [], extra: 1 }, phrasebookFileSchema, 'file'],
    ['file', { area: '火星', intents: [] }, phrasebookFileSchema, 'file'],
    ['file', { area: '售前', intents: {} }, phrasebookFileSchema, 'file'],
    ['file', [], phrasebookFileSchema, 'file'],
    ['intent', intent, intentSchema, 'intent'],
    ['intent', { ...intent, title: '' }, intentSchema, 'intent'],
    ['intent', { ...intent, examples: ['a', ''] }, intentSchema, 'intent'],
    ['intent', { ...intent, examples: 'a' }, intentSchema, 'intent'],
    ['intent', { ...intent, id: 3 }, intentSchema, 'intent'],
    ['intent', { ...intent, note: 'x' }, intentSchema, 'intent'],
    ['intent', { ...intent, custom: 'yes' }, intentSchema, 'intent'],
    ['intent', { ...intent, custom: true }, intentSchema, 'intent'],
    ['template', template, templateSchema, 'template'],
    ['template', { ...template, locale: 'fr' }, templateSchema, 'template'],
    ['template', { ...template, locale: 'en', tags: ['a'] }, templateSchema, 'template'],
    ['template', { ...template, tags: [''] }, templateSchema, 'template'],
    ['template', { ...template, id: 'Greeting/Hello' }, templateSchema, 'template'],
    ['template', { ...template, id: 'greeting/hello-' }, templateSchema, 'template'],
    ['template', { ...template, text: '' }, templateSchema, 'template'],
    ['template', { ...template, text: null }, templateSchema, 'template'],
    ['template', { ...template, slots: [] }, templateSchema, 'template'],
    ['template', { title: 't', text: 'x' }, templateSchema, 'template'],
  ] as const)('%s %j: accepted with the same output as zod, or declined when zod rejects it', (_level, data, schema, level) => {
    const zod = (schema as { safeParse(d: unknown): { success: boolean; data?: unknown } }).safeParse(data);
    let fast: unknown;
    try {
      fast = fastSchemas[level].safeParse(data);
    } catch (e) {
      expect(e).toBeInstanceOf(Declined);
      fast = 'declined';
    }
    if (zod.success) expect(fast).toEqual({ success: true, data: zod.data });
    else expect(fast).toBe('declined');
  });
});
