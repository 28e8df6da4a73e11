// The zod schema of a rule file (banned-phrases.yaml or a team's own). Shapes only; what zod
// cannot see (duplicate ids, unknown categories and word classes, a kind's options, patterns that
// do not compile, examples that misbehave) is checked by load-rules.ts with positions.

import { z } from 'zod';

const text = z.string().min(1, 'must not be empty');
const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const bilingual = z.object({ zh: text, en: text }).strict();

export const exampleSchema = z.union([
  text,
  z.object({ text, output: z.string().optional() }).strict(),
]);

export const categorySchema = z
  .object({
    id: z.string().regex(kebab, 'category ids are lower-case kebab-case, e.g. "late-reply"'),
    severity: z.enum(['error', 'warning', 'info']),
    label: bilingual,
    description: bilingual,
    source: z.string().optional(),
  })
  .strict();

/** A word class: its words, or its words with a note on what the class is for. */
export const vocabEntrySchema = z.union([
  z.array(text).min(1, 'a word class needs at least one word'),
  z.object({ about: text, words: z.array(text).min(1, 'a word class needs at least one word'), source: z.string().optional() }).strict(),
]);

export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids look like "category/short-name" in lower-case kebab-case'),
    kind: z.string().default('phrase'),
    category: z.string().regex(kebab, 'a category id is lower-case kebab-case'),
    /** Defaults to the category's severity. */
    severity: z.enum(['error', 'warning', 'info', 'off']).optional(),
    message: bilingual,
    suggestions: z.array(text).default([]),
    fix: z.string().optional(),
    patterns: z.array(text).default([]),
    exceptions: z.array(text).default([]),
    /** Conditions that turn a match off; each is checked by load-rules.ts (conditions.ts). */
    unless: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).default([]),
    /** Conditions that lower a match's severity one step; written like `unless`. */
    soften: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).default([]),
    /** Validated against the kind's own schema by load-rules.ts. */
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
    /** `builtin` layers this file over the shipped rules; `none` replaces the shipped rules and word classes. */
    extends: z.enum(['builtin', 'none']).optional(),
    /** Categories this file declares (or redeclares: a later file's label and severity win). */
    categories: z.array(z.unknown()).default([]),
    vocab: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'word-class names are lower_snake_case'), z.unknown()).default({}),
    /** Each rule is validated on its own (ruleSchema) so that one bad rule hides no other problem. */
    rules: z.array(z.unknown()).default([]),
  })
  .strict();

export type RuleFileInput = z.input<typeof ruleFileSchema>;
export type RuleFile = z.output<typeof ruleFileSchema>;
export type RuleEntry = z.output<typeof ruleSchema>;
export type CategoryEntry = z.output<typeof categorySchema>;
export type Example = z.output<typeof exampleSchema>;
