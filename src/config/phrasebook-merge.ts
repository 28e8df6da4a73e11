// The phrasebook checks that span files: one place per intent, template ids unique across all
// files. Works on per-file digests (what one file holds and where), so that a file that did not
// change need not be parsed again (the digests are plain data and can be cached by content).
// Imports neither yaml nor zod.

import type { IntentEntry, Phrasebook, SlotSpec, Template } from '../types.js';
import type { Problem } from './problems.js';

/** Where a scalar sits: 1-based line and column, and its offsets in the file. */
export interface Place {
  line: number;
  column: number;
  start: number;
  end: number;
}

/** A template text scalar as written: its value, offsets and YAML scalar type (for lint segments). */
export interface TextScalar {
  value: string;
  start: number;
  end: number;
  type: string;
}

/** What one phrasebook file holds, with places; everything the cross-file checks and `lint` need. */
export interface FileDigest {
  file: string;
  /** Problems found in the file alone (syntax, schema, unknown intents, slots …). */
  problems: Problem[];
  intents: Array<{ entry: IntentEntry; at: Place }>;
  templates: Array<{ template: Template; at: Place }>;
  /** Every template's text scalar, also of templates that failed their schema. */
  texts: TextScalar[];
}

export interface MergedPhrasebook {
  phrasebook: Phrasebook;
  /** Cross-file problems only. */
  problems: Problem[];
  /** Where each template id is first defined. */
  templateAt: Map<string, { file: string; at: Place }>;
}

export function mergePhrasebook(digests: readonly FileDigest[], slots: SlotSpec[]): MergedPhrasebook {
  const problems: Problem[] = [];
  const intents: IntentEntry[] = [];
  const templates: Template[] = [];
  const intentAt = new Map<string, string>();
  const templateAt = new Map<string, { file: string; at: Place }>();
  for (const d of digests) {
    for (const { entry, at } of d.intents) {
      const first = intentAt.get(entry.id);
      if (first) problems.push({ file: d.file, line: at.line, column: at.column, code: 'duplicate-intent', message: `intent "${entry.id}" is already defined at ${first}; keep each intent in one place`, found: entry.id });
      else intentAt.set(entry.id, `${d.file}:${at.line}`);
      intents.push(entry);
    }
    for (const { template, at } of d.templates) {
      const first = templateAt.get(template.id);
      if (first) {
        problems.push({
          file: d.file,
          line: at.line,
          column: at.column,
          code: 'duplicate-id',
          message: `template id "${template.id}" is already used at ${first.file}:${first.at.line}; template ids must be unique across files`,
          found: template.id,
        });
      } else templateAt.set(template.id, { file: d.file, at });
      templates.push(template);
    }
  }
  return { phrasebook: { intents, templates, slots }, problems, templateAt };
}
