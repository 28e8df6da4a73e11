// The embedding ranking engine (SPEC §8). Lexical ranking only sees words the phrasebook or the
// synonym table already contains; a sentence-embedding model also matches paraphrases ("钱什么时候
// 回来" ≈ "退款多久到账"). The model runs on the machine through transformers.js (onnxruntime-node),
// which is imported here only, and only when embedding-factory.ts found a model: the lexical
// path never pays for loading it.
//
// Embedding every example and template of the phrasebook costs far more than ranking a message,
// so the phrasebook's vectors are kept on disk, keyed by everything that determines them (model,
// its files, pooling, the normalised texts). The cache only ever saves time: a file that fails
// any check is ignored and rewritten, and a read-only disk only costs the embedding again.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join, resolve } from 'node:path';
import { normalize, type ScriptConverter } from '../normalize.js';
import type { Phrasebook } from '../types.js';
import type { ModelLocation } from './embedding-factory.js';
import type { EngineScores, RankEngine } from './engine.js';

export type Pooling = 'mean' | 'cls';

export interface EmbeddingEngineOptions {
  model: ModelLocation;
  convert: ScriptConverter;
  /** Folder of the vector cache; `null` = no cache; omitted = the shared cache folder. */
  cacheDir?: string | null;
  /** How token vectors become one text vector; default from the model (see choosePooling). */
  pooling?: Pooling;
}

export interface EmbeddingEngine extends RankEngine {
  readonly name: 'embedding';
  /** Phrasebook documents embedded while building (0 when every vector came from the cache). */
  readonly embeddedDocuments: number;
  /** The vector cache file, or null when vectors are not cached. */
  readonly cacheFile: string | null;
  readonly dimensions: number;
}

/** Bump when the layout of the cache file or the document texts change. */
const FORMAT = 1;
/**
 * An intent's score: its best example's cosine, a little of the second best (two close examples
 * are stronger evidence than one) and of its best template (the agent's wording, which a terse
 * message may match better than any customer example). Weights sum to 1, so scores stay in 0–1
 * like the lexical engine's and select.ts's thresholds apply to both.
 */
const WEIGHTS = { best: 0.7, second: 0.15, template: 0.15 } as const;
/** Texts per model call: large enough to amortise a session run, small enough for padding waste. */
const BATCH = 32;

interface Doc {
  intent: string;
  /** Set for template documents. */
  template?: string;
}

/** The part of a transformers.js feature-extraction pipeline this engine uses. */
type Extractor = (texts: string[], options: { pooling: Pooling; normalize: boolean }) => Promise<{ data: ArrayLike<number>; dims: number[] }>;

/**
 * BGE models are trained to read the sentence from the [CLS] token; most other sentence
 * encoders (MiniLM, text2vec …) are trained with mean pooling. REPLYLINT_MODEL_POOLING overrides
 * the guess for a model that breaks the rule.
 */
function choosePooling(id: string, explicit: Pooling | undefined): Pooling {
  if (explicit) return explicit;
  const fromEnv = process.env.REPLYLINT_MODEL_POOLING?.trim();
  if (fromEnv) {
    if (fromEnv === 'mean' || fromEnv === 'cls') return fromEnv;
    throw new Error(`REPLYLINT_MODEL_POOLING must be "mean" or "cls", not "${fromEnv}"`);
  }
  return /bge/i.test(id) ? 'cls' : 'mean';
}

/** Template slots ({{订单号}}) are placeholders, not meaning; they would pull unrelated templates together. */
const stripSlots = (text: string): string => text.replace(/\{\{[^{}]*\}\}/g, '').replace(/\s+/g, ' ').trim();

/**
 * What identifies the model's weights: config.json and the sizes of its ONNX files (hashing the
 * weights themselves would cost as much as a cold start). Null when the files are not on disk —
 * then nothing proves a cached vector came from this model, so nothing is cached.
 */
function modelFingerprint(folders: readonly string[], quantized: boolean): string | null {
  for (const folder of folders) {
    try {
      const h = createHash('sha256').update(readFileSync(join(folder, 'config.json'))).update(`\0quantized=${quantized}\0`);
      const onnx = join(folder, 'onnx');
      for (const f of readdirSync(onnx).filter((n) => n.endsWith('.onnx')).sort()) h.update(`${f}:${statSync(join(onnx, f)).size}\0`);
      return h.digest('hex');
    } catch {
      // not in this folder; try the next
    }
  }
  return null;
}

