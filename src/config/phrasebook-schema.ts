// zod schemas of the phrasebook: one file per area with intents, their customer examples and
// templates, and slots.yaml declaring the slots templates may use.

import { z } from 'zod';
import { AREAS } from '../types.js';
import { LOCALES, TEMPLATE_ID } from './phrasebook-shape.js';

const text = z.string().min(1, 'must not be empty');

export const templateSchema = z
  .object({
    id: z.string().regex(TEMPLATE_ID, 'template ids look like "<intent>/<kebab-slug>"'),
    title: text,
    locale: z.enum(LOCALES).default('zh-CN'),
    tags: z.array(text).default([]),
    text,
  })
  .strict();

export const intentSchema = z
  .object({
    id: text,
    title: text,
    examples: z.array(text).default([]),
    templates: z.array(z.unknown()).default([]),
    /** A team's own intent (an id the shipped phrasebook does not define). */
    custom: z.boolean().default(false),
  })
  .strict();

export const phrasebookFileSchema = z
  .object({
    area: z.enum(AREAS),
    intents: z.array(z.unknown()).default([]),
  })
  .strict();

export const slotsFileSchema = z
  .object({
    slots: z.record(z.string().regex(/^[\p{L}\p{N}_]+$/u, 'slot names are letters, digits or _'), z.object({ description: text, fill: z.enum(['message', 'context', 'none']).default('none') }).strict()),
  })
  .strict();

export const synonymsFileSchema = z
  .object({
    groups: z.array(z.array(text).min(2, 'a group needs a canonical form and at least one variant')),
    /** Word classes by name: every member in a message adds the class as a ranking feature. */
    classes: z.record(z.string().regex(/^[\p{L}\p{N}_-]+$/u, 'class names are letters, digits, _ or -'), z.array(text).min(1, 'a class needs members')).default({}),
  })
  .strict();

/** out-of-scope.yaml and learned.yaml: customer messages by intent, and messages no intent fits. */
export const examplesFileSchema = z
  .object({
    /** Intent id → more customer examples for it. */
    intents: z.record(z.string(), z.array(text)).default({}),
    /** Customer messages no intent fits (chit-chat, fragments, what the shop does not do). */
    outOfScope: z.array(text).default([]),
  })
  .strict();
