// Where `lint` reads files from: the working copy, or (with --staged) the git index. Paths are
// absolute; a source answers with the file's bytes and the files directly inside a folder (for
// the phrasebook siblings of a linted file).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileSource {
  /** Bytes of the file, or null when the source has no such file. */
  read(path: string): Buffer | null;
  /** Absolute paths of the files directly in `dir`. */
  list(dir: string): string[];
}

export const workingCopy: FileSource = {
  read(path) {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(dir, e.name))
        .sort();
    } catch {
      return [];
    }
  },
};
