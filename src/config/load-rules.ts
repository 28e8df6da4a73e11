// Loads rule files (banned-phrases.yaml and teams' own) into a validated RuleSet: YAML with
// positions → zod schema → ids, patterns and vocabularies → each rule's own examples run against
// it. Every problem in every file is collected and reported together; loading never half-succeeds.

import type { RuleSpec, RuleSet } from '../types.js';
import { ruleFileSchema, ruleSchema, type RuleFile, type RuleEntry, type Example } from './rules-schema.js';
import { parseYaml, positionAt, positionInString, zodProblems, type YamlSource } from './yaml-source.js';
import { compilePattern, isRegexPattern, type PatternEnv } from './patterns.js';
import { ConfigError, type Problem } from './problems.js';
import { compileRules } from '../core/compile.js';
import { check, type CoreEnv } from '../core/check.js';
import { RECOGNIZER_NAMES } from '../pii/registry.js';

export interface RuleFileText {
  file: string;
  text: string;
}

interface ParsedFile {
  source: YamlSource;
  data: RuleFile;
  /** Validated entries and, in the same order, the specs compiled from them. */
  entries: Array<{ index: number; entry: RuleEntry }>;
  rules: RuleSpec[];
}

const exampleText = (e: Example): string => (typeof e === 'string' ? e : e.text);

/** Validates and compiles the patterns of one file; problems are appended to `problems`. */
function parseRuleFile(input: RuleFileText, inheritedVocab: ReadonlyMap<string, readonly string[]>, core: CoreEnv, problems: Problem[]): ParsedFile | null {
  const { source, problems: yamlProblems } = parseYaml(input.file, input.text);
  if (yamlProblems.length > 0) {
    problems.push(...yamlProblems);
    return null;
  }
  const parsed = ruleFileSchema.safeParse(source.doc.toJS() ?? {});
  if (!parsed.success) {
    problems.push(...zodProblems(source, parsed.error.issues));
    return null;
  }
  const data = parsed.data;
  const vocab = new Map(data.extends === 'none' ? [] : inheritedVocab);
  for (const [k, v] of Object.entries(data.vocab)) vocab.set(k, v);
  const env: PatternEnv = { vocab, ...(core.convert ? { convert: core.convert } : {}) };

  const before = problems.length;
  const entries: ParsedFile['entries'] = [];
  data.rules.forEach((raw, index) => {
    const checked = ruleSchema.safeParse(raw);
    if (checked.success) entries.push({ index, entry: checked.data });
    else problems.push(...zodProblems(source, checked.error.issues.map((issue) => ({ ...issue, path: ['rules', index, ...issue.path] }))));
  });
  const seen = new Map<string, number>();
  const rules: RuleSpec[] = [];
  entries.forEach(({ index: i, entry: r }) => {
    const at = (...rest: Array<string | number>) => positionAt(source, ['rules', i, ...rest]);
    const first = seen.get(r.id);
    if (first !== undefined) {
      problems.push({ file: input.file, ...at('id'), code: 'duplicate-id', message: `rule id "${r.id}" is already used by rules[${first}] (line ${positionAt(source, ['rules', first, 'id']).line}); give each rule its own id`, found: r.id });
    } else seen.set(r.id, i);

    const compileList = (key: 'patterns' | 'exceptions') =>
      r[key].flatMap((raw, j) => {
        const out = compilePattern(raw, env);
        if (out.ok) return [out.pattern];
        problems.push({ file: input.file, ...positionInString(source, ['rules', i, key, j], out.index), code: 'bad-pattern', message: out.message, found: raw });
        return [];
      });
    const patterns = compileList('patterns');
    const exceptions = compileList('exceptions');

    if ((r.kind === 'phrase' || r.kind === 'english-negation') && r.patterns.length === 0) {
      problems.push({ file: input.file, ...at(), code: 'no-patterns', message: `rule "${r.id}" of kind ${r.kind} needs at least one pattern` });
    }
    if (r.kind === 'pii' && !RECOGNIZER_NAMES.includes(String(r.options.recognizer))) {
      problems.push({ file: input.file, ...at('options'), code: 'unknown-recognizer', message: `pii rule "${r.id}" needs options.recognizer, one of: ${RECOGNIZER_NAMES.join(', ')}`, found: String(r.options.recognizer) });
    }
    if (!r.id.startsWith(r.category + '/')) {
      problems.push({ file: input.file, ...at('id'), code: 'id-category', message: `rule id "${r.id}" must start with its category "${r.category}/"`, found: r.id });
    }
    if (r.fix !== undefined && r.patterns.some(isRegexPattern) === false && /\$\d|\$</.test(r.fix)) {
      problems.push({ file: input.file, ...at('fix'), code: 'bad-fix', message: 'the fix refers to regex groups but the rule has no regex pattern', found: r.fix });
    }
    const all = [...r.examples.bad, ...r.examples.good].map(exampleText);
    const dup = all.find((t, k) => all.indexOf(t) !== k);
    if (dup !== undefined) problems.push({ file: input.file, ...at('examples'), code: 'duplicate-example', message: `example listed twice in rule "${r.id}"`, found: dup });
    if (r.fix !== undefined && !r.examples.bad.some((e) => typeof e !== 'string' && e.output !== undefined)) {
      problems.push({ file: input.file, ...at('fix'), code: 'fix-untested', message: `rule "${r.id}" has a fix but no bad example with an expected "output"` });
    }

    rules.push({
      id: r.id,
      kind: r.kind,
      category: r.category,
      severity: r.severity,
      message: r.message,
      suggestions: r.suggestions,
      ...(r.fix !== undefined ? { fix: r.fix } : {}),
      patterns,
      exceptions,
      options: r.options,
    });
  });
  if (problems.length > before) return null;
  return { source, data, entries, rules };
}

