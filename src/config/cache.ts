// A content-addressed cache for validated data files. Parsing YAML and validating it with zod
// costs more than the whole check of a reply; the result depends only on the files' bytes and
// replylint's version, so it is stored once under a hash of both and read back as plain JSON.
// Any failure to read or write the cache is silent: the cache only ever saves time.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the shape of cached data changes. */
const FORMAT = 5;

export function cacheDir(): string | null {
  if (process.env.REPLYLINT_NO_CACHE) return null;
  if (process.env.REPLYLINT_CACHE_DIR) return process.env.REPLYLINT_CACHE_DIR;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `replylint-cache-${uid}`);
}

export function cacheKey(kind: string, version: string, parts: ReadonlyArray<{ file: string; text: string }>): string {
  const h = createHash('sha256').update(`${kind}\0${version}\0${FORMAT}\0`);
  for (const p of parts) h.update(p.file).update('\0').update(p.text).update('\0');
  return `${kind}-${h.digest('hex').slice(0, 32)}`;
}

export function readCache<T>(key: string): T | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, key + '.json'), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, value: unknown): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, key + '.json'));
  } catch {
    // a read-only or full disk only costs speed
  }
}

/** Returns the cached value for `key`, or computes, stores and returns it. */
export async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = readCache<T>(key);
  if (hit !== undefined) return hit;
  const value = await compute();
  writeCache(key, value);
  return value;
}
