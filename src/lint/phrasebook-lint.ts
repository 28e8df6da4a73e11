// Lints phrasebook files as a whole folder: the loader's validation (schema, duplicate ids across
// files, unknown intents, broken or undeclared slots), every template's text as a reply to check,
// and near-duplicate templates. Linting one file of a folder still validates it against its
// siblings, so a duplicate id in another file is found when only the edited file is linted.
//
// Each file's digest (config/phrasebook-merge.ts) is cached by content: a hook that lints one
// edited file parses that file only, and yaml and zod are not even loaded when nothing changed.

import { basename } from 'node:path';
import type { Finding } from '../types.js';
import type { Problem } from '../config/problems.js';
import { cached, cacheKey } from '../config/cache.js';
import { packageVersion } from '../config/files.js';
import { EXAMPLES_FILES, isPhrasebookDataFile, SLOTS_FILE, SYNONYMS_FILE } from '../config/phrasebook-files.js';
import { mergePhrasebook, type FileDigest } from '../config/phrasebook-merge.js';
import type { PhrasebookText } from '../config/phrasebook-digest.js';
import { NEAR_DUPLICATE_RULE, nearDuplicates } from './near-duplicates.js';
import { scalarSegment, type Segment } from './segment.js';

export type FileKind = 'phrasebook' | 'slots' | 'synonyms' | 'examples' | 'replies';

/**
 * What a file is. A YAML file with a top-level `intents:` or `area:` key is a phrasebook file
 * (wherever it is); slots.yaml, synonyms.yaml, out-of-scope.yaml and learned.yaml are the
 * phrasebook's tables when they have their top-level key; every other file holds replies. Decided on the text, so a phrasebook file
 * with a syntax error is still validated as one.
 */
export function fileKind(file: string, content: string): FileKind {
  if (!/\.ya?ml$/i.test(file)) return 'replies';
  const name = basename(file);
  if (name === SLOTS_FILE && /^slots\s*:/m.test(content)) return 'slots';
  if (name === SYNONYMS_FILE && /^groups\s*:/m.test(content)) return 'synonyms';
  if (EXAMPLES_FILES.includes(name) && /^(?:outOfScope|intents)\s*:/m.test(content)) return 'examples';
  if (isPhrasebookDataFile(file) && /^(?:intents|area)\s*:/m.test(content)) return 'phrasebook';
  return 'replies';
}

export interface FolderFile extends PhrasebookText {
  /** Reported on; the others only take part in the folder-wide checks. */
  linted: boolean;
  /** false: the digest is not stored in the content cache (an editor's unsaved text). */
  cache?: boolean;
}

export interface PhrasebookFileLint {
  /** Template texts, to check as replies. */
  segments: Segment[];
  problems: Problem[];
  /** Folder-level findings in file coordinates (near-duplicates). */
  findings: Finding[];
}

/** Slot names declared in slots.yaml (cached by content; zod loads only on a miss). */
async function slotNamesOf(slots: PhrasebookText): Promise<string[]> {
  return cached(cacheKey('phrasebook-slot-names', packageVersion(), [slots]), async () => {
    const { parseSlots } = await import('../config/load-phrasebook.js');
    return parseSlots(slots, []).map((s) => s.name);
  });
}

async function digestOf(input: PhrasebookText, slots: PhrasebookText | null, useCache = true): Promise<FileDigest> {
  const compute = async (): Promise<FileDigest> => {
    const names = slots ? await slotNamesOf(slots) : null;
    const [{ digestPhrasebookFile }, { fastSchemas, Declined }] = await Promise.all([import('../config/phrasebook-digest.js'), import('../config/phrasebook-shape.js')]);
    try {
      return digestPhrasebookFile(input, names, fastSchemas);
    } catch (e) {
      if (!(e instanceof Declined)) throw e;
      // Something is wrong with the file: the zod schemas say what, and where.
      const { zodSchemas } = await import('../config/load-phrasebook.js');
      return digestPhrasebookFile(input, names, zodSchemas);
    }
  };
  if (!useCache) return compute();
  // Unknown slots depend on slots.yaml, so its text is part of the key.
  return cached(cacheKey('phrasebook-file', packageVersion(), [input, slots ?? { file: '', text: '' }]), compute);
}

const byPlace = (a: Problem, b: Problem): number => a.line - b.line || a.column - b.column;

/**
 * Lints the files of one phrasebook folder. `slots` is the folder's slots.yaml (undeclared slots
 * are only reported when there is one).
 */
export async function lintPhrasebookFolder(files: readonly FolderFile[], slots: PhrasebookText | null): Promise<Map<string, PhrasebookFileLint>> {
  // Files only taking part come first, so that a clash between an edited file and an untouched
  // one is reported in the edited file (the second occurrence is the one reported).
  const ordered = [...files.filter((f) => !f.linted), ...files.filter((f) => f.linted)];
  const digests = await Promise.all(ordered.map((f) => digestOf({ file: f.file, text: f.text }, slots, f.cache !== false)));
  const merged = mergePhrasebook(digests, []);
  const out = new Map<string, PhrasebookFileLint>();
  ordered.forEach((f, i) => {
    if (!f.linted) return;
    const d = digests[i]!;
    out.set(f.file, {
      segments: d.texts.filter((t) => t.value.trim()).map((t) => scalarSegment(f.text, { range: [t.start, t.end], value: t.value, type: t.type })),
      problems: [...d.problems],
      findings: [],
    });
  });
  for (const p of merged.problems) out.get(p.file)?.problems.push(p);
  for (const entry of out.values()) entry.problems.sort(byPlace);

  // Where each template is, by id: the later occurrence is the one a near-duplicate is reported at.
  const place = new Map<string, { file: string; line: number; column: number; start: number; end: number; text: string }>();
  ordered.forEach((f, i) => {
    for (const t of digests[i]!.templates) place.set(t.template.id, { file: f.file, ...t.at, text: f.text });
  });
  for (const d of nearDuplicates(merged.phrasebook.templates)) {
    const at = place.get(d.second);
    const first = merged.templateAt.get(d.first);
    const entry = at && out.get(at.file);
    if (!at || !first || !entry) continue;
    entry.findings.push({
      ruleId: NEAR_DUPLICATE_RULE,
      category: 'style',
      severity: 'warning',
      message: `template "${d.second}" says nearly the same as "${d.first}" (${first.file}:${first.at.line}; ${Math.round(d.similarity * 100)}% of character pairs shared)`,
      start: at.start,
      end: at.end,
      line: at.line,
      column: at.column,
      excerpt: at.text.slice(at.start, at.end),
      suggestions: ['merge the two templates, or make each say something the other does not'],
    });
  }
  return out;
}

/** Problems of slots.yaml, synonyms.yaml or an examples file linted on their own (cached by content). */
export async function lintTableFile(kind: 'slots' | 'synonyms' | 'examples', input: PhrasebookText): Promise<Problem[]> {
  return cached(cacheKey(`phrasebook-${kind}`, packageVersion(), [input]), async () => {
    const { parseSlots, parseSynonyms, parseExamples } = await import('../config/load-phrasebook.js');
    const problems: Problem[] = [];
    if (kind === 'slots') parseSlots(input, problems);
    else if (kind === 'synonyms') parseSynonyms(input, problems);
    else parseExamples(input, problems);
    return problems;
  });
}
