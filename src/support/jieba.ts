// Chinese word segmentation (@node-rs/jieba). Its dictionary takes ~0.35 s to load, so it is
// loaded on first use: by the ranker, and by `check` only when a grammar rule that asks for whole
// words has a candidate to confirm (a rare text, never the common path).

import { createRequire } from 'node:module';
import type { WordSegmenter } from '../types.js';

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
}

let cutter: WordSegmenter | undefined;

export function jiebaCutter(): WordSegmenter {
  if (!cutter) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaInstance } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    cutter = (text) => jieba.cut(text, true);
  }
  return cutter;
}
