// One section of the configuration file (`server:`, `audit:`, `llm:` …) validated by its own
// strict schema, with problems that point at the line and column in the file. The file is read
// and parsed again for positions only when something is wrong.

import type { z } from 'zod';
import { ConfigError, type Problem } from './problems.js';
import { readText } from './files.js';
import { parseYaml, zodProblems } from './yaml-source.js';

/**
 * Positioned problems for the `section:` issues (paths from the section's top). Without a
 * configuration file they sit at 1:1 of "(section settings)".
 */
export function sectionProblems(section: string, issues: readonly z.core.$ZodIssue[], configFile: string | null, hint = ''): Problem[] {
  if (!configFile) {
    return issues.map((i) => ({ file: `(${section} settings)`, line: 1, column: 1, code: 'schema', message: `${section}.${i.path.join('.')}: ${i.message}` }));
  }
  const { source } = parseYaml(configFile, readText(configFile, 'configuration file'));
  return zodProblems(source, issues.map((i) => ({ ...i, path: [section, ...i.path] }) as z.core.$ZodIssue), hint);
}

/** Validates the raw `section:` (absent = defaults); a bad one is a ConfigError with positions. */
export function parseSection<S extends z.ZodType>(schema: S, section: string, raw: unknown, configFile: string | null, hint = ''): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new ConfigError(sectionProblems(section, parsed.error.issues, configFile, hint));
}
