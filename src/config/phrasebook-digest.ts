// One phrasebook file on its own: parsed with positions, validated by the schemas it is given,
// checked for unknown intents, template ids outside their intent and broken or undeclared slots,
// and summed up as a digest (phrasebook-merge.ts) for the checks across files. Imports yaml but
// not zod, so that a valid file can be digested without loading zod (phrasebook-shape.ts).

import { isMap, isScalar, isSeq } from 'yaml';
import { INTENTS, type Template } from '../types.js';
import type { FileDigest, Place, TextScalar } from './phrasebook-merge.js';
import { INTENT_ID } from './phrasebook-shape.js';
import { nodeAt, parseYaml, positionAt, positionInString, zodProblems, type Path, type YamlSource } from './yaml-source.js';
import type { z } from 'zod';

export interface PhrasebookText {
  file: string;
  text: string;
}

/** What validates each level of a phrasebook file (zod schemas have exactly this shape). */
export interface PhrasebookSchemas {
  file: Validator<{ area: string; intents: unknown[] }>;
  intent: Validator<{ id: string; title: string; examples: string[]; templates: unknown[]; custom: boolean }>;
  template: Validator<{ id: string; title: string; locale: 'zh-CN' | 'zh-TW' | 'en'; tags: string[]; text: string }>;
}

export interface Validator<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };
}

/** A slot reference: {{name}} with optional blanks inside the braces. */
const SLOT = /\{\{\s*([^{}\s]+)\s*\}\}/g;
/** Something that looks like a slot but is not one: {{}}, {{a b}}, unclosed {{, single or full-width braces. */
const BROKEN_SLOT = /\{\{\s*\}\}|\{\{[^{}]*\s[^{}\s][^{}]*\}\}|\{\{(?![^{}]*\}\})|(?<!\{)\{(?!\{)[\p{L}\p{N}_]{1,12}\}(?!\})|｛｛|｝｝|【【/gu;

export function slotsOf(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(SLOT)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** "did you mean …" for a misspelt name, when one is close. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = editDistance(name, k);
    if (dist < bestD) {
      bestD = dist;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/**
 * Reads one phrasebook file on its own; `slotNames` null = no slots.yaml, slots are not checked.
 * `schemas` validate the parsed data: the zod schemas, or the fast acceptor of valid files
 * (phrasebook-shape.ts), which throws when it cannot vouch for the data.
 */
export function digestPhrasebookFile(input: PhrasebookText, slotNames: readonly string[] | null, schemas: PhrasebookSchemas): FileDigest {
  const digest: FileDigest = { file: input.file, problems: [], intents: [], templates: [], texts: [] };
  const problems = digest.problems;
  const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
  if (yamlProblems.length > 0) {
    problems.push(...yamlProblems);
    return digest;
  }
  digest.texts = textScalars(source);
  const file = schemas.file.safeParse(source.doc.toJS() ?? {});
  if (!file.success) {
    problems.push(...zodProblems(source, file.error.issues));
    return digest;
  }
  const at = (path: Path) => ({ file: input.file, ...positionAt(source, path) });
  file.data.intents.forEach((rawIntent, i) => {
    const intent = schemas.intent.safeParse(rawIntent);
    if (!intent.success) {
      problems.push(...zodProblems(source, intent.error.issues.map((x) => ({ ...x, path: ['intents', i, ...x.path] }))));
      return;
    }
    const { id, title, examples, custom } = intent.data;
    // A shipped intent id, or a team's own intent declared with `custom: true` (so that a typo in a
    // shipped id is caught rather than taken for a new intent).
    if (custom && !INTENT_ID.test(id)) {
      problems.push({ ...at(['intents', i, 'id']), code: 'bad-intent-id', message: `intent id "${id}" must be lower-case words with _, optionally after an area and a dot (like "order.gift_wrap")`, found: id });
    } else if (!custom && !(INTENTS as readonly string[]).includes(id)) {
      const hint = closest(id, INTENTS);
      problems.push({
        ...at(['intents', i, 'id']),
        code: 'unknown-intent',
        message: `unknown intent "${id}"${hint ? ` — did you mean "${hint}"?` : ''}; a team's own intent is declared with "custom: true"`,
        found: id,
      });
    }
    digest.intents.push({ entry: { id, title, area: file.data.area, examples }, at: placeOf(source, ['intents', i, 'id']) });

    intent.data.templates.forEach((rawTemplate, j) => {
      const base: Path = ['intents', i, 'templates', j];
      const t = schemas.template.safeParse(rawTemplate);
      if (!t.success) {
        problems.push(...zodProblems(source, t.error.issues.map((x) => ({ ...x, path: [...base, ...x.path] }))));
        return;
      }
      const tpl = t.data;
      const prefix = tpl.id.slice(0, tpl.id.indexOf('/'));
      if (prefix !== id) {
        problems.push({ ...at([...base, 'id']), code: 'template-intent', message: `template "${tpl.id}" sits under intent "${id}"; its id must start with "${id}/"`, found: tpl.id });
      }
      for (const m of tpl.text.matchAll(BROKEN_SLOT)) {
        problems.push({ file: input.file, ...positionInString(source, [...base, 'text'], m.index), code: 'malformed-slot', message: `malformed slot "${m[0]}": write slots as {{名称}}`, found: m[0] });
      }
      for (const m of tpl.text.matchAll(SLOT)) {
        if (slotNames && !slotNames.includes(m[1]!)) {
          const hint = closest(m[1]!, slotNames);
          problems.push({
            file: input.file,
            ...positionInString(source, [...base, 'text'], m.index),
            code: 'unknown-slot',
            message: `unknown slot {{${m[1]}}}${hint ? ` — did you mean {{${hint}}}?` : ''}; declare it in slots.yaml`,
            found: m[0],
          });
        }
      }
      const template: Template = { id: tpl.id, intent: id, title: tpl.title, locale: tpl.locale, tags: tpl.tags, text: tpl.text, slots: slotsOf(tpl.text) };
      digest.templates.push({ template, at: placeOf(source, [...base, 'id']) });
    });
  });
  return digest;
}

function placeOf(source: YamlSource, path: Path): Place {
  const node = nodeAt(source, path);
  const [start, end] = node?.range ?? [0, 0];
  const { line, col } = source.lines.linePos(start);
  return { line, column: col, start, end };
}

/** The text scalars of every template, whatever else is wrong with the file. */
function textScalars(source: YamlSource): TextScalar[] {
  const out: TextScalar[] = [];
  const intents = source.doc.get('intents', true);
  if (!isSeq(intents)) return out;
  for (const intent of intents.items) {
    const templates = isMap(intent) ? intent.get('templates', true) : null;
    if (!isSeq(templates)) continue;
    for (const t of templates.items) {
      const text = isMap(t) ? t.get('text', true) : null;
      if (isScalar(text) && typeof text.value === 'string' && text.range) out.push({ value: text.value, start: text.range[0], end: text.range[1], type: text.type ?? 'PLAIN' });
    }
  }
  return out;
}
