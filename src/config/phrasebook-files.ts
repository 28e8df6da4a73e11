// Which files of a phrasebook folder are what: slots.yaml, synonyms.yaml, and every other YAML
// file holding intents and templates.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from './problems.js';

export const SLOTS_FILE = 'slots.yaml';
export const SYNONYMS_FILE = 'synonyms.yaml';

export function isPhrasebookDataFile(path: string): boolean {
  const name = basename(path);
  return /\.ya?ml$/i.test(name) && name !== SLOTS_FILE && name !== SYNONYMS_FILE && !name.startsWith('.');
}

export function phrasebookFiles(dir: string): { templates: string[]; slots: string | null; synonyms: string | null } {
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
  };
}
