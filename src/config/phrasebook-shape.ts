// The shape of a valid phrasebook file, as plain code: the constants the zod schemas use, and a
// fast acceptor that returns exactly what the zod schemas return for data it can vouch for and
// declines everything else (then the zod schemas run and say what is wrong). Importing zod costs
// more than linting an edited phrasebook file, so the hook does without it when the file is valid.

import { AREAS } from '../types.js';
import type { PhrasebookSchemas, Validator } from './phrasebook-digest.js';

/** An intent id: lower-case words with _, optionally an area and a dot before them (order.cancel). */
export const INTENT_ID = /^[a-z_]+(?:\.[a-z_]+)?$/;
/** `<intent>/<kebab-slug>`: an intent id (optionally with one dot) and a lower-case slug. */
export const TEMPLATE_ID = /^[a-z_]+(?:\.[a-z_]+)?\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

/** Thrown when the fast acceptor cannot vouch for the data. */
export class Declined extends Error {
  override readonly name = 'Declined';
}

const decline = (): never => {
  throw new Declined('not provably valid');
};

type Obj = Record<string, unknown>;

function object(data: unknown, keys: readonly string[]): Obj {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return decline();
  for (const k of Object.keys(data)) if (!keys.includes(k)) decline();
  return data as Obj;
}

const text = (v: unknown): string => (typeof v === 'string' && v.length >= 1 ? v : decline());
const texts = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(text) : decline());
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : decline());

function accept<T>(check: (data: unknown) => T): Validator<T> {
  return { safeParse: (data) => ({ success: true, data: check(data) }) };
}

export const fastSchemas: PhrasebookSchemas = {
  file: accept((data) => {
    const o = object(data, ['area', 'intents']);
    if (!(AREAS as readonly unknown[]).includes(o.area)) decline();
    return { area: o.area as string, intents: list(o.intents) };
  }),
  intent: accept((data) => {
    const o = object(data, ['id', 'title', 'examples', 'templates', 'custom']);
    const custom = o.custom === undefined ? false : typeof o.custom === 'boolean' ? o.custom : decline();
    return { id: text(o.id), title: text(o.title), examples: texts(o.examples), templates: list(o.templates), custom };
  }),
  template: accept((data) => {
    const o = object(data, ['id', 'title', 'locale', 'tags', 'text']);
    const id = text(o.id);
    if (!TEMPLATE_ID.test(id)) decline();
    const locale = o.locale === undefined ? 'zh-CN' : (LOCALES as readonly unknown[]).includes(o.locale) ? (o.locale as (typeof LOCALES)[number]) : decline();
    return { id, title: text(o.title), locale, tags: texts(o.tags), text: text(o.text) };
  }),
};
