// Loads and validates the phrasebook: every file's schema, intent ids of SPEC §5, template ids
// that are unique across files (phrasebook-merge.ts) and prefixed by their intent, and slots that
// are well formed and declared in slots.yaml (phrasebook-digest.ts). Returns what loaded and every
// problem with its place; the caller decides whether problems are fatal (suggest) or findings (lint).

import type { Phrasebook, SlotSpec } from '../types.js';
import { mergePhrasebook, type FileDigest } from './phrasebook-merge.js';
import { digestPhrasebookFile, type PhrasebookSchemas, type PhrasebookText, type Validator } from './phrasebook-digest.js';
import { intentSchema, phrasebookFileSchema, slotsFileSchema, synonymsFileSchema, templateSchema } from './phrasebook-schema.js';
import { parseYaml, zodProblems } from './yaml-source.js';
import type { Problem } from './problems.js';

export { closest, digestPhrasebookFile, slotsOf, type PhrasebookText } from './phrasebook-digest.js';

/** The zod schemas of the three levels of a phrasebook file. */
export const zodSchemas: PhrasebookSchemas = { file: phrasebookFileSchema, intent: intentSchema, template: templateSchema };

export interface PhrasebookLoad {
  phrasebook: Phrasebook;
  problems: Problem[];
  /** What each file holds and where (for linting in place). */
  digests: FileDigest[];
}

/** Parses a phrasebook table file (slots.yaml, synonyms.yaml) with its schema; null and problems when it is not valid. */
function parseTable<T>(input: PhrasebookText, schema: Validator<T>, problems: Problem[]): T | null {
  const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
  if (yamlProblems.length > 0) {
    problems.push(...yamlProblems);
    return null;
  }
  const parsed = schema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(source, parsed.error.issues));
    return null;
  }
  return parsed.data;
}

export function parseSlots(input: PhrasebookText, problems: Problem[]): SlotSpec[] {
  const data = parseTable(input, slotsFileSchema, problems);
  return data ? Object.entries(data.slots).map(([name, s]) => ({ name, description: s.description, fill: s.fill })) : [];
}

export function parseSynonyms(input: PhrasebookText, problems: Problem[]): string[][] {
  return parseTable(input, synonymsFileSchema, problems)?.groups ?? [];
}

export function loadPhrasebook(files: readonly PhrasebookText[], slotsFile: PhrasebookText | null): PhrasebookLoad {
  const problems: Problem[] = [];
  const slots = slotsFile ? parseSlots(slotsFile, problems) : [];
  const slotNames = slotsFile ? slots.map((s) => s.name) : null;
  const digests = files.map((f) => digestPhrasebookFile(f, slotNames, zodSchemas));
  const merged = mergePhrasebook(digests, slots);
  for (const d of digests) problems.push(...d.problems);
  problems.push(...merged.problems);
  return { phrasebook: merged.phrasebook, problems, digests };
}
