// The request bodies of the HTTP API (SPEC §6) as zod schemas: they validate every request and
// give the handlers their TypeScript types. Unknown keys are errors, so a typo is reported.

import { z } from 'zod';
import { HttpError } from './http-error.js';
import { FIELD_MIN_SCORE, maskPersonalData } from '../pii/scan.js';

/** Values for template slots ({{店铺名}} …), as `replylint suggest --context` takes them. */
const slotContext = z.record(z.string(), z.union([z.string(), z.number()]));

export const checkBody = z.strictObject({
  text: z.string(),
  context: slotContext.optional(),
  failOn: z.enum(['error', 'warning', 'info']).optional(),
  locale: z.enum(['zh', 'en', 'auto']).optional(),
});

/** One earlier turn of the conversation (history is oldest first). */
const turn = z.strictObject({ role: z.enum(['customer', 'agent']), text: z.string() });

export const suggestBody = z.strictObject({
  message: z.string(),
  top: z.int().min(1).max(50).optional(),
  context: slotContext.optional(),
  history: z.array(turn).max(50).optional(),
  /** false: the ranking whatever the confidence. */
  abstain: z.boolean().optional(),
  /** Abstain below this confidence (overrides the configuration's). */
  threshold: z.number().min(0).max(1).optional(),
});

export const feedbackBody = z.strictObject({
  /** The `id` of a /v1/suggest answer. */
  id: z.string().min(1).max(100),
  /** The template the agent used, or null when none of the suggestions fitted. */
  templateId: z.string().min(1).max(200).nullable(),
});

export const rewriteBody = z.strictObject({
  text: z.string(),
  message: z.string().optional(),
  context: slotContext.optional(),
});

export type CheckBody = z.output<typeof checkBody>;
export type SuggestBody = z.output<typeof suggestBody>;
export type FeedbackBody = z.output<typeof feedbackBody>;
export type RewriteBody = z.output<typeof rewriteBody>;

/**
 * The body parsed by `schema`, or a 400 naming each bad field. Messages name fields and expected
 * types only — never the values sent, which may hold a customer's personal data — and a field
 * name that is itself a value (a phone number as a key) is masked before it is cut short.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const parts = r.error.issues.slice(0, 5).map((i) => {
    const where = i.path.length > 0 ? maskPersonalData(i.path.map(String).join('.')) : 'body';
    if (i.code === 'unrecognized_keys') return `${where}: unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${maskPersonalData(k, { minScore: FIELD_MIN_SCORE }).slice(0, 40)}"`).join(', ')}`;
    if (i.code === 'invalid_type' && i.message.endsWith('received undefined')) return `${where}: required (${i.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})`;
    return `${where}: ${i.message}`;
  });
  throw new HttpError(400, 'bad-request', parts.join('; '));
}
