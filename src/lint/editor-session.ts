// Lints what an editor holds: documents in memory, their unsaved text standing in for the file's,
// through the same lint layer as `replylint lint` (so a diagnostic and its fix are exactly what the
// command line reports and writes). One session per configuration file, kept by a long-running
// caller such as the language server. Nothing here speaks a protocol.

import { dirname, relative, resolve } from 'node:path';
import { createEngine, type Engine } from '../engine.js';
import { BUILTIN_RULES, readText } from '../config/files.js';
import { ConfigError, type Problem } from '../config/problems.js';
import type { Finding, RuleSpec } from '../types.js';
import { lineColumn } from '../core/line-column.js';
import { lintFiles, UNPARSEABLE, type LintedFile, type LintFilesOptions } from './lint-files.js';
import { workingCopy } from './sources.js';
import { applyEdits, planFixes, verifyFixed, type Edit } from './fix.js';
import { fixPasses } from './fix-passes.js';
import { commentSyntax, directiveComment } from './directives.js';
import type { SegmentCheck } from './lint-file.js';

export type { Edit } from './fix.js';

/** What a document is to replylint. */
export type DocumentRole = 'config' | 'rules' | 'lint';

export interface DocumentLint {
  /** Findings in document offsets (UTF-16), personal data masked; problems of the file itself. */
  findings: Finding[];
  problems: Problem[];
  /** Edits applying the finding's certain fix, encoded for where it sits; null when not certain here. */
  fixEdits(f: Finding): Edit[] | null;
  /** Edits replacing the finding's text by `replacement` (a suggestion), or null when that is not safe. */
  replaceEdits(f: Finding, replacement: string): Edit[] | null;
  /** The edit adding a replylint-disable comment for the finding's rule, or null where comments cannot go. */
  disableEdit(f: Finding, scope: 'line' | 'file'): Edit | null;
}

export interface EditorSession {
  readonly configFile: string | null;
  /** Files whose change makes this session stale: the configuration and the rule files it names. */
  readonly watched: readonly string[];
  /** Rule files the configuration names (validated as rule files, not linted as replies). */
  readonly ruleFiles: readonly string[];
  readonly failOn: Engine['failOn'];
  /** Lints `path`; `overlay` holds the open documents' texts by absolute path. */
  lint(path: string, overlay: ReadonlyMap<string, string>): Promise<DocumentLint>;
  /** What `lint --fix` would write to `path`, or null when it changes nothing. */
  fixAll(path: string, overlay: ReadonlyMap<string, string>): Promise<string | null>;
  rule(id: string): RuleSpec | undefined;
  /** The text with personal data masked (the core's masking, as every output does). */
  mask(text: string): string;
}

export interface SessionOptions {
  /** Decodes a file read from disk (strict UTF-8) or throws with a message saying where it goes wrong. */
  decode: LintFilesOptions['decode'];
  /** Folder paths are shown relative to (the workspace). */
  root: string;
}

/** Opens the session for documents under `cwd`: the nearest configuration, its rules and phrasebook. */
export async function openSession(cwd: string, o: SessionOptions): Promise<EditorSession> {
  const engine = await createEngine({ cwd });
  const base = engine.configFile ? dirname(engine.configFile) : cwd;
  const ruleFiles = engine.config.ruleFiles.map((f) => resolve(base, f));
  const show = (p: string): string => relative(o.root, p) || p;
  const options = (overlay: ReadonlyMap<string, string>): LintFilesOptions => ({ source: workingCopy, show, decode: o.decode, overlay, cacheOverlay: false });
  const rules = new Map(engine.ruleSet.rules.map((r) => [r.id, r]));
  const lintOne = async (path: string, overlay: ReadonlyMap<string, string>): Promise<LintedFile> => (await lintFiles(engine, [path], options(overlay)))[0]!;
  return {
    configFile: engine.configFile,
    watched: [...(engine.configFile ? [engine.configFile] : []), ...ruleFiles],
    ruleFiles,
    failOn: engine.failOn,
    async lint(path, overlay) {
      return documentLint(await lintOne(path, overlay));
    },
    async fixAll(path, overlay) {
      const first = await lintOne(path, overlay);
      if (first.text === null || first.report.problems.some((p) => UNPARSEABLE.has(p.code))) return null;
      const { fixed } = await fixPasses(engine, [path], options(overlay), [first]);
      return fixed.get(path) ?? null;
    },
    rule: (id) => rules.get(id),
    mask: (text) => engine.mask(text),
  };
}

