// `replylint lint PATHS…`: lints reply-template files and folders (phrasebook YAML is validated as
// a phrasebook), from the working copy or, with --staged, from the git index; `--fix` applies the
// certain fixes and writes the changed files all or none; `--dry-run` prints the diff instead.

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { packageVersion } from '../config/files.js';
import { engineFor, type CommonOptions } from './common-options.js';
import { InputError, UsageError } from './errors.js';
import { decodeUtf8 } from './io.js';
import { parseFormat, render } from './output.js';
import { exitCodeOf } from '../lint/report.js';
import { lintFiles, UNPARSEABLE, type LintedFile, type LintFilesOptions } from '../lint/lint-files.js';
import { LINTABLE_EXTENSIONS, lintableName } from '../lint/segment.js';
import { workingCopy, type FileSource } from '../lint/sources.js';

const EXT = new Set<string>(LINTABLE_EXTENSIONS);

export interface LintCommandOptions extends CommonOptions {
  fix?: boolean;
  dryRun?: boolean;
  staged?: boolean;
}


/** Expands folders into the lintable files below them (skipping node_modules, dot folders and docs). */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (lintableName(entry.name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return files;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/** The staged files to lint: those named, or below a named folder (walked like a folder), or all. */
async function stagedTargets(paths: readonly string[]): Promise<{ files: string[]; source: FileSource; base: string }> {
  const { stagedIndex, isUnder, GitError } = await import('../lint/staged.js');
  let index;
  try {
    index = stagedIndex(process.cwd());
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
  const roots = paths.map(real);
  const walked = (p: string, root: string): boolean =>
    lintableName(basename(p)) && !relative(root, p).split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
  const files = index.staged.filter((p) => (roots.length === 0 ? walked(p, index.top) : roots.some((r) => p === r || (isUnder(p, r) && walked(p, r)))));
  return { files, source: index.source, base: real(process.cwd()) };
}

export async function runLint(paths: string[], o: LintCommandOptions): Promise<number> {
  const format = parseFormat(o.format);
  const fixing = o.fix === true || o.dryRun === true;
  if (o.staged && fixing) throw new UsageError('--fix works on the working copy: run it without --staged, then stage the result');
  if (!o.staged && paths.length === 0) throw new UsageError('name the files or folders to lint (or lint what is staged with --staged)');

  let files: string[];
  let source: FileSource;
  let base = process.cwd();
  if (o.staged) ({ files, source, base } = await stagedTargets(paths));
  else {
    files = expandPaths(paths).map((p) => resolve(p));
    source = workingCopy;
    if (files.length === 0) throw new UsageError(`no lintable files (${[...EXT].map((e) => '.' + e).join(' ')}) under ${paths.join(', ')}`);
  }
  const out = (reports: LintedFile[]) =>
    render(
      reports.map((f) => f.report),
      { format, single: false, version: packageVersion(), ...(o.color !== undefined ? { color: o.color } : {}) },
    );
  // Nothing staged that replylint reads: the hook passes without loading anything.
  if (files.length === 0) {
    process.stdout.write(await out([]));
    return 0;
  }

  const engine = await engineFor(o);
  const options: LintFilesOptions = { source, show: (p) => relative(base, p) || p, decode: decodeUtf8 };
  let linted = await lintFiles(engine, files, options);
  if (fixing) linted = await fix(engine, files, options, linted, o.dryRun === true);
  if (!o.dryRun) process.stdout.write(await out(linted));
  return exitCodeOf(
    linted.map((f) => f.report),
    engine.failOn,
  );
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : /x$/.test(word) ? 'es' : 's'}`;

/** Applies fixes pass by pass until none is left, then writes (or, dry, diffs) the changed files. */
async function fix(engine: Awaited<ReturnType<typeof engineFor>>, files: string[], options: LintFilesOptions, first: LintedFile[], dry: boolean): Promise<LintedFile[]> {
  const broken = first.filter((f) => f.report.problems.some((p) => UNPARSEABLE.has(p.code)));
  if (broken.length > 0) {
    process.stderr.write(`replylint: --fix changed nothing: ${broken.map((f) => f.report.file).join(', ')} cannot be read or parsed; correct ${broken.length === 1 ? 'it' : 'them'} first\n`);
    return first;
  }
  const { fixPasses } = await import('../lint/fix-passes.js');
  const original = new Map(first.map((f) => [f.path, f]));
  const { fixed, linted, applied, unsafe } = await fixPasses(engine, files, options, first);
  for (const path of unsafe) process.stderr.write(`replylint: left ${options.show(path)} as it was: its fixes could not be applied without changing something else\n`);

  const changedFiles = [...fixed];
  if (dry) {
    const { unifiedDiff } = await import('../lint/diff.js');
    for (const [path, text] of changedFiles) process.stdout.write(unifiedDiff(options.show(path), original.get(path)!.text!, text, (line) => engine.mask(line)));
    process.stderr.write(`replylint: --dry-run: ${plural(applied, 'fix')} in ${plural(changedFiles.length, 'file')} would be applied\n`);
    return linted;
  }
  const { writeFilesAtomically } = await import('../lint/write-files.js');
  try {
    writeFilesAtomically(
      changedFiles.map(([path, text]) => {
        const was = original.get(path)!;
        const bom = was.bom ? '\ufeff' : '';
        // Strictly decoded UTF-8 encodes back to the very bytes that were read.
        return { path, before: Buffer.from(bom + was.text!, 'utf8'), after: Buffer.from(bom + text, 'utf8') };
      }),
    );
  } catch (e) {
    throw new InputError(`--fix could not write the fixed files (${(e as Error).message}); no file was changed`);
  }
  if (changedFiles.length > 0) process.stderr.write(`replylint: fixed ${plural(applied, 'problem')} in ${plural(changedFiles.length, 'file')}\n`);
  return linted;
}
