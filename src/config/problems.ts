// Problems found in a configuration or data file, with the place and what to do about it, and
// the error that carries all of them at once.

export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Stable machine-readable code: yaml-syntax, schema, duplicate-id, bad-pattern … */
  code: string;
  message: string;
  /** The offending text, when there is one. */
  found?: string;
}

export function formatProblem(p: Problem): string {
  const found = p.found !== undefined ? ` (found: ${JSON.stringify(p.found.length > 80 ? p.found.slice(0, 77) + '…' : p.found)})` : '';
  return `${p.file}:${p.line}:${p.column}: ${p.code}: ${p.message}${found}`;
}

export class ConfigError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
