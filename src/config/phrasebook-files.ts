// Which files of a phrasebook folder are what: slots.yaml, synonyms.yaml, out-of-scope.yaml and
// learned.yaml (more customer examples: what no intent fits, and what `replylint tune` learned from
// the agents' choices), and every other YAML file holding intents and templates.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from './problems.js';

export const SLOTS_FILE = 'slots.yaml';
export const SYNONYMS_FILE = 'synonyms.yaml';
export const OUT_OF_SCOPE_FILE = 'out-of-scope.yaml';
export const LEARNED_FILE = 'learned.yaml';
/** The files that hold customer examples only (no templates). */
export const EXAMPLES_FILES: readonly string[] = [OUT_OF_SCOPE_FILE, LEARNED_FILE];

export function isPhrasebookDataFile(path: string): boolean {
  const name = basename(path);
  return /\.ya?ml$/i.test(name) && name !== SLOTS_FILE && name !== SYNONYMS_FILE && !EXAMPLES_FILES.includes(name) && !name.startsWith('.');
}

export interface PhrasebookFolder {
  templates: string[];
  slots: string | null;
  synonyms: string | null;
  outOfScope: string | null;
  learned: string | null;
}

export function phrasebookFiles(dir: string): PhrasebookFolder {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new ConfigError([{ file: dir, line: 1, column: 1, code: 'unreadable', message: 'cannot read the phrasebook folder (pass --phrasebook DIR)' }]);
  }
  return {
    templates: names.filter(isPhrasebookDataFile).map((n) => join(dir, n)),
    slots: names.includes(SLOTS_FILE) ? join(dir, SLOTS_FILE) : null,
    synonyms: names.includes(SYNONYMS_FILE) ? join(dir, SYNONYMS_FILE) : null,
    outOfScope: names.includes(OUT_OF_SCOPE_FILE) ? join(dir, OUT_OF_SCOPE_FILE) : null,
    learned: names.includes(LEARNED_FILE) ? join(dir, LEARNED_FILE) : null,
  };
}
