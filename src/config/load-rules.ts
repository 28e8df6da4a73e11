// Loads rule files (banned-phrases.yaml and teams' own) into a validated RuleSet: YAML with
// positions → zod schema → categories, word classes, kinds and their options, patterns and
// conditions → each rule's own examples run against it, and each pattern tried against the rule's
// own exceptions. Every problem in every file is collected and reported together; loading never
// half-succeeds.

import { z } from 'zod';
import type { CategorySpec, CompiledPattern, Condition, RuleSpec, RuleSet } from '../types.js';
import { categorySchema, ruleFileSchema, ruleSchema, vocabEntrySchema, type RuleFile, type RuleEntry, type Example } from './rules-schema.js';
import { parseYaml, positionAt, positionInString, zodProblems, type Path, type YamlSource } from './yaml-source.js';
import { compileGrammarPattern, compilePattern, isRegexPattern, normalizedClasses, type PatternEnv } from './patterns.js';
import { compileCondition } from './load-conditions.js';
import { samplesOf } from './samples.js';
import { ConfigError, type Problem } from './problems.js';
import { compileRules } from '../core/compile.js';
import { check, type CoreEnv } from '../core/check.js';
import { KINDS, KIND_NAMES } from '../core/kinds/index.js';

export interface RuleFileText {
  file: string;
  text: string;
}

interface ParsedFile {
  source: YamlSource;
  data: RuleFile;
  categories: CategorySpec[];
  vocab: Map<string, string[]>;
  /** Validated entries and, in the same order, the specs compiled from them. */
  entries: Array<{ index: number; entry: RuleEntry }>;
  rules: RuleSpec[];
}

const exampleText = (e: Example): string => (typeof e === 'string' ? e : e.text);

/** A word of a class that stands for a whole other class: "{address}". */
const CLASS_REF = /^\{([a-z][a-z0-9_]*)\}$/;

/** This file's categories, each checked on its own; duplicates within the file are refused. */
function readCategories(source: YamlSource, data: RuleFile, problems: Problem[]): CategorySpec[] {
  const out: CategorySpec[] = [];
  const seen = new Map<string, number>();
  data.categories.forEach((raw, k) => {
    const c = categorySchema.safeParse(raw);
    if (!c.success) {
      problems.push(...zodProblems(source, c.error.issues.map((issue) => ({ ...issue, path: ['categories', k, ...issue.path] }))));
      return;
    }
    const first = seen.get(c.data.id);
    if (first !== undefined) {
      problems.push({ file: source.file, ...positionAt(source, ['categories', k, 'id']), code: 'duplicate-category', message: `category "${c.data.id}" is already declared by categories[${first}]`, found: c.data.id });
      return;
    }
    seen.set(c.data.id, k);
    out.push({ id: c.data.id, severity: c.data.severity, label: c.data.label, description: c.data.description });
  });
  return out;
}

/**
 * This file's word classes with references ({other}) resolved against the inherited ones and each
 * other. A reference to an unknown class or a cycle is reported at the word that makes it.
 */
function readVocab(source: YamlSource, data: RuleFile, inherited: ReadonlyMap<string, readonly string[]>, problems: Problem[]): Map<string, string[]> {
  const own = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(data.vocab)) {
    const v = vocabEntrySchema.safeParse(raw);
    if (!v.success) {
      // zod reports a failed union as "invalid input": say what a word class looks like instead.
      const bad = Array.isArray(raw) ? raw.findIndex((w) => typeof w !== 'string' || w.length === 0) : -1;
      problems.push({
        file: source.file,
        ...positionAt(source, bad >= 0 ? ['vocab', name, bad] : ['vocab', name]),
        code: 'schema',
        message: `vocab.${name}: a word class is a list of words, or { about: …, words: [...] }; every word is non-empty text (write numbers in quotes: "10")`,
        ...(bad >= 0 ? { found: String((raw as unknown[])[bad]) } : {}),
      });
      continue;
    }
    own.set(name, Array.isArray(v.data) ? v.data : v.data.words);
  }
  const resolved = new Map<string, string[]>();
  const resolving = new Set<string>();
  const wordPath = (name: string, j: number): Path => (Array.isArray(data.vocab[name]) ? ['vocab', name, j] : ['vocab', name, 'words', j]);
  const resolve = (name: string): string[] | undefined => {
    const done = resolved.get(name);
    if (done) return done;
    const words = own.get(name);
    if (!words) return inherited.get(name) as string[] | undefined;
    if (resolving.has(name)) return undefined;
    resolving.add(name);
    const out: string[] = [];
    words.forEach((w, j) => {
      const ref = CLASS_REF.exec(w);
      if (!ref) {
        out.push(w);
        return;
      }
      const target = ref[1]!;
      const sub = resolving.has(target) ? undefined : resolve(target);
      if (sub) out.push(...sub);
      else {
        const why = resolving.has(target) ? `word class "${name}" includes itself through {${target}}` : `unknown word class {${target}}`;
        problems.push({ file: source.file, ...positionAt(source, wordPath(name, j)), code: 'bad-vocab', message: `${why}; a word written {name} stands for every word of class name`, found: w });
      }
    });
    resolving.delete(name);
    resolved.set(name, out);
    return out;
  };
  for (const name of own.keys()) resolve(name);
  return resolved;
}

