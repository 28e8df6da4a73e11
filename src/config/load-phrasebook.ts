// Loads and validates the phrasebook: every file's schema, the shipped intent ids (or a team's own,
// declared custom), template ids that are unique across files (phrasebook-merge.ts) and prefixed by
// their intent, slots that are well formed and declared in slots.yaml (phrasebook-digest.ts), and
// the example files (out-of-scope.yaml, learned.yaml) whose intents must exist. Returns what loaded
// and every problem with its place; the caller decides whether problems are fatal (suggest) or
// findings (lint).

import type { Phrasebook, SlotSpec } from '../types.js';
import type { WordClass } from '../rank/features.js';
import { mergePhrasebook, type FileDigest } from './phrasebook-merge.js';
import { digestPhrasebookFile, type PhrasebookSchemas, type PhrasebookText, type Validator } from './phrasebook-digest.js';
import { examplesFileSchema, intentSchema, phrasebookFileSchema, slotsFileSchema, synonymsFileSchema, templateSchema } from './phrasebook-schema.js';
import { isMap, isScalar } from 'yaml';
import { nodeAt, parseYaml, positionAt, zodProblems, type Path } from './yaml-source.js';
import type { Problem } from './problems.js';

export { closest, digestPhrasebookFile, slotsOf, type PhrasebookText } from './phrasebook-digest.js';
import { closest } from './phrasebook-digest.js';
import type { YamlSource } from './yaml-source.js';

/** The zod schemas of the three levels of a phrasebook file. */
export const zodSchemas: PhrasebookSchemas = { file: phrasebookFileSchema, intent: intentSchema, template: templateSchema };

export interface PhrasebookLoad {
  phrasebook: Phrasebook;
  problems: Problem[];
  /** What each file holds and where (for linting in place). */
  digests: FileDigest[];
}

/** Parses a phrasebook table file (slots.yaml, synonyms.yaml …) with its schema; null and problems when it is not valid. */
function parseTable<T>(input: PhrasebookText, schema: Validator<T>, problems: Problem[]): { data: T; source: YamlSource } | null {
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
  return { data: parsed.data, source };
}

export function parseSlots(input: PhrasebookText, problems: Problem[]): SlotSpec[] {
  const data = parseTable(input, slotsFileSchema, problems)?.data;
  return data ? Object.entries(data.slots).map(([name, s]) => ({ name, description: s.description, fill: s.fill })) : [];
}

/** The ranker's vocabulary: synonym groups and word classes. */
export interface RankVocabulary {
  groups: string[][];
  classes: WordClass[];
}

export function parseSynonyms(input: PhrasebookText, problems: Problem[]): RankVocabulary {
  const data = parseTable(input, synonymsFileSchema, problems)?.data;
  return { groups: data?.groups ?? [], classes: Object.entries(data?.classes ?? {}).map(([name, members]) => ({ name, members })) };
}

/** An examples file (out-of-scope.yaml, learned.yaml): more examples by intent, and messages no intent fits. */
export interface ExtraExamples {
  intents: Record<string, string[]>;
  outOfScope: string[];
}

/**
 * Parses an examples file. With `intents` (the phrasebook's intent ids), an intent it does not
 * define is a problem at its place (its examples are dropped).
 */
export function parseExamples(input: PhrasebookText, problems: Problem[], intents?: readonly string[]): ExtraExamples {
  const parsed = parseTable(input, examplesFileSchema, problems);
  if (!parsed) return { intents: {}, outOfScope: [] };
  const out: ExtraExamples = { intents: {}, outOfScope: parsed.data.outOfScope };
  for (const [id, examples] of Object.entries(parsed.data.intents)) {
    if (intents && !intents.includes(id)) {
      const hint = closest(id, intents);
      problems.push({ file: input.file, ...keyPosition(parsed.source, ['intents'], id), code: 'unknown-intent', message: `the phrasebook has no intent "${id}"${hint ? ` — did you mean "${hint}"?` : ''}`, found: id });
      continue;
    }
    out.intents[id] = examples;
  }
  return out;
}

/** Where the key `key` of the map at `path` is written (the map's own place when it is not found). */
function keyPosition(source: YamlSource, path: Path, key: string): { line: number; column: number } {
  const map = nodeAt(source, path);
  if (isMap(map)) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (range) {
      const { line, col } = source.lines.linePos(range[0]);
      return { line, column: col };
    }
  }
  return positionAt(source, path);
}

/** The phrasebook with the examples files' intent examples added to their intents. */
export function withExamples(pb: Phrasebook, extra: readonly ExtraExamples[]): Phrasebook {
  if (extra.every((x) => Object.keys(x.intents).length === 0)) return pb;
  return {
    ...pb,
    intents: pb.intents.map((i) => {
      const more = extra.flatMap((x) => x.intents[i.id] ?? []);
      if (more.length === 0) return i;
      const seen = new Set(i.examples);
      return { ...i, examples: [...i.examples, ...more.filter((e) => !seen.has(e) && (seen.add(e), true))] };
    }),
  };
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
