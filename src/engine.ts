// Wires configuration, rule data and the scoring core together: the one module the surfaces
// (CLI, server, hook, audit) import. YAML parsing and schema validation are loaded lazily and
// their results cached by content, so that `replylint check` starts fast.

import { dirname, resolve } from 'node:path';
import type { CheckOptions, CheckResult, RuleSet, RuleSpec, Severity, SeveritySetting } from './types.js';
import { compileRules, type CompiledRules } from './core/compile.js';
import { check as coreCheck, type CoreEnv } from './core/check.js';
import { traditionalToSimplified } from './support/opencc.js';
import { createEnglishAnalyzer } from './support/english.js';
import { BUILTIN_RULES, findConfig, packageVersion, readText } from './config/files.js';
import { cacheKey, cached } from './config/cache.js';
import { ConfigError } from './config/problems.js';
import type { Config } from './config/config-schema.js';

export interface EngineOptions {
  /** Working directory for finding .replylint.yaml (default: process.cwd()). */
  cwd?: string;
  /** Explicit configuration file; `false` = use none. */
  config?: string | false;
  /** Extra rule files, layered after the configuration's own. */
  rules?: string[];
  /** Overrides the configuration's failOn. */
  failOn?: Severity;
}

export interface Engine {
  readonly config: Config;
  readonly configFile: string | null;
  readonly ruleSet: RuleSet;
  readonly compiled: CompiledRules;
  readonly failOn: Severity;
  readonly env: CoreEnv;
  check(text: string, options?: CheckOptions): CheckResult;
}

const EMPTY_CONFIG: Config = { rules: {}, ruleFiles: [] };

let sharedEnv: CoreEnv | undefined;
/** Script conversion and English analysis, created once per process. */
export function coreEnv(): CoreEnv {
  if (!sharedEnv) {
    const english = createEnglishAnalyzer();
    sharedEnv = { convert: traditionalToSimplified(), english: () => english };
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

/** Applies the configuration's severity settings: by rule id first, then by category. */
export function applySeverities(set: RuleSet, settings: Readonly<Record<string, SeveritySetting>>, configFile: string | null): RuleSet {
  const ids = new Set(set.rules.map((r) => r.id));
  const unknown = Object.keys(settings).filter((k) => k.includes('/') && !ids.has(k));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map((k) => ({ file: configFile ?? '(config)', line: 1, column: 1, code: 'unknown-rule', message: `rules: no rule has the id "${k}"`, found: k })),
    );
  }
  const rules = set.rules.map((r): RuleSpec => {
    const s = settings[r.id] ?? settings[r.category];
    return s === undefined ? r : { ...r, severity: s };
  });
  return { rules };
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const cwd = options.cwd ?? process.cwd();
  const configFile = options.config === false ? null : options.config ? resolve(cwd, options.config) : findConfig(cwd);
  const config = configFile ? await loadConfig(configFile) : EMPTY_CONFIG;
  const base = configFile ? dirname(configFile) : cwd;
  const files = [BUILTIN_RULES, ...config.ruleFiles.map((f) => resolve(base, f)), ...(options.rules ?? []).map((f) => resolve(cwd, f))];
  const env = coreEnv();
  const ruleSet = applySeverities(await loadRuleSet(files, env), config.rules, configFile);
  const compiled = compileRules(ruleSet);
  const failOn = options.failOn ?? config.failOn ?? 'error';
  const locale = config.locale ?? 'auto';
  return {
    config,
    configFile,
    ruleSet,
    compiled,
    failOn,
    env,
    check(text, o = {}) {
      return coreCheck(text, compiled, { failOn: o.failOn ?? failOn, locale: o.locale ?? locale }, env);
    },
  };
}

export type { CheckResult, Finding, Severity } from './types.js';
export { ConfigError } from './config/problems.js';
