// The hybrid engine: a weighted fusion of lexical and embedding scores. Lexical catches exact
// domain words and colloquial forms the synonym table knows; embeddings catch paraphrases.

import type { EngineScores, RankEngine } from './engine.js';

export class HybridEngine implements RankEngine {
  readonly name = 'hybrid' as const;
  constructor(
    private readonly lexical: RankEngine,
    private readonly embedding: RankEngine,
    private readonly lexicalWeight = 0.5,
  ) {}

  async score(message: string): Promise<EngineScores> {
    const [a, b] = await Promise.all([this.lexical.score(message), this.embedding.score(message)]);
    const fuse = (x: Map<string, number>, y: Map<string, number>) => {
      const out = new Map<string, number>();
      for (const k of new Set([...x.keys(), ...y.keys()])) out.set(k, this.lexicalWeight * (x.get(k) ?? 0) + (1 - this.lexicalWeight) * (y.get(k) ?? 0));
      return out;
    };
    return { intents: fuse(a.intents, b.intents), templates: fuse(a.templates, b.templates) };
  }
}
