// Inline-disable comments: a reply file silences a rule (or a category) on one line or a stretch of
// lines in the file itself, as ESLint's eslint-disable comments and Vale's <!-- vale off --> do:
//
//   # replylint-disable-next-line banned-phrase/dont-know            (YAML, .txt)
//   text: >- # replylint-disable-line style                           (YAML, after the value's key)
//   <!-- replylint-disable rude, buck-passing -- quoting a customer -->  … <!-- replylint-enable -->
//   // replylint-disable-next-line                                    (JSON with comments)
//
// A directive names rule ids or categories, separated by commas or blanks; none = every rule.
// Text after " -- " is the reason and is ignored. A directive that names no known rule or
// category is a problem of the file (a misspelt id must not silently disable nothing). CSV has no
// comments and no directives. Findings inside a directive comment itself are dropped.
//
// In YAML a value may run over several lines (block scalars, folded quoted strings) and a comment
// cannot stand inside it, so a -line or -next-line directive covers every finding of the value
// that starts on its line, not only those on that line.

import type { Finding } from '../types.js';
import type { Problem } from '../config/problems.js';
import { lineColumn } from '../core/line-column.js';
import type { SegmentCheck } from './lint-file.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or categories; empty = every rule. */
  names: Array<{ name: string; start: number }>;
  /** 1-based line of the comment. */
  line: number;
  /** The comment's span in the file. */
  start: number;
  end: number;
}

/** How a directive comment is written in a file of this kind, or null when the kind has no comments. */
export interface CommentSyntax {
  open: string;
  close: string;
}

const YAML_OR_TEXT: CommentSyntax = { open: '# ', close: '' };
const MARKDOWN: CommentSyntax = { open: '<!-- ', close: ' -->' };
const JSON_COMMENT: CommentSyntax = { open: '// ', close: '' };

const extOf = (file: string): string => file.toLowerCase().replace(/^.*\./, '');

export function commentSyntax(file: string): CommentSyntax | null {
  switch (extOf(file)) {
    case 'yaml':
    case 'yml':
    case 'txt':
      return YAML_OR_TEXT;
    case 'md':
    case 'markdown':
      return MARKDOWN;
    case 'json':
      return JSON_COMMENT;
    default:
      return null;
  }
}

/** The text of a directive comment, e.g. `# replylint-disable-next-line rude/x`. */
export function directiveComment(file: string, kind: DirectiveKind, names: readonly string[]): string | null {
  const syntax = commentSyntax(file);
  if (!syntax) return null;
  return `${syntax.open}replylint-${kind}${names.length > 0 ? ' ' + names.join(', ') : ''}${syntax.close}`;
}

/*
 * One comment carrying a directive, per comment syntax. Shared tail:
 *   replylint-(disable-next-line|disable-line|disable|enable)   the directive (longest first)
 *   (?![\w-])                                                    not the start of a longer word
 *   ([^\n]*?)                                                    the names (and a -- reason), lazily
 */
const BODY = String.raw`replylint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^\n]*?)`;
const PATTERNS: Record<string, RegExp> = {
  // (?<=^|[ \t])#[ \t]*   a YAML comment starts a line or follows a blank; the body runs to the line end
  hash: new RegExp(String.raw`(?<=^|[ \t])#[ \t]*${BODY}[ \t]*$`, 'gm'),
  // <!--\s*  …  \s*-->    an HTML comment on one line
  html: new RegExp(String.raw`<!--[ \t]*${BODY}[ \t]*-->`, 'g'),
  // //[ \t]* … to the line end, or /* … */ on one line
  slashes: new RegExp(String.raw`//[ \t]*${BODY}[ \t]*$|/\*[ \t]*${BODY}[ \t]*\*/`, 'gm'),
};

function patternFor(file: string): RegExp | null {
  switch (extOf(file)) {
    case 'yaml':
    case 'yml':
      return PATTERNS.hash!;
    case 'txt':
      // In a text file only a line that is nothing but the comment is one.
      return new RegExp(String.raw`^[ \t]*#[ \t]*${BODY}[ \t]*\r?$`, 'gm');
    case 'md':
    case 'markdown':
      return PATTERNS.html!;
    case 'json':
      return PATTERNS.slashes!;
    default:
      return null;
  }
}

