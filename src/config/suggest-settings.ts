// The `suggest:` section of .replylint.yaml: how sure the ranker must be before it suggests
// anything, and where the server records which template the agent used (POST /v1/feedback), for
// `replylint tune`. Strict, so that a typo is reported with the file, line and column.

import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseSection } from './section.js';
import { DEFAULT_THRESHOLD } from '../rank/confidence.js';

export const DEFAULT_FEEDBACK_FILE = 'replylint-feedback.jsonl';

export const suggestSettingsSchema = z
  .object({
    /** Below this confidence (0–1) the answer is an abstention with no suggestions; 0 = never abstain. */
    threshold: z.number().min(0).max(1).default(DEFAULT_THRESHOLD),
    /** JSON Lines file the server appends feedback to (relative to the configuration file); false = no feedback. */
    feedback: z.union([z.string().min(1), z.literal(false)]).default(DEFAULT_FEEDBACK_FILE),
  })
  .strict();

export interface SuggestSettings {
  threshold: number;
  /** Absolute path of the feedback log, or null when feedback is off. */
  feedbackFile: string | null;
}

/** Validates the raw `suggest:` section; relative paths are taken from the configuration file's folder (else `cwd`). */
export function parseSuggestSettings(raw: unknown, configFile: string | null, cwd: string): SuggestSettings {
  const s = parseSection(suggestSettingsSchema, 'suggest', raw, configFile, ' (see "Suggesting replies" in the README)');
  const base = configFile ? dirname(configFile) : cwd;
  return { threshold: s.threshold, feedbackFile: s.feedback === false ? null : resolve(base, s.feedback) };
}
