// The rules and phrasebook the server answers with: loaded once at start, replaced as a whole on
// reload. A reload that fails (a broken rule file, a bad phrasebook) keeps the old set and says why.

import { createEngine, type Engine, type EngineOptions } from '../engine.js';
import type { Ranker } from '../rank/ranker.js';
import { ConfigError, formatProblem, type Problem } from '../config/problems.js';

export interface LoadedRules {
  readonly engine: Engine;
  readonly ranker: Ranker;
  readonly rules: number;
  readonly templates: number;
  readonly loadedAt: Date;
}

export type ReloadOutcome = { ok: true; loaded: LoadedRules } | { ok: false; problems: Problem[]; message: string };

export interface RulesHolder {
  /** The set in use; read it once per request so that one request sees one set. */
  readonly current: LoadedRules;
  /** Loads everything again; concurrent calls share one load. */
  reload(): Promise<ReloadOutcome>;
}

async function load(options: EngineOptions, warn: (message: string) => void): Promise<LoadedRules> {
  const engine = await createEngine(options);
  // Building the ranker also loads and validates the phrasebook: all problems surface here, at
  // load time, and never in the middle of a request.
  const [ranker, { phrasebook }] = await Promise.all([engine.ranker({ warn }), engine.phrasebook()]);
  return { engine, ranker, rules: engine.ruleSet.rules.length, templates: phrasebook.templates.length, loadedAt: new Date() };
}

/** Loads the rules (throwing ConfigError when they are broken) and returns their holder. */
export async function loadRules(options: EngineOptions, warn: (message: string) => void): Promise<RulesHolder> {
  let current = await load(options, warn);
  let pending: Promise<ReloadOutcome> | null = null;
  return {
    get current() {
      return current;
    },
    reload() {
      pending ??= load(options, warn)
        .then((loaded): ReloadOutcome => {
          current = loaded;
          return { ok: true, loaded };
        })
        .catch((e: unknown): ReloadOutcome => {
          if (e instanceof ConfigError) return { ok: false, problems: e.problems, message: e.problems.map(formatProblem).join('\n') };
          const message = e instanceof Error ? e.message : String(e);
          return { ok: false, problems: [], message };
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
  };
}
