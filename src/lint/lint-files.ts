// Lints a set of files read from a source (working copy or git index): reply files one by one,
// phrasebook files folder by folder (so that cross-file checks see the siblings), and returns for
// each file its report plus what `--fix` needs (its text and the checked replies).

import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Engine } from '../engine.js';
import type { Finding } from '../types.js';
import type { Problem } from '../config/problems.js';
import { cacheKey, readCache, writeCache } from '../config/cache.js';
import { packageVersion } from '../config/files.js';
import type { Segment } from './segment.js';
import { SLOTS_FILE } from '../config/phrasebook-files.js';
import { checkSegments, fileFindings, type SegmentCheck } from './lint-file.js';
import { maskedDisplay, maskFinding, maskProblem, type FileReport } from './report.js';
import type { FileSource } from './sources.js';
import type { FileKind } from './phrasebook-lint.js';
import { NEAR_DUPLICATE_RULE } from './near-duplicates.js';
import { applyDirectives } from './directives.js';

export interface LintedFile {
  path: string;
  kind: FileKind;
  /** The decoded text without its byte-order mark, or null when it could not be read. */
  text: string | null;
  bom: boolean;
  checks: SegmentCheck[];
  report: FileReport;
}

export interface LintFilesOptions {
  source: FileSource;
  /** How a path is shown in reports. */
  show: (path: string) => string;
  /** Decodes bytes as UTF-8 or throws an error whose message says where it goes wrong. */
  decode: (bytes: Buffer, shown: string) => string;
  /** Texts that replace what the source holds (the fixed versions during `--fix`). */
  overlay?: ReadonlyMap<string, string>;
  /**
   * false: overlay texts are not stored in the content cache. An editor's unsaved text changes with
   * every keystroke and would only fill the cache; files read from the source still use it.
   */
  cacheOverlay?: boolean;
}

/** Problem codes meaning a file could not be read or parsed at all: `--fix` leaves such files alone. */
export const UNPARSEABLE = new Set(['encoding', 'unreadable', 'yaml-syntax', 'duplicate-key', 'json-syntax', 'csv-syntax']);

type Read = { text: string; bom: boolean } | { problem: Problem };

const fingerprints = new WeakMap<Engine, string>();
/** What the findings of a text depend on besides the text: the rules as loaded and the message language. */
function rulesFingerprint(engine: Engine): string {
  let f = fingerprints.get(engine);
  if (f === undefined) {
    f = createHash('sha256').update(JSON.stringify(engine.ruleSet)).update(`\0${engine.config.locale ?? 'auto'}`).digest('hex');
    fingerprints.set(engine, f);
  }
  return f;
}

/**
 * Checks the replies of a file, through the content cache: the findings depend only on the rules,
 * the file's kind and its text, so a file that did not change is not checked again.
 */
function checkFile(engine: Engine, path: string, kind: FileKind, text: string, segments: readonly Segment[], useCache = true): SegmentCheck[] {
  if (!useCache) return checkSegments(engine, segments);
  const key = cacheKey('lint-checks', packageVersion(), [{ file: `${rulesFingerprint(engine)}:${kind}:${path.replace(/^.*\./, '')}`, text }]);
  const hit = readCache<Finding[][]>(key);
  if (hit && hit.length === segments.length) return segments.map((seg, i) => ({ seg, findings: hit[i]! }));
  const checks = checkSegments(engine, segments);
  writeCache(
    key,
    checks.map((c) => c.findings),
  );
  return checks;
}

/** Names a replylint-disable comment may use: the engine's rule ids, the categories, lint's own rules. */
function knownNames(engine: Engine): (name: string) => boolean {
  const names = new Set<string>([...engine.ruleSet.categories.map((c) => c.id), NEAR_DUPLICATE_RULE]);
  for (const r of engine.ruleSet.rules) names.add(r.id).add(r.category);
  return (name) => names.has(name);
}