/** The directives of a file, in file order. */
export function parseDirectives(file: string, text: string): Directive[] {
  const re = patternFor(file);
  if (!re || !text.includes('replylint-')) return [];
  const lc = lineColumn(text);
  const out: Directive[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    // The /* */ alternative of the JSON pattern fills groups 3 and 4 instead of 1 and 2.
    const kind = (m[1] ?? m[3]) as DirectiveKind;
    const rest = (m[2] ?? m[4] ?? '').replace(/\r$/, '');
    const restStart = m.index + m[0].indexOf(rest, m[0].indexOf(kind) + kind.length);
    const reason = rest.search(/(?:^|\s)--(?:\s|$)/);
    const list = reason >= 0 ? rest.slice(0, reason) : rest;
    const names: Directive['names'] = [];
    for (const n of list.matchAll(/[^\s,]+/g)) names.push({ name: n[0], start: restStart + n.index });
    out.push({ kind, names, line: lc(m.index)[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** What a directive has to know about a finding to decide whether it silences it. */
interface Located {
  ruleId: string;
  category: string;
  start: number;
  line: number;
  /** Line where the value holding the finding starts (YAML values may span lines). */
  valueLine: number;
}

const names = (d: Directive, f: Located): boolean => d.names.length === 0 || d.names.some((n) => n.name === f.ruleId || n.name === f.category);

/** A predicate telling whether a finding is silenced by the file's directives. */
function silencer(directives: readonly Directive[]): (f: Located) => boolean {
  return (f) => {
    for (const d of directives) {
      if (f.start >= d.start && f.start < d.end) return true; // inside the comment itself
      if (d.kind === 'disable-line' && (f.line === d.line || f.valueLine === d.line) && names(d, f)) return true;
      if (d.kind === 'disable-next-line' && (f.line === d.line + 1 || f.valueLine === d.line + 1) && names(d, f)) return true;
    }
    // Ranges: the last disable/enable before the finding that concerns it decides.
    let off = false;
    for (const d of directives) {
      if (d.start >= f.start) break;
      if ((d.kind === 'disable' || d.kind === 'enable') && names(d, f)) off = d.kind === 'disable';
    }
    return off;
  };
}

export interface DirectiveResult {
  checks: SegmentCheck[];
  /** Findings made in file coordinates (folder-level ones), filtered the same way. */
  extra: Finding[];
  problems: Problem[];
}

/**
 * Drops the findings a file's directives silence, from the checked replies (so that `--fix` does
 * not apply their fixes either) and from the file-level findings; reports directives naming
 * nothing known. `known` tells whether a name is a rule id or a category.
 */
export function applyDirectives(file: string, shown: string, text: string, checks: SegmentCheck[], extra: Finding[], known: (name: string) => boolean): DirectiveResult {
  const directives = parseDirectives(file, text);
  if (directives.length === 0) return { checks, extra, problems: [] };
  const lc = lineColumn(text);
  const problems: Problem[] = [];
  for (const d of directives) {
    for (const n of d.names) {
      if (known(n.name)) continue;
      const [line, column] = lc(n.start);
      problems.push({ file: shown, line, column, code: 'unknown-rule', message: `replylint-${d.kind} names "${n.name}", which is neither a rule id nor a category`, found: n.name });
    }
  }
  const silenced = silencer(directives);
  const keptChecks = checks.map(({ seg, findings }) => {
    // A YAML or JSON value's structural key is the offset where its node starts (the quote or the
    // block indicator), which is where a comment before it applies.
    const valueStart = seg.key !== undefined && /^\d+$/.test(seg.key) ? Number(seg.key) : seg.offsets[0]!;
    const valueLine = lc(valueStart)[0];
    return {
      seg,
      findings: findings.filter((f) => {
        const start = seg.offsets[f.start]!;
        return !silenced({ ruleId: f.ruleId, category: f.category, start, line: lc(start)[0], valueLine });
      }),
    };
  });
  const keptExtra = extra.filter((f) => !silenced({ ruleId: f.ruleId, category: f.category, start: f.start, line: f.line, valueLine: f.line }));
  return { checks: keptChecks, extra: keptExtra, problems };
}