/** The finding of a checked reply that a file-level finding came from, in the reply's own offsets. */
function sourceOf(checks: readonly SegmentCheck[], f: Finding): { check: SegmentCheck; finding: Finding } | null {
  for (const check of checks) {
    const { seg } = check;
    if (seg.offsets[0]! > f.start || seg.offsets[seg.offsets.length - 1]! < f.start) continue;
    for (const g of check.findings) {
      if (g.ruleId === f.ruleId && seg.offsets[g.start] === f.start && g.end - g.start === f.end - f.start) return { check, finding: g };
    }
  }
  return null;
}

function documentLint(file: LintedFile): DocumentLint {
  const text = file.text ?? '';
  /** Edits that splice `replacement` over the finding, planned and verified as `--fix` does. */
  const splice = (f: Finding, replacement: string): Edit[] | null => {
    const found = file.text === null ? null : sourceOf(file.checks, f);
    if (!found) return null;
    const g: Finding = { ...found.finding, fix: { start: found.finding.start, end: found.finding.end, replacement } };
    const plan = planFixes(text, [{ seg: found.check.seg, findings: [g] }]);
    if (plan.edits.length === 0 || plan.skipped > 0) return null;
    return verifyFixed(file.path, text, applyEdits(text, plan.edits), plan.values) ? plan.edits : null;
  };
  return {
    findings: file.report.findings,
    problems: file.report.problems,
    fixEdits: (f) => (f.fix ? splice(f, f.fix.replacement) : null),
    replaceEdits: splice,
    disableEdit(f, scope) {
      if (file.text === null) return null;
      return disableEdit(file.path, text, f, scope, sourceOf(file.checks, f)?.check ?? null);
    },
  };
}

/** Start offset of each line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Where a disable comment goes: above the line where the finding's value starts (a YAML block
 * scalar cannot hold a comment, its key line can), with that line's indentation; or, for the
 * whole file, at the top (after Markdown front matter). Markdown gets a trailing -line comment so
 * that no paragraph is split. JSON and CSV get none: strict JSON has no comments, CSV none at all.
 */
function disableEdit(path: string, text: string, f: Finding, scope: 'line' | 'file', check: SegmentCheck | null): Edit | null {
  const syntax = commentSyntax(path);
  if (!syntax || /\.json$/i.test(path)) return null;
  const markdown = syntax.close !== '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const starts = lineStarts(text);
  if (scope === 'file') {
    let at = 0;
    if (markdown && /^---\r?\n/.test(text)) {
      const end = text.indexOf('\n---', 3);
      if (end >= 0) at = (text.indexOf('\n', end + 4) + 1 || text.length);
    }
    return { start: at, end: at, text: directiveComment(path, 'disable', [f.ruleId])! + eol };
  }
  if (markdown) {
    const lineEnd = (starts[f.line] ?? text.length + 1) - 1;
    const at = text[lineEnd - 1] === '\r' ? lineEnd - 1 : Math.min(lineEnd, text.length);
    return { start: at, end: at, text: ' ' + directiveComment(path, 'disable-line', [f.ruleId])! };
  }
  let line = f.line;
  if (check?.seg.key !== undefined && /^\d+$/.test(check.seg.key)) line = lineColumn(text)(Number(check.seg.key))[0];
  const at = starts[line - 1] ?? 0;
  const indent = /^[ \t]*/.exec(text.slice(at))![0];
  return { start: at, end: at, text: indent + directiveComment(path, 'disable-next-line', [f.ruleId])! + eol };
}

/** Problems of a configuration file's text (schema, unknown categories), without loading anything else. */
export async function validateConfigText(file: string, text: string): Promise<Problem[]> {
  const { parseConfig } = await import('../config/load-config.js');
  try {
    parseConfig(file, text);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

/**
 * Problems of a team rule file's text, loaded over the shipped rules as the engine loads it
 * (schema, patterns, vocabularies, and each rule's own examples run against it).
 */
export async function validateRuleText(file: string, text: string): Promise<Problem[]> {
  const [{ loadRuleFiles }, { coreEnv }] = await Promise.all([import('../config/load-rules.js'), import('../engine.js')]);
  try {
    loadRuleFiles([{ file: BUILTIN_RULES, text: readText(BUILTIN_RULES, 'rule file') }, { file, text }], coreEnv());
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.filter((p) => p.file === file);
    throw e;
  }
}
