// The embedding engine through the real stack — transformers.js tokenizer and loader,
// onnxruntime-node — on a tiny BERT-shaped model the suite writes itself (no model can be
// downloaded here). The model's sentence vector is the mean of its characters' vectors: a hash
// part (shared characters make texts close) and a topic part (快递/物流/签收 lean one way, 退/款/钱
// another; see test/helpers/tiny-model.ts). Each held-out message below shares characters and
// topic with exactly one intent.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEmbeddingEngine, type EmbeddingEngine } from '../../src/rank/embedding.js';
import { embeddingFactory, locateModel, type ModelLocation } from '../../src/rank/embedding-factory.js';
import { createRanker } from '../../src/rank/ranker.js';
import { jiebaCutter } from '../../src/support/jieba.js';
import { traditionalToSimplified } from '../../src/support/opencc.js';
import type { Phrasebook, Template } from '../../src/types.js';
import { tinyVocab, writeTinyBertModel } from '../helpers/tiny-model.js';

const convert = traditionalToSimplified();

const template = (id: string, intent: string, title: string, text: string): Template => ({
  id,
  intent,
  title,
  locale: 'zh-CN',
  tags: [],
  text,
  slots: [...text.matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!),
});

const pb: Phrasebook = {
  intents: [
    { id: 'shipping.tracking', title: '查物流', area: '物流', examples: ['我的快递到哪了', '物流一直没更新', '快递单号查不到物流'] },
    { id: 'aftersale.return_request', title: '退货', area: '售后', examples: ['我要退货退款', '这件衣服能退货吗', '申请退货怎么操作'] },
    { id: 'order.change_address', title: '改地址', area: '售中', examples: ['我想修改收货地址', '地址填错了能改吗', '帮我改一下地址'] },
    { id: 'presale.size_advice', title: '尺码', area: '售前', examples: ['身高170穿什么尺码', '尺码偏大还是偏小', '体重60斤选几码'] },
  ],
  templates: [
    template('track-1', 'shipping.tracking', '物流查询', '亲，您的快递单号是{{运单号}}，物流可以在订单详情里查看'),
    template('track-2', 'shipping.tracking', '物流未更新', '亲，快递物流更新会有延迟，请耐心等待'),
    template('return-1', 'aftersale.return_request', '退货申请', '亲，支持七天无理由退货，在订单里申请退货就可以'),
    template('address-1', 'order.change_address', '修改地址', '亲，还没发货的话可以帮您修改收货地址'),
    template('size-1', 'presale.size_advice', '尺码建议', '亲，告诉我身高体重，帮您推荐尺码'),
  ],
  slots: [{ name: '运单号', description: '快递单号', fill: 'message' }],
};

/** Held-out messages: none of them is an example, each shares its characters with one intent. */
const HELD_OUT: Array<[string, string]> = [
  ['快递到哪里了查一下物流', 'shipping.tracking'],
  ['不想要了，申请退货退款', 'aftersale.return_request'],
  ['收货地址写错了要修改', 'order.change_address'],
  ['我身高165体重50穿几码', 'presale.size_advice'],
];

const documentCount = pb.intents.reduce((n, i) => n + i.examples.length, 0) + pb.templates.length;

const topIntent = (intents: Map<string, number>): string => [...intents].sort((a, b) => b[1] - a[1])[0]![0];

let dir: string;
let folder: string;
let cacheRoot: string;
let model: ModelLocation;

beforeAll(() => {
  // A developer's own override must not change what the tiny model computes.
  vi.stubEnv('REPLYLINT_MODEL_POOLING', '');
  dir = mkdtempSync(join(tmpdir(), 'replylint-tiny-model-'));
  cacheRoot = mkdtempSync(join(tmpdir(), 'replylint-embedding-cache-'));
  const written = writeTinyBertModel(dir);
  folder = join(written.root, written.id);
  const where = locateModel({ REPLYLINT_MODEL: folder });
  if ('unavailable' in where) throw new Error(where.unavailable);
  model = where;
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheRoot, { recursive: true, force: true });
});

