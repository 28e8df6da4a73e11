// Wires configuration, rule data and the scoring core together: the one module the surfaces
// (CLI, server, hook, audit) import. YAML parsing and schema validation are loaded lazily and
// their results cached by content, so that `replylint check` starts fast.

import { dirname, join, resolve } from 'node:path';
import type { CheckOptions, CheckResult, Phrasebook, RuleSet, RuleSpec, Severity, SeveritySetting } from './types.js';
import { compileRules, type CompiledRules } from './core/compile.js';
import { check as coreCheck, type CoreEnv } from './core/check.js';
import { traditionalToSimplified } from './support/opencc.js';
import { createEnglishAnalyzer } from './support/english.js';
import { jiebaCutter } from './support/jieba.js';
import { BUILTIN_PHRASEBOOK, BUILTIN_RULES, findConfig, packageVersion, readText } from './config/files.js';
import { OUT_OF_SCOPE_FILE, phrasebookFiles, SYNONYMS_FILE } from './config/phrasebook-files.js';
import type { WordClass } from './rank/features.js';
import type { Problem } from './config/problems.js';
import type { EngineChoice, Ranker } from './rank/ranker.js';
import { cacheDir, cacheKey, cached } from './config/cache.js';
import { ConfigError } from './config/problems.js';
import type { Config } from './config/config-schema.js';
import { FIELD_MIN_SCORE, maskPersonalData } from './pii/scan.js';
import type { SuggestSettings } from './config/suggest-settings.js';

export interface EngineOptions {
  /** Working directory for finding .replylint.yaml (default: process.cwd()). */
  cwd?: string;
  /** Explicit configuration file; `false` = use none. */
  config?: string | false;
  /** Extra rule files, layered after the configuration's own. */
  rules?: string[];
  /** Overrides the configuration's failOn. */
  failOn?: Severity;
  /** Phrasebook folder (default: the configuration's, else the shipped one). */
  phrasebook?: string;
}

export interface LoadedPhrasebook {
  /** Intents (with the examples of learned.yaml), templates and slots. */
  phrasebook: Phrasebook;
  synonyms: string[][];
  /** Word classes of synonyms.yaml. */
  classes: WordClass[];
  /** Customer messages no intent fits (out-of-scope.yaml and learned.yaml). */
  outOfScope: string[];
  problems: Problem[];
}

export interface Engine {
  readonly config: Config;
  readonly configFile: string | null;
  readonly ruleSet: RuleSet;
  readonly compiled: CompiledRules;
  readonly failOn: Severity;
  readonly env: CoreEnv;
  readonly phrasebookDir: string;
  check(text: string, options?: CheckOptions): CheckResult;
  /**
   * `text` with every personal value masked (same length): the one path any user-supplied text
   * takes to an output — error messages, diffs, reports, logs — besides check results. `alone`:
   * the text is one field by itself (an agent name, a session id), masked at FIELD_MIN_SCORE.
   */
  mask(text: string, options?: { alone?: boolean }): string;
  /** The phrasebook, loaded (and validated) on first use; throws ConfigError on problems. */
  phrasebook(): Promise<LoadedPhrasebook>;
  /** The template ranker, built on first use (with the configuration's threshold). */
  ranker(options?: { engine?: EngineChoice; warn?: (message: string) => void }): Promise<Ranker>;
  /** The configuration's `suggest:` section, validated (throws ConfigError with positions). */
  suggestSettings(): Promise<SuggestSettings>;
}

const EMPTY_CONFIG: Config = { rules: {}, ruleFiles: [] };

let sharedEnv: CoreEnv | undefined;
/** Script conversion, English analysis and word segmentation, created once per process (the last two on first use). */
export function coreEnv(): CoreEnv {
  if (!sharedEnv) {
    const english = createEnglishAnalyzer();
    sharedEnv = { convert: traditionalToSimplified(), english: () => english, words: jiebaCutter };
  }
  return sharedEnv;
}

async function loadConfig(file: string): Promise<Config> {
  const text = readText(file, 'configuration file');
  return cached(cacheKey('config', packageVersion(), [{ file, text }]), async () => {
    const { parseConfig } = await import('./config/load-config.js');
    return parseConfig(file, text);
  });
}

/** Loads rule files (builtin first) through the content cache. */
export async function loadRuleSet(files: readonly string[], env: CoreEnv = coreEnv()): Promise<RuleSet> {
  const inputs = files.map((file) => ({ file, text: readText(file, 'rule file') }));
  return cached(cacheKey('rules', packageVersion(), inputs), async () => {
    const { loadRuleFiles } = await import('./config/load-rules.js');
    return loadRuleFiles(inputs, env);
  });
}

/**
 * Applies the configuration's severity settings: by rule id first, then by category. A key that
 * names neither a loaded rule nor a declared category is refused at its place in the file.
 */
