// The one interface the three ranking engines share.

import type { RankEngineName } from '../types.js';

export interface EngineScores {
  /** Score of each intent for the message, 0–1. */
  intents: Map<string, number>;
  /** Similarity of the message to each template, 0–1 (used to choose within an intent). */
  templates: Map<string, number>;
}

export interface RankEngine {
  readonly name: RankEngineName;
  score(message: string): EngineScores | Promise<EngineScores>;
}