describe('tiny model', () => {
  it('has every character of the test texts in its vocabulary (no [UNK] to blur them)', () => {
    const vocab = new Set(tinyVocab());
    const texts = [...pb.intents.flatMap((i) => i.examples), ...pb.templates.map((t) => t.title + t.text), ...HELD_OUT.map(([m]) => m)];
    const missing = [...new Set(texts.join('').replace(/\{\{[^}]*\}\}/g, ''))].filter((c) => /\p{Script=Han}/u.test(c) && !vocab.has(c));
    expect(missing).toEqual([]);
  });

  it('is found by locateModel as a folder and as an id under REPLYLINT_MODEL_DIR', () => {
    expect(model).toEqual({ root: join(dir, 'tiny'), id: 'bert-zh', remote: false });
    expect(locateModel({ REPLYLINT_MODEL: 'tiny/bert-zh', REPLYLINT_MODEL_DIR: dir })).toEqual({ root: dir, id: 'tiny/bert-zh', remote: false });
    // tens of KB, not a real model's hundreds of MB
    expect(statSync(join(folder, 'onnx', 'model.onnx')).size).toBeLessThan(64_000);
  });
});

describe('createEmbeddingEngine', () => {
  let engine: EmbeddingEngine;
  beforeAll(async () => {
    engine = await createEmbeddingEngine(pb, { model, convert, cacheDir: null });
  });

  it('is the embedding engine, without a cache when told so', () => {
    expect(engine.name).toBe('embedding');
    expect(engine.cacheFile).toBeNull();
    expect(engine.embeddedDocuments).toBe(documentCount);
    expect(engine.dimensions).toBe(16);
  });

  it.each(HELD_OUT)('ranks %s to %s', async (message, intent) => {
    const s = await engine.score(message);
    expect(topIntent(s.intents)).toBe(intent);
  });

  it('keeps scores in 0–1, covers every intent and template, and is deterministic', async () => {
    for (const [message] of HELD_OUT) {
      const a = await engine.score(message);
      const b = await engine.score(message);
      expect([...a.intents.keys()].sort()).toEqual(pb.intents.map((i) => i.id).sort());
      expect([...a.templates.keys()].sort()).toEqual(pb.templates.map((t) => t.id).sort());
      for (const v of [...a.intents.values(), ...a.templates.values()]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(b).toEqual(a);
    }
  });

  it('gives an example of the phrasebook its own cosine of 1', async () => {
    const s = await engine.score('我要退货退款');
    // 0.7 · 1 (itself) + 0.15 · second example + 0.15 · best template
    expect(s.intents.get('aftersale.return_request')!).toBeGreaterThan(0.7);
  });

  it('matches a paraphrase that shares no character with the intent, through the model (not the words)', async () => {
    const message = '钱啥时候回来';
    const returnTexts = [...pb.intents.find((i) => i.id === 'aftersale.return_request')!.examples, ...pb.templates.filter((t) => t.intent === 'aftersale.return_request').map((t) => t.title + t.text)];
    expect([...message].filter((c) => returnTexts.join('').includes(c))).toEqual([]);
    expect(topIntent((await engine.score(message)).intents)).toBe('aftersale.return_request');
  });

  it('normalises the message first: traditional script scores like simplified', async () => {
    expect(await engine.score('我要退貨，衣服不合適')).toEqual(await engine.score('我要退货,衣服不合适'));
  });

  it('scores 0, not NaN, for a message the model has no vector for', async () => {
    for (const message of ['', '？？？']) {
      const s = await engine.score(message);
      for (const v of [...s.intents.values(), ...s.templates.values()]) expect(v).toBe(0);
    }
  });

  it('pools as REPLYLINT_MODEL_POOLING says, and rejects a value it does not know', async () => {
    vi.stubEnv('REPLYLINT_MODEL_POOLING', 'cls');
    try {
      // The tiny model's [CLS] vector is zero, so [CLS] pooling makes every score 0.
      const cls = await createEmbeddingEngine(pb, { model, convert, cacheDir: null });
      expect([...(await cls.score(HELD_OUT[0]![0])).intents.values()].every((v) => v === 0)).toBe(true);
      vi.stubEnv('REPLYLINT_MODEL_POOLING', 'max');
      await expect(createEmbeddingEngine(pb, { model, convert, cacheDir: null })).rejects.toThrow(/REPLYLINT_MODEL_POOLING/);
      // an explicit option wins over the environment
      expect((await createEmbeddingEngine(pb, { model, convert, cacheDir: null, pooling: 'mean' })).embeddedDocuments).toBe(documentCount);
    } finally {
      vi.stubEnv('REPLYLINT_MODEL_POOLING', '');
    }
  });

  it('is the same engine whichever way the model was located', async () => {
    const where = locateModel({ REPLYLINT_MODEL: 'tiny/bert-zh', REPLYLINT_MODEL_DIR: dir });
    if ('unavailable' in where) throw new Error(where.unavailable);
    const other = await createEmbeddingEngine(pb, { model: where, convert, cacheDir: null });
    expect(await other.score(HELD_OUT[0]![0])).toEqual(await engine.score(HELD_OUT[0]![0]));
  });
});

describe('vector cache', () => {
  const build = (cacheDir: string) => createEmbeddingEngine(pb, { model, convert, cacheDir });

  it('writes the phrasebook vectors once and reuses them', async () => {
    const cacheDir = join(cacheRoot, 'reuse');
    const first = await build(cacheDir);
    expect(first.embeddedDocuments).toBe(documentCount);
    expect(first.cacheFile).not.toBeNull();
    const file = first.cacheFile!;
    expect(existsSync(file)).toBe(true);
    const before = statSync(file);

    const second = await build(cacheDir);
    expect(second.cacheFile).toBe(file);
    expect(second.embeddedDocuments).toBe(0);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(cacheDir)).toEqual([file.slice(cacheDir.length + 1)]); // no tmp file left
    for (const [message] of HELD_OUT) expect(await second.score(message)).toEqual(await first.score(message));
  });

  it('keys the file by the documents: another phrasebook gets another file', async () => {
    const cacheDir = join(cacheRoot, 'keyed');
    const a = await build(cacheDir);
    const changed: Phrasebook = { ...pb, intents: pb.intents.map((i, k) => (k === 0 ? { ...i, examples: [...i.examples, '快递停在中转站'] } : i)) };
    const b = await createEmbeddingEngine(changed, { model, convert, cacheDir });
    expect(b.cacheFile).not.toBe(a.cacheFile);
    expect(b.embeddedDocuments).toBe(documentCount + 1);
  });

  const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
    ['garbage', () => Buffer.from('not a cache file')],
    ['empty', () => Buffer.alloc(0)],
    ['truncated by one vector', (b) => b.subarray(0, b.length - 16 * 4)],
    ['one extra float', (b) => Buffer.concat([b, Buffer.alloc(4)])],
    ['a flipped byte in the vectors', (b) => {
      const c = Buffer.from(b);
      c[c.length - 3]! ^= 0xff;
      return c;
    }],
    ['a header with a lying count', (b) => {
      const len = b.readUInt32LE(0);
      const header = b.subarray(4, 4 + len).toString('utf8').replace(/"count":\d+/, `"count":${documentCount + 1}`);
      const head = Buffer.alloc(4);
      head.writeUInt32LE(Buffer.byteLength(header), 0);
      return Buffer.concat([head, Buffer.from(header), b.subarray(4 + len)]);
    }],
  ];

  it.each(damages)('ignores and rewrites a cache file with %s', async (_, damage) => {
    const cacheDir = join(cacheRoot, 'damaged');
    const good = await build(cacheDir);
    const file = good.cacheFile!;
    const original = readFileSync(file);
    writeFileSync(file, damage(original));

    const rebuilt = await build(cacheDir);
    expect(rebuilt.embeddedDocuments).toBe(documentCount);
    expect(readFileSync(file).equals(original)).toBe(true);
    for (const [message] of HELD_OUT) expect(await rebuilt.score(message)).toEqual(await good.score(message));
    expect((await build(cacheDir)).embeddedDocuments).toBe(0);
  });
});

