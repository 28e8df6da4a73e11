// How sure the ranker is that its first suggestion's intent is what the customer wants, as a
// probability: of the answers given with confidence 0.8, about eight in ten are right. Engine
// scores are not that — a long real message scores low on the right intent, a short one high on a
// wrong one — so a small logistic model maps what the scores say (the best intent's score, its lead
// over the second, and how well the messages no intent fits explain this one) to a probability.
// Its coefficients were fitted by eval/intent-calibrate.mjs on messages the phrasebook was not
// written from, and are checked by its reliability table; they are data, not tuned per message.
//
// Below a threshold the ranker abstains: a widget then shows nothing rather than three
// confident-looking templates for "哈哈哈" or a question the shop does not handle.

import { OUT_OF_SCOPE, type EngineScores } from './engine.js';

/** Logistic coefficients: z = bias + Σ weight × input; confidence = 1 / (1 + e^−z). */
export interface Calibration {
  bias: number;
  /** Per unit of the best intent's score. */
  best: number;
  /** Per unit of the best score minus the second best. */
  lead: number;
  /** Per unit of the out-of-scope class's posterior. */
  outOfScope: number;
  /** Per unit of ln(1 + the number of message features the phrasebook knows). */
  size: number;
}

/** Fitted by eval/intent-calibrate.mjs (see the header). */
export const DEFAULT_CALIBRATION: Calibration = { bias: -3.67, best: 4.42, lead: 4.04, outOfScope: -1.75, size: 0.6 };

/** Default abstention threshold: below this confidence, no suggestions. */
export const DEFAULT_THRESHOLD = 0.3;

/** What the confidence is computed from. */
export interface ConfidenceInputs {
  best: number;
  second: number;
  outOfScope: number;
  features: number;
}

/**
 * The best and second-best intent scores (of intents that can be suggested), and the engine's
 * evidence: the out-of-scope posterior and the number of known features (an engine without it —
 * the embedding engine alone — counts as having seen a few features and no out-of-scope class).
 */
export function confidenceInputs(scores: EngineScores, suggestable: (intent: string) => boolean): ConfidenceInputs {
  let best = 0;
  let second = 0;
  for (const [id, s] of scores.intents) {
    if (id === OUT_OF_SCOPE || !suggestable(id)) continue;
    if (s > best) [best, second] = [s, best];
    else if (s > second) second = s;
  }
  return { best, second, outOfScope: scores.evidence?.outOfScope ?? 0, features: scores.evidence?.features ?? 8 };
}

export function confidence(x: ConfidenceInputs, c: Calibration = DEFAULT_CALIBRATION): number {
  if (x.best <= 0) return 0;
  const z = c.bias + c.best * x.best + c.lead * (x.best - x.second) + c.outOfScope * x.outOfScope + c.size * Math.log(1 + x.features);
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
