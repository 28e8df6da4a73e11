// Writes the files `lint --fix` changed, all or none: every new content goes to a temporary file
// next to its target first (same mode as the target), and only when all of them are written and
// no target changed meanwhile are they renamed over their targets. A failure before the renames
// removes the temporary files and leaves every target byte for byte as it was.

import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface FileWrite {
  path: string;
  /** The bytes the target had when it was read; the write is refused if they changed. */
  before: Buffer;
  after: Buffer;
}

export class WriteConflictError extends Error {
  override readonly name = 'WriteConflictError';
}

/** Fault injection for the crash tests: REPLYLINT_FAULT=fix-write fails, fix-kill dies, after the temporary files. */
function faultPoint(): void {
  const fault = process.env.REPLYLINT_FAULT;
  if (fault === 'fix-write') throw new Error('injected fault after writing temporary files');
  if (fault === 'fix-kill') process.kill(process.pid, 'SIGKILL');
}

export function writeFilesAtomically(writes: readonly FileWrite[]): void {
  const staged: Array<{ tmp: string; target: string }> = [];
  try {
    for (const w of writes) {
      const target = realpathSync(w.path);
      const mode = statSync(target).mode & 0o7777;
      const tmp = join(dirname(target), `.${basename(target)}.replylint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      const fd = openSync(tmp, 'wx', mode);
      staged.push({ tmp, target });
      try {
        writeSync(fd, w.after);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      chmodSync(tmp, mode); // the umask may have narrowed it
    }
    faultPoint();
    writes.forEach((w, i) => {
      if (!readFileSync(staged[i]!.target).equals(w.before)) throw new WriteConflictError(`${w.path} changed while it was being fixed; nothing was written`);
    });
  } catch (e) {
    for (const s of staged) {
      try {
        unlinkSync(s.tmp);
      } catch {
        // already gone
      }
    }
    throw e;
  }
  for (const s of staged) renameSync(s.tmp, s.target);
}