interface CacheHeader {
  format: number;
  key: string;
  count: number;
  dim: number;
  endian: string;
  /** sha256 of the vector bytes: a truncated or damaged file must not be trusted. */
  sha256: string;
}

/** Layout: uint32 LE header length, header JSON (space-padded to 4 bytes), Float32 vectors. */
function readVectors(file: string, key: string, count: number): { vectors: Float32Array; dim: number } | null {
  try {
    const buf = readFileSync(file);
    if (buf.length < 4) return null;
    const headerLength = buf.readUInt32LE(0);
    if (headerLength <= 0 || 4 + headerLength > buf.length) return null;
    const h = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Partial<CacheHeader>;
    if (h.format !== FORMAT || h.key !== key || h.count !== count || h.endian !== endianness()) return null;
    if (typeof h.dim !== 'number' || !Number.isInteger(h.dim) || h.dim <= 0) return null;
    const data = buf.subarray(4 + headerLength);
    if (data.length !== count * h.dim * 4) return null;
    if (createHash('sha256').update(data).digest('hex') !== h.sha256) return null;
    // Copy: the Buffer's offset need not be Float32-aligned.
    const vectors = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
    return { vectors, dim: h.dim };
  } catch {
    return null;
  }
}

function writeVectors(dir: string, file: string, key: string, vectors: Float32Array, count: number, dim: number): void {
  try {
    const data = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
    const header: CacheHeader = { format: FORMAT, key, count, dim, endian: endianness(), sha256: createHash('sha256').update(data).digest('hex') };
    let json = JSON.stringify(header);
    json += ' '.repeat((4 - (Buffer.byteLength(json) % 4)) % 4);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(Buffer.byteLength(json), 0);
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a concurrent reader sees the old file or the whole new one.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([head, Buffer.from(json, 'utf8'), data]));
    renameSync(tmp, file);
  } catch {
    // a read-only or full disk only costs speed
  }
}

/**
 * Runs `load` with console.warn/error captured. When onnxruntime rejects a model, transformers.js
 * prints the real cause (e.g. "protobuf parsing failed") and a fallback notice to the console,
 * then throws a vague "Can't create a session". The ranker promises to say once, in one line,
 * why it ranks lexically; so on failure the first captured line becomes part of the error and
 * nothing else is printed. On success whatever was captured is passed on unchanged.
 */