export function applySeverities(set: RuleSet, settings: Readonly<Record<string, SeveritySetting>>, configFile: string | null, positions: Config['rulePositions'] = {}): RuleSet {
  const ids = new Set(set.rules.map((r) => r.id));
  const categories = new Set(set.categories.map((c) => c.id));
  const problems: Problem[] = [];
  for (const k of Object.keys(settings)) {
    const at = positions[k] ?? { line: 1, column: 1 };
    const file = configFile ?? '(config)';
    if (k.includes('/') && !ids.has(k)) problems.push({ file, ...at, code: 'unknown-rule', message: `rules: no rule has the id "${k}"`, found: k });
    if (!k.includes('/') && !categories.has(k)) {
      problems.push({ file, ...at, code: 'unknown-category', message: `"${k}" is neither a rule id (category/name) nor a declared category (${[...categories].join(', ')})`, found: k });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const rules = set.rules.map((r): RuleSpec => {
    const s = settings[r.id] ?? settings[r.category];
    return s === undefined ? r : { ...r, severity: s };
  });
  return { rules, categories: set.categories };
}

/** Loads a phrasebook folder through the content cache. Problems are returned, not thrown. */
export async function loadPhrasebookDir(dir: string): Promise<LoadedPhrasebook> {
  const files = phrasebookFiles(dir);
  const read = (f: string) => ({ file: f, text: readText(f, 'phrasebook file') });
  const templates = files.templates.map(read);
  const slots = files.slots ? read(files.slots) : null;
  // A team's phrasebook without its own synonym table or out-of-scope examples uses the shipped ones.
  const synonyms = read(files.synonyms ?? join(BUILTIN_PHRASEBOOK, SYNONYMS_FILE));
  const outOfScope = read(files.outOfScope ?? join(BUILTIN_PHRASEBOOK, OUT_OF_SCOPE_FILE));
  const learned = files.learned ? read(files.learned) : null;
  const parts = [...templates, ...(slots ? [slots] : []), synonyms, outOfScope, ...(learned ? [learned] : [])];
  return cached(cacheKey('phrasebook', packageVersion(), parts), async () => {
    const { loadPhrasebook, parseSynonyms, parseExamples, withExamples } = await import('./config/load-phrasebook.js');
    const loaded = loadPhrasebook(templates, slots);
    const problems = [...loaded.problems];
    const { groups, classes } = parseSynonyms(synonyms, problems);
    const ids = loaded.phrasebook.intents.map((i) => i.id);
    const extra = [parseExamples(outOfScope, problems, ids), ...(learned ? [parseExamples(learned, problems, ids)] : [])];
    return { phrasebook: withExamples(loaded.phrasebook, extra), synonyms: groups, classes, outOfScope: extra.flatMap((x) => x.outOfScope), problems };
  });
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const cwd = options.cwd ?? process.cwd();
  const configFile = options.config === false ? null : options.config ? resolve(cwd, options.config) : findConfig(cwd);
  const config = configFile ? await loadConfig(configFile) : EMPTY_CONFIG;
  const base = configFile ? dirname(configFile) : cwd;
  const files = [BUILTIN_RULES, ...config.ruleFiles.map((f) => resolve(base, f)), ...(options.rules ?? []).map((f) => resolve(cwd, f))];
  const env = coreEnv();
  const ruleSet = applySeverities(await loadRuleSet(files, env), config.rules, configFile, config.rulePositions);
  const compiled = compileRules(ruleSet);
  const failOn = options.failOn ?? config.failOn ?? 'error';
  const locale = config.locale ?? 'auto';
  const phrasebookDir = options.phrasebook
    ? resolve(cwd, options.phrasebook)
    : config.phrasebook
      ? resolve(base, config.phrasebook)
      : BUILTIN_PHRASEBOOK;
  let phrasebook: Promise<LoadedPhrasebook> | undefined;
  let suggestSettings: Promise<SuggestSettings> | undefined;
  const loadSuggestSettings = (): Promise<SuggestSettings> => {
    suggestSettings ??= import('./config/suggest-settings.js').then(({ parseSuggestSettings }) => parseSuggestSettings(config.suggest, configFile, cwd));
    return suggestSettings;
  };
  const rankers = new Map<string, Promise<Ranker>>();
  const loadBook = (): Promise<LoadedPhrasebook> => {
    phrasebook ??= loadPhrasebookDir(phrasebookDir).then((loaded) => {
      if (loaded.problems.length > 0) throw new ConfigError(loaded.problems);
      return loaded;
    });
    return phrasebook;
  };
  return {
    config,
    configFile,
    ruleSet,
    compiled,
    failOn,
    env,
    phrasebookDir,
    check(text, o = {}) {
      return coreCheck(text, compiled, { failOn: o.failOn ?? failOn, locale: o.locale ?? locale }, env);
    },
    mask(text, o = {}) {
      return maskPersonalData(text, { convert: env.convert, ...(o.alone ? { minScore: FIELD_MIN_SCORE } : {}) });
    },
    phrasebook: loadBook,
    suggestSettings: loadSuggestSettings,
    ranker(o = {}) {
      const key = o.engine ?? 'auto';
      let r = rankers.get(key);
      if (!r) {
        r = Promise.all([loadBook(), loadSuggestSettings()]).then(([book, { threshold }]) => rankerFor(book, { ...o, engine: key, threshold }));
        rankers.set(key, r);
      }
      return r;
    },
  };
}

export interface RankerForOptions {
  engine?: EngineChoice;
  warn?: (message: string) => void;
  threshold?: number;
}

/**
 * A ranker over a loaded phrasebook (the engine's own, or one with examples added, as `replylint
 * tune` tries them). jieba and the embedding factory are imported only here.
 */
export async function rankerFor(book: LoadedPhrasebook, o: RankerForOptions = {}): Promise<Ranker> {
  const env = coreEnv();
  const [{ createRanker }, { jiebaCutter }, { embeddingFactory }] = await Promise.all([import('./rank/ranker.js'), import('./support/jieba.js'), import('./rank/embedding-factory.js')]);
  const { phrasebook: pb, synonyms, classes, outOfScope } = book;
  return createRanker(pb, {
    convert: env.convert!,
    cut: jiebaCutter(),
    synonyms,
    classes,
    outOfScope,
    engine: o.engine ?? 'auto',
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    embedding: embeddingFactory(pb, { convert: env.convert!, cacheDir: cacheDir(), ...(o.warn ? { warn: o.warn } : {}) }),
    ...(o.warn ? { warn: o.warn } : {}),
  });
}

export type { CheckResult, Finding, Severity } from './types.js';
export { ConfigError } from './config/problems.js';
