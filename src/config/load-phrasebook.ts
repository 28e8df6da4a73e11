// Loads and validates the phrasebook: every file's schema, intent ids of SPEC §5, template ids
// that are unique across files and prefixed by their intent, and slots that are well formed and
// declared in slots.yaml. Returns what loaded and every problem with its place; the caller decides
// whether problems are fatal (suggest) or findings (lint).

import { INTENTS, type IntentEntry, type Phrasebook, type SlotSpec, type Template } from '../types.js';
import { intentSchema, phrasebookFileSchema, slotsFileSchema, synonymsFileSchema, templateSchema } from './phrasebook-schema.js';
import { parseYaml, positionAt, positionInString, zodProblems, type Path } from './yaml-source.js';
import type { Problem } from './problems.js';

export interface PhrasebookText {
  file: string;
  text: string;
}

export interface PhrasebookLoad {
  phrasebook: Phrasebook;
  problems: Problem[];
  /** Where each template's text is: file and YAML path (for linting it in place). */
  textPaths: Map<string, { file: string; path: Path }>;
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

export function parseSlots(input: PhrasebookText, problems: Problem[]): SlotSpec[] {
  const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
  if (yamlProblems.length > 0) {
    problems.push(...yamlProblems);
    return [];
  }
  const parsed = slotsFileSchema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(source, parsed.error.issues));
    return [];
  }
  return Object.entries(parsed.data.slots).map(([name, s]) => ({ name, description: s.description, fill: s.fill }));
}

export function parseSynonyms(input: PhrasebookText, problems: Problem[]): string[][] {
  const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
  if (yamlProblems.length > 0) {
    problems.push(...yamlProblems);
    return [];
  }
  const parsed = synonymsFileSchema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(source, parsed.error.issues));
    return [];
  }
  return parsed.data.groups;
}

export function loadPhrasebook(files: readonly PhrasebookText[], slotsFile: PhrasebookText | null): PhrasebookLoad {
  const problems: Problem[] = [];
  const slots = slotsFile ? parseSlots(slotsFile, problems) : [];
  const slotNames = slots.map((s) => s.name);
  const intents: IntentEntry[] = [];
  const templates: Template[] = [];
  const textPaths = new Map<string, { file: string; path: Path }>();
  const intentAt = new Map<string, string>();
  const templateAt = new Map<string, string>();

  for (const input of files) {
    const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
    if (yamlProblems.length > 0) {
      problems.push(...yamlProblems);
      continue;
    }
    const file = phrasebookFileSchema.safeParse(source.doc.toJS() ?? {});
    if (!file.success) {
      problems.push(...zodProblems(source, file.error.issues));
      continue;
    }
    const at = (path: Path) => ({ file: input.file, ...positionAt(source, path) });
    file.data.intents.forEach((rawIntent, i) => {
      const intent = intentSchema.safeParse(rawIntent);
      if (!intent.success) {
        problems.push(...zodProblems(source, intent.error.issues.map((x) => ({ ...x, path: ['intents', i, ...x.path] }))));
        return;
      }
      const { id, title, examples } = intent.data;
      if (!(INTENTS as readonly string[]).includes(id)) {
        const hint = closest(id, INTENTS);
        problems.push({ ...at(['intents', i, 'id']), code: 'unknown-intent', message: `unknown intent "${id}"${hint ? ` — did you mean "${hint}"?` : ''} (intent ids are fixed by SPEC §5)`, found: id });
      }
      const first = intentAt.get(id);
      if (first) problems.push({ ...at(['intents', i, 'id']), code: 'duplicate-intent', message: `intent "${id}" is already defined at ${first}; keep each intent in one place`, found: id });
      else intentAt.set(id, `${input.file}:${positionAt(source, ['intents', i, 'id']).line}`);
      intents.push({ id, title, area: file.data.area, examples });

      intent.data.templates.forEach((rawTemplate, j) => {
        const base: Path = ['intents', i, 'templates', j];
        const t = templateSchema.safeParse(rawTemplate);
        if (!t.success) {
          problems.push(...zodProblems(source, t.error.issues.map((x) => ({ ...x, path: [...base, ...x.path] }))));
          return;
        }
        const tpl = t.data;
        const prefix = tpl.id.slice(0, tpl.id.indexOf('/'));
        if (prefix !== id) {
          problems.push({ ...at([...base, 'id']), code: 'template-intent', message: `template "${tpl.id}" sits under intent "${id}"; its id must start with "${id}/"`, found: tpl.id });
        }
        const firstT = templateAt.get(tpl.id);
        if (firstT) problems.push({ ...at([...base, 'id']), code: 'duplicate-id', message: `template id "${tpl.id}" is already used at ${firstT}; template ids must be unique across files`, found: tpl.id });
        else templateAt.set(tpl.id, `${input.file}:${positionAt(source, [...base, 'id']).line}`);

        for (const m of tpl.text.matchAll(BROKEN_SLOT)) {
          problems.push({ file: input.file, ...positionInString(source, [...base, 'text'], m.index), code: 'malformed-slot', message: `malformed slot "${m[0]}": write slots as {{名称}}`, found: m[0] });
        }
        for (const m of tpl.text.matchAll(SLOT)) {
          if (slotsFile && !slotNames.includes(m[1]!)) {
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
        templates.push({ id: tpl.id, intent: id, title: tpl.title, locale: tpl.locale, tags: tpl.tags, text: tpl.text, slots: slotsOf(tpl.text) });
        textPaths.set(tpl.id, { file: input.file, path: [...base, 'text'] });
      });
    });
  }
  return { phrasebook: { intents, templates, slots }, problems, textPaths };
}