export async function lintFiles(engine: Engine, paths: readonly string[], o: LintFilesOptions): Promise<LintedFile[]> {
  const cache = new Map<string, Read>();
  const cacheable = (path: string): boolean => o.cacheOverlay !== false || !o.overlay?.has(path);
  const read = (path: string): Read => {
    let r = cache.get(path);
    if (r) return r;
    const shown = o.show(path);
    const over = o.overlay?.get(path);
    if (over !== undefined) r = { text: over, bom: false };
    else {
      const bytes = o.source.read(path);
      if (bytes === null) r = { problem: { file: shown, line: 1, column: 1, code: 'unreadable', message: 'cannot read this file' } };
      else {
        try {
          const text = o.decode(bytes, shown);
          const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
          r = { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bom };
        } catch (e) {
          r = { problem: { file: shown, line: 1, column: 1, code: 'encoding', message: (e as Error).message } };
        }
      }
    }
    cache.set(path, r);
    return r;
  };

  // Kinds need the text; the phrasebook module loads only when a YAML file is linted (and yaml and
  // zod only when a phrasebook file is not in the cache).
  const yaml = paths.some((p) => /\.ya?ml$/i.test(p));
  const pb = yaml ? await import('./phrasebook-lint.js') : null;
  const kindOf = (path: string, r: Read): FileKind => ('text' in r && pb ? pb.fileKind(path, r.text) : 'replies');

  const out: LintedFile[] = [];
  const folders = new Map<string, LintedFile[]>();
  for (const path of paths) {
    const shown = o.show(path);
    const r = read(path);
    const kind = kindOf(path, r);
    const file: LintedFile = { path, kind, text: null, bom: false, checks: [], report: { file: shown, text: '', findings: [], problems: [] } };
    out.push(file);
    if ('problem' in r) {
      file.report.problems.push(r.problem);
      continue;
    }
    file.text = r.text;
    file.bom = r.bom;
    if (kind === 'replies') {
      // The parsers of reply files (yaml, jsonc, csv) load only when there is a reply file.
      const { segmentsOf } = await import('./segments.js');
      const { segments, problems } = segmentsOf(shown, r.text);
      file.checks = checkFile(engine, path, kind, r.text, segments, cacheable(path));
      file.report.problems.push(...problems);
    } else if (kind === 'phrasebook') {
      const dir = dirname(path);
      folders.set(dir, [...(folders.get(dir) ?? []), file]);
    } else if (pb) {
      file.report.problems.push(...(await pb.lintTableFile(kind, { file: shown, text: r.text })));
    }
  }

  for (const [dir, linted] of folders) {
    const mine = new Set(linted.map((f) => f.path));
    const listed = o.source.list(dir);
    const siblings = listed
      .filter((p) => !mine.has(p) && basename(p) !== SLOTS_FILE)
      .flatMap((p) => {
        const r = read(p);
        return 'text' in r && kindOf(p, r) === 'phrasebook' ? [{ file: o.show(p), text: r.text, linted: false, cache: cacheable(p) }] : [];
      });
    const slotsPath = join(dir, SLOTS_FILE);
    const slotsRead = listed.includes(slotsPath) || o.overlay?.has(slotsPath) ? read(slotsPath) : null;
    const slots = slotsRead && 'text' in slotsRead ? { file: o.show(slotsPath), text: slotsRead.text } : null;
    const results = await pb!.lintPhrasebookFolder([...siblings, ...linted.map((f) => ({ file: f.report.file, text: f.text!, linted: true, cache: cacheable(f.path) }))], slots);
    for (const f of linted) {
      const res = results.get(f.report.file);
      if (!res) continue;
      f.checks = checkFile(engine, f.path, f.kind, f.text!, res.segments, cacheable(f.path));
      f.report.problems.push(...res.problems);
      f.report.findings.push(...res.findings);
    }
  }

  const known = knownNames(engine);
  const mask = (text: string): string => engine.mask(text);
  for (const f of out) {
    f.report.problems = f.report.problems.map((p) => maskProblem(p, mask));
    if (f.text === null) continue;
    // Inline replylint-disable comments silence findings before anything is reported or fixed.
    const d = applyDirectives(f.path, f.report.file, f.text, f.checks, f.report.findings, known);
    f.checks = d.checks;
    f.report.problems.push(...d.problems.map((p) => maskProblem(p, mask)));
    // The core's findings are masked; the phrasebook's own (duplicates, slots …) may quote a template.
    f.report.findings = [...fileFindings(f.text, f.checks), ...d.extra.map((x) => maskFinding(x, mask))].sort((a, b) => a.start - b.start || a.end - b.end);
    f.report.text = maskedDisplay(f.text, f.report.findings, mask);
  }
  return out;
}
