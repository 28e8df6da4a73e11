// The hybrid engine: a weighted fusion of lexical and embedding scores. Lexical catches exact
// domain words and colloquial forms the synonym table knows; embeddings catch paraphrases.

import type { Turn } from '../types.js';
import { OUT_OF_SCOPE, type EngineScores, type RankEngine } from './engine.js';

export class HybridEngine implements RankEngine {
  readonly name = 'hybrid' as const;
  constructor(
    private readonly lexical: RankEngine,
    private readonly embedding: RankEngine,
    private readonly lexicalWeight = 0.5,
  ) {}

  async score(message: string, history?: readonly Turn[]): Promise<EngineScores> {
    const [a, b] = await Promise.all([this.lexical.score(message, history), this.embedding.score(message, history)]);
    const fuse = (x: Map<string, number>, y: Map<string, number>) => {
      const out = new Map<string, number>();
      for (const k of new Set([...x.keys(), ...y.keys()])) out.set(k, this.lexicalWeight * (x.get(k) ?? 0) + (1 - this.lexicalWeight) * (y.get(k) ?? 0));
      return out;
    };
    const intents = fuse(a.intents, b.intents);
    // Only the lexical engine knows the out-of-scope class: its score is taken as it is.
    const outside = a.intents.get(OUT_OF_SCOPE) ?? b.intents.get(OUT_OF_SCOPE);
    if (outside !== undefined) intents.set(OUT_OF_SCOPE, outside);
    return { intents, templates: fuse(a.templates, b.templates), ...(a.evidence ? { evidence: a.evidence } : {}) };
  }
}
