// `replylint lint PATHS…`: lints reply-template files and folders.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageVersion } from '../config/files.js';
import { engineFor, type CommonOptions } from './common-options.js';
import { InputError, UsageError } from './errors.js';
import { decodeUtf8 } from './io.js';
import { parseFormat, render } from './output.js';
import { exitCodeOf, type FileReport } from '../lint/report.js';
import { lintContent } from '../lint/lint-file.js';
import { LINTABLE_EXTENSIONS } from '../lint/segments.js';

const EXT = new Set<string>(LINTABLE_EXTENSIONS);

/** Expands folders into the lintable files below them (skipping node_modules and dot folders). */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (EXT.has(entry.name.toLowerCase().replace(/^.*\./, ''))) files.push(p);
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

export async function runLint(paths: string[], o: CommonOptions): Promise<number> {
  const format = parseFormat(o.format);
  const files = expandPaths(paths);
  if (files.length === 0) throw new UsageError(`no lintable files (${[...EXT].map((e) => '.' + e).join(' ')}) under ${paths.join(', ')}`);
  const engine = await engineFor(o);
  const reports: FileReport[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    let content: string;
    try {
      content = decodeUtf8(readFileSync(file), shown);
    } catch (e) {
      if (e instanceof InputError) {
        reports.push({ file: shown, text: '', findings: [], problems: [{ file: shown, line: 1, column: 1, code: 'encoding', message: e.message }] });
        continue;
      }
      throw e;
    }
    reports.push(lintContent(engine, shown, content.charCodeAt(0) === 0xfeff ? content.slice(1) : content));
  }
  process.stdout.write(await render(reports, { format, single: false, version: packageVersion(), ...(o.color !== undefined ? { color: o.color } : {}) }));
  return exitCodeOf(reports, engine.failOn);
}