/** Validates and compiles the rules of one file; problems are appended to `problems`. */
function parseRuleFile(
  input: RuleFileText,
  inheritedVocab: ReadonlyMap<string, readonly string[]>,
  inheritedCategories: ReadonlyMap<string, CategorySpec>,
  core: CoreEnv,
  problems: Problem[],
): ParsedFile | null {
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
  const before = problems.length;
  const categories = readCategories(source, data, problems);
  const known = new Map(inheritedCategories);
  for (const c of categories) known.set(c.id, c);
  const base = data.extends === 'none' ? new Map<string, readonly string[]>() : inheritedVocab;
  const ownVocab = readVocab(source, data, base, problems);
  const vocab = new Map(base);
  for (const [k, v] of ownVocab) vocab.set(k, v);
  const env: PatternEnv = { vocab, ...(core.convert ? { convert: core.convert } : {}) };

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

    const kind = KINDS.get(r.kind);
    if (!kind) {
      problems.push({ file: input.file, ...at('kind'), code: 'unknown-kind', message: `unknown rule kind "${r.kind}" (known: ${KIND_NAMES.join(', ')})`, found: r.kind });
      return;
    }
    const options = kind.options(z).safeParse(r.options);
    if (!options.success) problems.push(...zodProblems(source, options.error.issues.map((issue) => ({ ...issue, path: ['rules', i, 'options', ...issue.path] }))));

    const category = known.get(r.category);
    if (!category) {
      problems.push({
        file: input.file,
        ...at('category'),
        code: 'unknown-category',
        message: `category "${r.category}" is not declared; declare it under "categories:" with id, severity, label {zh, en} and description {zh, en} (known: ${[...known.keys()].join(', ')})`,
        found: r.category,
      });
    }
    if (!r.id.startsWith(r.category + '/')) {
      problems.push({ file: input.file, ...at('id'), code: 'id-category', message: `rule id "${r.id}" must start with its category "${r.category}/"`, found: r.id });
    }

    const compileOne = kind.syntax === 'grammar' ? compileGrammarPattern : compilePattern;
    const compileList = (key: 'patterns' | 'exceptions') =>
      r[key].flatMap((raw, j) => {
        const out = compileOne(raw, env);
        if (out.ok) return [out.pattern];
        problems.push({ file: input.file, ...positionInString(source, ['rules', i, key, j], out.index), code: 'bad-pattern', message: out.message, found: raw });
        return [];
      });
    const patterns = compileList('patterns');
    const exceptions = compileList('exceptions');
    if (kind.patterns === 'required' && r.patterns.length === 0) {
      problems.push({ file: input.file, ...at(), code: 'no-patterns', message: `rule "${r.id}" of kind ${r.kind} needs at least one pattern` });
    }
    if (kind.patterns === 'none' && r.patterns.length > 0) {
      problems.push({ file: input.file, ...at('patterns'), code: 'unexpected-patterns', message: `rules of kind ${r.kind} take no patterns (${kind.summary})` });
    }
    const conditions = (key: 'unless' | 'soften'): Condition[] => {
      if (r[key].length > 0 && !kind.automaton) {
        problems.push({ file: input.file, ...at(key), code: 'unexpected-conditions', message: `rules of kind ${r.kind} take no "${key}" conditions` });
      }
      return r[key].flatMap((raw, j) => {
        const c = compileCondition(raw, normalizedClasses(env));
        if (c.ok) return [c.condition];
        problems.push({ file: input.file, ...at(key, j, ...(c.key ? [c.key] : [])), code: 'bad-condition', message: c.message });
        return [];
      });
    };
    const unless = conditions('unless');
    const soften = conditions('soften');

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
      severity: r.severity ?? category?.severity ?? 'error',
      message: r.message,
      suggestions: r.suggestions,
      ...(r.fix !== undefined ? { fix: r.fix } : {}),
      patterns,
      exceptions,
      unless,
      ...(soften.length > 0 ? { soften } : {}),
      options: options.success ? options.data : r.options,
    });
  });
  if (problems.length > before) return null;
  return { source, data, categories, vocab: ownVocab, entries, rules };
}

