// The one interface the three ranking engines share.

import type { RankEngineName, Turn } from '../types.js';

/**
 * The class of messages no intent fits, scored beside the intents by engines that know it (the
 * lexical one). Not an intent id (ids have no parentheses), so it can never meet a template.
 */
export const OUT_OF_SCOPE = '(out-of-scope)';

export interface EngineScores {
  /** Score of each intent for the message, 0–1 (and of OUT_OF_SCOPE, where the engine knows it). */
  intents: Map<string, number>;
  /** Similarity of the message to each template, 0–1 (used to choose within an intent). */
  templates: Map<string, number>;
  /** What the lexical engine saw, for the confidence (confidence.ts). */
  evidence?: Evidence;
}

export interface Evidence {
  /** Naive Bayes posterior of OUT_OF_SCOPE, tempered by the message's length (0 when the engine has no such class). */
  outOfScope: number;
  /** Features of the message the phrasebook knows. */
  features: number;
}

export interface RankEngine {
  readonly name: RankEngineName;
  /** Scores a message; `history` (oldest first) is the conversation before it. */
  score(message: string, history?: readonly Turn[]): EngineScores | Promise<EngineScores>;
}
