// `lint --staged`: what will be committed, not what is on disk. The staged files come from
// `git diff --cached`, their content (and that of their phrasebook siblings) from the index, read
// in one `git cat-file --batch` run.

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve, sep } from 'node:path';
import type { FileSource } from './sources.js';

export class GitError extends Error {
  override readonly name = 'GitError';
}

function git(cwd: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? '--staged needs git, which is not installed (or not on PATH)' : `git ${args[0]}: ${r.error.message}`);
  }
  if (r.status !== 0) {
    const msg = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    if (/not a git repository/i.test(msg)) throw new GitError(`--staged needs a git repository, and ${cwd} is not in one`);
    throw new GitError(`git ${args.join(' ')} failed: ${msg}`);
  }
  return r.stdout;
}

const zList = (buf: Buffer): string[] => buf.toString('utf8').split('\0').filter((s) => s.length > 0);

export interface StagedIndex {
  /** The repository's top folder. */
  top: string;
  /** Absolute paths of the staged files (added, copied, modified or renamed). */
  staged: string[];
  source: FileSource;
}

/** Reads the index once: the staged files, and a source over the index for them and their folders' files. */
export function stagedIndex(cwd: string): StagedIndex {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const staged = zList(git(top, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'])).map((p) => join(top, p));
  // Blob ids of the staged files and of the YAML files beside staged YAML files (the phrasebook
  // siblings a phrasebook file is validated with).
  const yamlDirs = new Set(staged.filter((p) => /\.ya?ml$/i.test(p)).map((p) => dirname(p)));
  const wanted = new Set(staged);
  const blobs = new Map<string, string>();
  if (staged.length > 0) {
    const rel = (p: string) => (p === top ? '.' : p.slice(top.length + 1));
    const specs = [...new Set([...staged, ...yamlDirs])].map(rel);
    const entries = zList(git(top, ['--literal-pathspecs', 'ls-files', '-s', '-z', '--', ...specs]));
    for (const e of entries) {
      // "<mode> <blob> <stage>\t<path>"; only stage 0 (no merge conflict) and regular files
      const m = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t(.*)$/s.exec(e);
      if (!m || m[3] !== '0' || (m[1] !== '100644' && m[1] !== '100755')) continue;
      const path = join(top, m[4]!);
      if (wanted.has(path) || (yamlDirs.has(dirname(path)) && /\.ya?ml$/i.test(path))) blobs.set(path, m[2]!);
    }
  }
  const contents = readBlobs(top, blobs);
  const byDir = new Map<string, string[]>();
  for (const p of blobs.keys()) {
    const d = dirname(p);
    byDir.set(d, [...(byDir.get(d) ?? []), p]);
  }
  return {
    top,
    staged: staged.filter((p) => blobs.has(p)),
    source: {
      read: (path) => contents.get(resolve(path)) ?? null,
      list: (dir) => [...(byDir.get(resolve(dir)) ?? [])].sort(),
    },
  };
}

/** The content of many blobs from one `git cat-file --batch`: "<id> blob <size>\n<bytes>\n" each. */
function readBlobs(top: string, blobs: ReadonlyMap<string, string>): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (blobs.size === 0) return out;
  const paths = [...blobs.keys()];
  const buf = git(top, ['cat-file', '--batch'], paths.map((p) => blobs.get(p)).join('\n') + '\n');
  let at = 0;
  for (const p of paths) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString('utf8').split(' ');
    if (header[1] !== 'blob') throw new GitError(`cannot read the staged content of ${p}`);
    const size = Number(header[2]);
    out.set(p, buf.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return out;
}

/** True when `path` is `root` or lies below it. */
export function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