/** Applies all fixes of the findings of one rule to a text. */
function applyFixes(text: string, fixes: ReadonlyArray<{ start: number; end: number; replacement: string }>): string {
  let out = text;
  for (const f of [...fixes].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  return out;
}

/** Findings of `spec` alone on `text`. */
function runAlone(spec: RuleSpec, categories: CategorySpec[], core: CoreEnv): (t: string) => ReturnType<typeof check>['findings'] {
  const compiled = compileRules({ rules: [spec], categories });
  return (t) => check(t, compiled, {}, core).findings.filter((f) => f.ruleId === spec.id);
}

/** Runs every rule's examples against that rule alone (like ESLint's RuleTester). */
function verifyExamples(file: ParsedFile, categories: CategorySpec[], core: CoreEnv, problems: Problem[]): void {
  file.entries.forEach(({ index: i, entry: r }, k) => {
    const spec = file.rules[k]!;
    if (spec.severity === 'off') return;
    const run = runAlone(spec, categories, core);
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

const samplesOfPattern = (p: CompiledPattern): string[] => (p.type === 'literal' ? [p.text] : samplesOf(p.source));

/**
 * Refuses a pattern that can never fire because the rule's own exceptions or conditions cancel
 * every text it matches on its own (是不是你自己弄丢了 under an exception for 是不是…你). Tried on
 * the pattern's literal text, or on samples read off its regular expression.
 */
function verifyReachable(file: ParsedFile, categories: CategorySpec[], core: CoreEnv, problems: Problem[]): void {
  file.entries.forEach(({ index: i, entry: r }, k) => {
    const spec = file.rules[k]!;
    if (spec.severity === 'off' || !KINDS.get(spec.kind)!.automaton) return;
    if (spec.exceptions.length === 0 && spec.unless.length === 0) return;
    spec.patterns.forEach((p, j) => {
      const samples = samplesOfPattern(p);
      if (samples.length === 0) return;
      const alone = { ...spec, patterns: [p] };
      const run = runAlone(alone, categories, core);
      if (samples.some((t) => run(t).length > 0)) return;
      // Which exception or condition does it? Try the first sample without each of them in turn.
      const bare = runAlone({ ...alone, exceptions: [], unless: [] }, categories, core);
      if (bare(samples[0]!).length === 0) return; // quoted or otherwise out of the rule's hands
      const x = spec.exceptions.findIndex((_, n) => runAlone({ ...alone, exceptions: spec.exceptions.filter((__, m) => m !== n) }, categories, core)(samples[0]!).length > 0);
      const culprit = x >= 0 ? `exception ${JSON.stringify(r.exceptions[x])}` : 'its exceptions and "unless" conditions together';
      problems.push({
        file: file.source.file,
        ...positionAt(file.source, ['rules', i, 'patterns', j]),
        code: 'pattern-never-fires',
        message: `rule "${spec.id}": ${culprit} cancels every text this pattern matches (e.g. “${samples[0]}”); drop the pattern or narrow the exception`,
        found: r.patterns[j]!,
      });
    });
  });
}

/**
 * Loads rule files in order. A later file overrides rules of the same id (and categories of the
 * same id) and, with `extends: none`, drops the rules and word classes loaded before it; the
 * categories stay declared. Throws ConfigError with every problem.
 */
export function loadRuleFiles(inputs: readonly RuleFileText[], core: CoreEnv = {}): RuleSet {
  const problems: Problem[] = [];
  let vocab = new Map<string, readonly string[]>();
  const categories = new Map<string, CategorySpec>();
  let rules: RuleSpec[] = [];
  for (const input of inputs) {
    const parsed = parseRuleFile(input, vocab, categories, core, problems);
    if (!parsed) continue;
    for (const c of parsed.categories) categories.set(c.id, c);
    const declared = [...categories.values()];
    verifyExamples(parsed, declared, core, problems);
    verifyReachable(parsed, declared, core, problems);
    if (parsed.data.extends === 'none') {
      rules = [];
      vocab = new Map();
    }
    for (const [k, v] of parsed.vocab) vocab.set(k, v);
    const ids = new Set(parsed.rules.map((r) => r.id));
    rules = [...rules.filter((r) => !ids.has(r.id)), ...parsed.rules];
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { rules, categories: [...categories.values()] };
}
