// What the language server needs from the rest of replylint, as structural types: the command
// that starts the server hands in the lint layer's editor sessions (src/lint/editor-session.ts),
// so the protocol code never imports the engine or the lint layer and loads nothing heavy itself.

import type { Finding, RuleSpec, Severity } from '../types.js';
import type { Problem } from '../config/problems.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One document linted: findings and problems in its offsets, and the edits code actions offer. */
export interface DocumentLint {
  findings: Finding[];
  problems: Problem[];
  fixEdits(f: Finding): Edit[] | null;
  replaceEdits(f: Finding, replacement: string): Edit[] | null;
  disableEdit(f: Finding, scope: 'line' | 'file'): Edit | null;
}

/** The lint layer for one configuration. */
export interface LintSession {
  readonly configFile: string | null;
  readonly watched: readonly string[];
  readonly ruleFiles: readonly string[];
  readonly failOn: Severity;
  lint(path: string, overlay: ReadonlyMap<string, string>): Promise<DocumentLint>;
  fixAll(path: string, overlay: ReadonlyMap<string, string>): Promise<string | null>;
  rule(id: string): RuleSpec | undefined;
  mask(text: string): string;
  /** Category labels and description, when the loaded rules carry them. */
  category?(id: string): CategoryInfo | undefined;
}

export interface CategoryInfo {
  label: { zh: string; en: string };
  description?: string;
}

export interface LspHost {
  /** Names a configuration file may have. */
  readonly configNames: readonly string[];
  /** The nearest configuration file from `dir` upwards. */
  findConfig(dir: string): string | null;
  /** Whether a file is a reply or phrasebook file (`root`: the workspace folder it is in, if any). */
  isLintable(path: string, root: string | null): boolean;
  /** Opens the session for files under `dir` (throws a ConfigError-like error with `problems`). */
  openSession(dir: string, root: string): Promise<LintSession>;
  validateConfigText(file: string, text: string): Promise<Problem[]>;
  /** Masks personal data with the shipped rules (for messages no session can mask). */
  mask(text: string): Promise<string>;
  validateRuleText(file: string, text: string): Promise<Problem[]>;
}