describe('createRanker with the embedding factory', () => {
  const rankerOptions = { cut: jiebaCutter(), synonyms: [] as string[][], convert };

  it('ranks with the hybrid engine when the model loads', async () => {
    const warnings: string[] = [];
    const ranker = await createRanker(pb, {
      ...rankerOptions,
      engine: 'hybrid',
      embedding: embeddingFactory(pb, { convert, env: { REPLYLINT_MODEL: folder } }),
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([]);
    expect(ranker.engine).toBe('hybrid');
    for (const [message, intent] of HELD_OUT) {
      const suggestions = await ranker.suggest(message);
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.every((s) => s.engine === 'hybrid')).toBe(true);
      expect(suggestions[0]!.intent).toBe(intent);
      for (const s of suggestions) expect(s.score).toBeGreaterThanOrEqual(0);
    }
    const [track] = await ranker.suggest('快递单号SF1234567890查不到物流');
    expect(track!.text).toContain('SF1234567890');
  });

  it('ranks with the embedding engine alone when asked', async () => {
    const ranker = await createRanker(pb, { ...rankerOptions, engine: 'embedding', embedding: embeddingFactory(pb, { convert, env: { REPLYLINT_MODEL: folder } }) });
    expect(ranker.engine).toBe('embedding');
    const [top] = await ranker.suggest(HELD_OUT[1]![0]);
    expect(top).toMatchObject({ intent: HELD_OUT[1]![1], engine: 'embedding' });
  });

  it('warns once and ranks lexically when REPLYLINT_MODEL points to a missing folder', async () => {
    const warnings: string[] = [];
    const ranker = await createRanker(pb, {
      ...rankerOptions,
      engine: 'hybrid',
      embedding: embeddingFactory(pb, { convert, env: { REPLYLINT_MODEL: join(dir, 'no-such-model') } }),
      warn: (m) => warnings.push(m),
    });
    expect(ranker.engine).toBe('lexical');
    for (const [message] of HELD_OUT) {
      const suggestions = await ranker.suggest(message);
      expect(suggestions.length).toBeGreaterThan(0);
      expect(suggestions.every((s) => s.engine === 'lexical')).toBe(true);
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no-such-model.*ranking lexically/);
  });

  it('warns once, with the cause, and ranks lexically when the model file is broken', async () => {
    const broken = writeTinyBertModel(join(dir, 'broken'));
    writeFileSync(join(broken.root, broken.id, 'onnx', 'model.onnx'), 'not an onnx model');
    const warnings: string[] = [];
    const printed: unknown[] = [];
    const { warn, error } = console;
    console.warn = (...a: unknown[]) => void printed.push(a);
    console.error = (...a: unknown[]) => void printed.push(a);
    try {
      const ranker = await createRanker(pb, {
        ...rankerOptions,
        engine: 'hybrid',
        embedding: embeddingFactory(pb, { convert, env: { REPLYLINT_MODEL: join(broken.root, broken.id) } }),
        warn: (m) => warnings.push(m),
      });
      expect(ranker.engine).toBe('lexical');
      expect((await ranker.suggest(HELD_OUT[0]![0]))[0]!.engine).toBe('lexical');
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be loaded: .*protobuf parsing failed.*ranking lexically/);
    expect(printed).toEqual([]); // transformers.js's own console output does not leak
  });
});
