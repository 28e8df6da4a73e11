// Where replylint's own files are, how a team's configuration file is found, and reading text
// files with problems a person can act on.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './problems.js';

/** The installed package's root (…/replylint), from dist/config/files.js. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILTIN_RULES = join(PACKAGE_ROOT, 'banned-phrases.yaml');
export const BUILTIN_PHRASEBOOK = join(PACKAGE_ROOT, 'phrasebook');

let version: string | undefined;
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export const CONFIG_NAMES = ['.replylint.yaml', '.replylint.yml', 'replylint.config.yaml'] as const;

/** The nearest configuration file from `cwd` upwards, or null. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Reads a UTF-8 text file; a missing or unreadable file is a ConfigError naming it. */
export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new ConfigError([{ file, line: 1, column: 1, code: 'unreadable', message: `cannot read ${what}: ${why}` }]);
  }
}