async function withConsoleCaptured<T>(load: () => Promise<T>): Promise<T> {
  const captured: Array<['warn' | 'error', unknown[]]> = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => void captured.push(['warn', args]);
  console.error = (...args: unknown[]) => void captured.push(['error', args]);
  let result: T;
  try {
    result = await load();
  } catch (e) {
    const first = captured.map(([, args]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ').split('\n')[0]!.trim()).find((l) => l !== '');
    const message = (e as Error)?.message ?? String(e);
    throw new Error(first && !message.includes(first) ? `${message} (${first})` : message, { cause: e });
  } finally {
    console.warn = warn;
    console.error = error;
  }
  for (const [level, args] of captured) console[level](...args);
  return result;
}

export async function createEmbeddingEngine(pb: Phrasebook, o: EmbeddingEngineOptions): Promise<EmbeddingEngine> {
  const { root, id, remote } = o.model;
  const pooling = choosePooling(id, o.pooling);
  const { env, pipeline } = await import('@xenova/transformers');
  // transformers.js keeps these settings globally; they are set on every build so that the
  // location embedding-factory.ts decided on is the one loaded, and nothing is fetched unless
  // remote models were explicitly allowed.
  env.localModelPath = root;
  env.allowLocalModels = true;
  env.allowRemoteModels = remote;
  // Use the quantized weights when the folder has them (Xenova exports ship both; int8 is ~4×
  // smaller and faster at a small cost in accuracy). A remote model is fetched as transformers.js
  // prefers it, quantized.
  const local = join(root, id);
  const quantized = existsSync(join(local, 'onnx', 'model_quantized.onnx')) || (remote && !existsSync(join(local, 'onnx', 'model.onnx')));
  const extractor = (await withConsoleCaptured(() => pipeline('feature-extraction', id, { quantized }))) as unknown as Extractor;

  const prep = (text: string): string => normalize(text, o.convert).text;

  /** Unit vectors of `texts`, one row each. A text with no known token yields NaNs; it becomes 0. */
  let dim = 0;
  const embed = async (texts: readonly string[]): Promise<Float32Array> => {
    let out = new Float32Array(0);
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH);
      const t = await extractor([...batch], { pooling, normalize: true });
      const d = t.dims[t.dims.length - 1]!;
      if (dim === 0) dim = d;
      else if (d !== dim) throw new Error(`embedding size changed from ${dim} to ${d}`);
      if (i === 0) out = new Float32Array(texts.length * dim);
      for (let r = 0; r < batch.length; r++) {
        let finite = true;
        for (let k = 0; k < dim; k++) if (!Number.isFinite(t.data[r * dim + k]!)) finite = false;
        if (finite) for (let k = 0; k < dim; k++) out[(i + r) * dim + k] = t.data[r * dim + k]!;
      }
    }
    return out;
  };

  // Documents are what the lexical engine indexes too (every example, every template's title and
  // text), so the two engines judge the same evidence when HybridEngine fuses them.
  const docs: Doc[] = [];
  const texts: string[] = [];
  for (const intent of pb.intents) {
    for (const ex of intent.examples) {
      docs.push({ intent: intent.id });
      texts.push(prep(ex));
    }
  }
  for (const t of pb.templates) {
    docs.push({ intent: t.intent, template: t.id });
    texts.push(prep(stripSlots(`${t.title} ${t.text}`)));
  }
  const intents = [...new Set(pb.intents.map((i) => i.id).concat(pb.templates.map((t) => t.intent)))];

  const fingerprint = modelFingerprint([local, ...(env.cacheDir ? [join(env.cacheDir, id)] : [])], quantized);
  const dir = o.cacheDir ?? null;
  let key = '';
  let cacheFile: string | null = null;
  if (dir && fingerprint) {
    // The folder is part of the key too: two fine-tunes of one base model can share config.json
    // and file sizes, but not (on one machine) a folder.
    const h = createHash('sha256').update(`${FORMAT}\0${id}\0${remote ? '' : resolve(local)}\0${fingerprint}\0${pooling}\0`);
    for (const t of texts) h.update(t).update('\0');
    key = h.digest('hex');
    cacheFile = join(dir, `embeddings-${key.slice(0, 32)}.bin`);
  }

  let vectors: Float32Array;
  let embeddedDocuments = 0;
  const hit = cacheFile ? readVectors(cacheFile, key, texts.length) : null;
  if (hit) {
    vectors = hit.vectors;
    dim = hit.dim;
  } else {
    vectors = await embed(texts);
    embeddedDocuments = texts.length;
    if (cacheFile && dir && texts.length > 0) writeVectors(dir, cacheFile, key, vectors, texts.length, dim);
  }
  // An empty phrasebook never called the model; learn the size from one text.
  if (dim === 0) await embed(['']);

  const { best: wb, second: ws, template: wt } = WEIGHTS;
  const sims = new Float64Array(docs.length);

  return {
    name: 'embedding',
    embeddedDocuments,
    cacheFile,
    get dimensions() {
      return dim;
    },
    async score(message: string): Promise<EngineScores> {
      const q = await embed([prep(message)]);
      // Vectors are unit length, so the dot product is the cosine. Negative cosines mean
      // "unrelated" as much as 0 does; clamping keeps scores in 0–1 like the lexical engine's.
      for (let i = 0; i < docs.length; i++) {
        let s = 0;
        const off = i * dim;
        for (let k = 0; k < dim; k++) s += q[k]! * vectors[off + k]!;
        sims[i] = Math.min(1, Math.max(0, s));
      }
      const best = new Map<string, [number, number]>();
      const templateBest = new Map<string, number>();
      const templates = new Map<string, number>();
      docs.forEach((d, i) => {
        const s = sims[i]!;
        if (d.template) {
          templates.set(d.template, s);
          templateBest.set(d.intent, Math.max(templateBest.get(d.intent) ?? 0, s));
          return;
        }
        const b = best.get(d.intent) ?? [0, 0];
        if (s > b[0]) best.set(d.intent, [s, b[0]]);
        else if (s > b[1]) best.set(d.intent, [b[0], s]);
        else best.set(d.intent, b);
      });
      const scores = new Map<string, number>();
      for (const intentId of intents) {
        const [b1, b2] = best.get(intentId) ?? [0, 0];
        scores.set(intentId, wb * b1 + ws * b2 + wt * (templateBest.get(intentId) ?? 0));
      }
      return { intents: scores, templates };
    },
  };
}
