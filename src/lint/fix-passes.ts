// What `--fix` computes before anything is written: the certain fixes applied pass by pass (each
// pass re-lints what the previous one changed, since one fix can uncover or overlap another) until
// none is left. Shared by `lint --fix` and the editors' "fix all", so that both give the same bytes.

import type { Engine } from '../engine.js';
import { lintFiles, type LintedFile, type LintFilesOptions } from './lint-files.js';
import { applyEdits, planFixes, verifyFixed } from './fix.js';

/** At most this many fix passes. */
export const MAX_FIX_PASSES = 10;

export interface FixPasses {
  /** The fixed text of each file that changed, by path. */
  fixed: Map<string, string>;
  /** The files as linted after the last pass. */
  linted: LintedFile[];
  /** Fixes applied over all passes. */
  applied: number;
  /** Files left alone because their fixes could not be applied without changing something else. */
  unsafe: Set<string>;
}

/** Applies fixes to `first` (the files as linted) until none is left; writes nothing. */
export async function fixPasses(engine: Engine, files: readonly string[], options: LintFilesOptions, first: LintedFile[]): Promise<FixPasses> {
  const original = new Map(first.map((f) => [f.path, f.text]));
  const overlay = new Map<string, string>(options.overlay ?? []);
  const unsafe = new Set<string>();
  let applied = 0;
  let linted = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    let changed = false;
    for (const f of linted) {
      if (f.text === null || unsafe.has(f.path)) continue;
      const plan = planFixes(f.text, f.checks);
      if (plan.edits.length === 0) continue;
      const after = applyEdits(f.text, plan.edits);
      if (!verifyFixed(f.path, f.text, after, plan.values)) {
        unsafe.add(f.path);
        continue;
      }
      overlay.set(f.path, after);
      applied += plan.edits.length;
      changed = true;
    }
    if (!changed) break;
    linted = await lintFiles(engine, files, { ...options, overlay });
  }
  const fixed = new Map<string, string>();
  for (const [path, text] of overlay) if (original.has(path) && text !== original.get(path)) fixed.set(path, text);
  return { fixed, linted, applied, unsafe };
}
