// Decides whether the embedding engine can run, and builds it. The model is REPLYLINT_MODEL (a
// Hugging Face id or a folder; default Xenova/bge-small-zh-v1.5), looked up in REPLYLINT_MODEL_DIR
// and in transformers.js's own cache. Models are never fetched unless REPLYLINT_ALLOW_REMOTE_MODELS=1:
// a machine without network must not wait on one. transformers.js is imported only when a model
// is actually there.

import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { Phrasebook } from '../types.js';
import type { ScriptConverter } from '../normalize.js';
import type { RankEngine } from './engine.js';

export const DEFAULT_MODEL = 'Xenova/bge-small-zh-v1.5';

export interface ModelLocation {
  /** Folder that contains the model folder (transformers.js `localModelPath`). */
  root: string;
  /** Model id relative to `root` (e.g. Xenova/bge-small-zh-v1.5). */
  id: string;
  remote: boolean;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** transformers.js's default cache folder (models it downloaded before). */
function transformersCache(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@xenova/transformers/package.json');
    return join(dirname(pkg), '.cache');
  } catch {
    return null;
  }
}

export function locateModel(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ModelLocation | { unavailable: string } {
  const wanted = env.REPLYLINT_MODEL?.trim() || DEFAULT_MODEL;
  const asPath = resolve(cwd, wanted);
  if (isDir(asPath) && existsSync(join(asPath, 'config.json'))) return { root: dirname(asPath), id: basename(asPath), remote: false };
  const roots = [env.REPLYLINT_MODEL_DIR ? resolve(cwd, env.REPLYLINT_MODEL_DIR) : null, transformersCache()].filter((r): r is string => r !== null);
  for (const root of roots) if (existsSync(join(root, wanted, 'config.json'))) return { root, id: wanted, remote: false };
  if (env.REPLYLINT_ALLOW_REMOTE_MODELS === '1') return { root: roots[0] ?? cwd, id: wanted, remote: true };
  return {
    unavailable: `no local embedding model "${wanted}" (looked in ${roots.length ? roots.join(', ') : 'no folder'}; set REPLYLINT_MODEL to a model folder or REPLYLINT_MODEL_DIR to a folder of models)`,
  };
}

export interface EmbeddingFactoryOptions {
  convert: ScriptConverter;
  warn?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Vector cache folder (engine.ts passes the content cache's); null = none. */
  cacheDir?: string | null;
}

export function embeddingFactory(pb: Phrasebook, o: EmbeddingFactoryOptions): () => Promise<RankEngine | { unavailable: string }> {
  return async () => {
    const where = locateModel(o.env);
    if ('unavailable' in where) return where;
    try {
      const { createEmbeddingEngine } = await import('./embedding.js');
      const pooling = (o.env ?? process.env).REPLYLINT_MODEL_POOLING;
      return await createEmbeddingEngine(pb, {
        model: where,
        convert: o.convert,
        cacheDir: o.cacheDir ?? null,
        ...(pooling === 'mean' || pooling === 'cls' ? { pooling } : {}),
      });
    } catch (e) {
      return { unavailable: `embedding model "${where.id}" could not be loaded: ${(e as Error).message.split('\n')[0]}` };
    }
  };
}