/** Applies all fixes of the findings of one rule to a text. */
function applyFixes(text: string, fixes: ReadonlyArray<{ start: number; end: number; replacement: string }>): string {
  let out = text;
  for (const f of [...fixes].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  return out;
}

/** Runs every rule's examples against that rule alone (like ESLint's RuleTester). */
function verifyExamples(file: ParsedFile, core: CoreEnv, problems: Problem[]): void {
  file.entries.forEach(({ index: i, entry: r }, k) => {
    const spec = file.rules[k]!;
    if (spec.severity === 'off') return;
    const compiled = compileRules({ rules: [spec] });
    const run = (t: string) => check(t, compiled, {}, core).findings.filter((f) => f.ruleId === spec.id);
    r.examples.bad.forEach((e, j) => {
      const t = exampleText(e);
      const found = run(t);
      const at = positionAt(file.source, ['rules', i, 'examples', 'bad', j]);
      if (found.length === 0) {
        problems.push({ file: file.source.file, ...at, code: 'example-not-flagged', message: `bad example is not flagged by rule "${spec.id}"; fix the patterns or the example`, found: t });
        return;
      }
      if (typeof e !== 'string' && e.output !== undefined) {
        const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
        const got = applyFixes(t, fixes);
        if (got !== e.output) problems.push({ file: file.source.file, ...at, code: 'example-bad-fix', message: `fixing gives ${JSON.stringify(got)}, the example expects ${JSON.stringify(e.output)}`, found: t });
      }
    });
    r.examples.good.forEach((e, j) => {
      const t = exampleText(e);
      const found = run(t);
      if (found.length > 0) {
        const at = positionAt(file.source, ['rules', i, 'examples', 'good', j]);
        problems.push({ file: file.source.file, ...at, code: 'example-flagged', message: `good example is flagged by rule "${spec.id}" at “${found[0]!.excerpt}”; add an exception or change the example`, found: t });
      }
    });
  });
}

/**
 * Loads rule files in order. A later file overrides rules of the same id and, with
 * `extends: none`, drops everything loaded before it. Throws ConfigError with every problem.
 */
export function loadRuleFiles(inputs: readonly RuleFileText[], core: CoreEnv = {}): RuleSet {
  const problems: Problem[] = [];
  let vocab = new Map<string, readonly string[]>();
  let rules: RuleSpec[] = [];
  for (const input of inputs) {
    const parsed = parseRuleFile(input, vocab, core, problems);
    if (!parsed) continue;
    verifyExamples(parsed, core, problems);
    if (parsed.data.extends === 'none') {
      rules = [];
      vocab = new Map();
    }
    for (const [k, v] of Object.entries(parsed.data.vocab)) vocab.set(k, v);
    const ids = new Set(parsed.rules.map((r) => r.id));
    rules = [...rules.filter((r) => !ids.has(r.id)), ...parsed.rules];
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { rules };
}
