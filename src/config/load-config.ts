// Reads and validates a configuration file, with positions for every problem (and for the keys
// of `rules:`, which can only be checked against the rule files).

import { configSchema, type Config } from './config-schema.js';
import { parseYaml, zodProblems, keyPosition } from './yaml-source.js';
import { ConfigError } from './problems.js';

export function parseConfig(file: string, text: string): Config {
  const { source, problems } = parseYaml(file, text);
  if (problems.length > 0) throw new ConfigError(problems);
  const parsed = configSchema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError(zodProblems(source, parsed.error.issues));
  // Rule ids and categories are checked once the rule files are loaded (engine.applySeverities):
  // a team's rule file may declare categories of its own.
  const rulePositions = Object.fromEntries(Object.keys(parsed.data.rules).map((key) => [key, keyPosition(source, ['rules'], key)]));
  return { ...parsed.data, rulePositions };
}
