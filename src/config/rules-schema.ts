// The zod schema of a rule file (banned-phrases.yaml or a team's own). Shapes only; what zod
// cannot see (duplicate ids, patterns that do not compile, examples that misbehave) is checked
// by load-rules.ts with positions.

import { z } from 'zod';
import { CATEGORIES, RULE_KINDS } from '../types.js';

const text = z.string().min(1, 'must not be empty');

export const exampleSchema = z.union([
  text,
  z.object({ text, output: z.string().optional() }).strict(),
]);

export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids look like "category/short-name" in lower-case kebab-case'),
    kind: z.enum(RULE_KINDS).default('phrase'),
    category: z.enum(CATEGORIES),
    severity: z.enum(['error', 'warning', 'info', 'off']),
    message: z.object({ zh: text, en: text }).strict(),
    suggestions: z.array(text).default([]),
    fix: z.string().optional(),
    patterns: z.array(text).default([]),
    exceptions: z.array(text).default([]),
    options: z.record(z.string(), z.unknown()).default({}),
    source: z.string().optional(),
    examples: z
      .object({ bad: z.array(exampleSchema).min(1, 'give at least one bad example'), good: z.array(exampleSchema).default([]) })
      .strict(),
  })
  .strict();

export const ruleFileSchema = z
  .object({
    version: z.literal(1).default(1),
    /** `builtin` layers this file over the shipped rules; `none` replaces them. */
    extends: z.enum(['builtin', 'none']).optional(),
    vocab: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'vocabulary names are lower_snake_case'), z.array(text).min(1)).default({}),
    /** Each rule is validated on its own (ruleSchema) so that one bad rule hides no other problem. */
    rules: z.array(z.unknown()).default([]),
  })
  .strict();

export type RuleFileInput = z.input<typeof ruleFileSchema>;
export type RuleFile = z.output<typeof ruleFileSchema>;
export type RuleEntry = z.output<typeof ruleSchema>;
export type Example = z.output<typeof exampleSchema>;
