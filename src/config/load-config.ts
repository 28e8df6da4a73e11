// Reads and validates a configuration file, with positions for every problem.

import { configSchema, type Config } from './config-schema.js';
import { parseYaml, zodProblems, positionAt } from './yaml-source.js';
import { ConfigError, type Problem } from './problems.js';
import { CATEGORIES } from '../types.js';

export function parseConfig(file: string, text: string): Config {
  const { source, problems } = parseYaml(file, text);
  if (problems.length > 0) throw new ConfigError(problems);
  const parsed = configSchema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) throw new ConfigError(zodProblems(source, parsed.error.issues));
  const bad: Problem[] = [];
  for (const key of Object.keys(parsed.data.rules)) {
    if (!key.includes('/') && !(CATEGORIES as readonly string[]).includes(key)) {
      bad.push({ file, ...positionAt(source, ['rules', key]), code: 'unknown-category', message: `"${key}" is neither a rule id (category/name) nor a category (${CATEGORIES.join(', ')})`, found: key });
    }
  }
  if (bad.length > 0) throw new ConfigError(bad);
  return parsed.data;
}
