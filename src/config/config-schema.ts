// The zod schema of a team's configuration file (.replylint.yaml).

import { z } from 'zod';

const severity = z.enum(['error', 'warning', 'info', 'off']);

export const configSchema = z
  .object({
    /** Lowest severity that makes a reply fail (and the CLI exit 1). */
    failOn: z.enum(['error', 'warning', 'info']).optional(),
    /** Language of messages; auto = English for replies without Chinese. */
    locale: z.enum(['zh', 'en', 'auto']).optional(),
    /** Severity by rule id (banned-phrase/dont-know) or by category (negative-wording). */
    rules: z.record(z.string(), severity).default({}),
    /** More rule files, relative to this file, layered over the shipped banned-phrases.yaml. */
    ruleFiles: z.array(z.string().min(1)).default([]),
    /** Phrasebook folder, relative to this file. */
    phrasebook: z.string().min(1).optional(),
    /** Settings of the HTTP server (replylint serve). */
    server: z.record(z.string(), z.unknown()).optional(),
    /** Settings of the optional LLM rewrite. */
    llm: z.record(z.string(), z.unknown()).optional(),
    /** Settings of template suggestions (threshold, feedback log); validated by src/config/suggest-settings.ts. */
    suggest: z.record(z.string(), z.unknown()).optional(),
    /** Settings of the batch audit (replylint audit); validated by src/audit/settings.ts. */
    audit: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type Config = z.output<typeof configSchema> & {
  /** Where each key of `rules:` sits, so that an unknown rule or category (known only once the
   *  rule files are loaded) is reported at its line and column. */
  rulePositions?: Record<string, { line: number; column: number }>;
};
