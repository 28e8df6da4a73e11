// Chinese word segmentation (@node-rs/jieba). Its dictionary takes ~0.35 s to load, so it is
// loaded on first use, and only by the ranker — never by `replylint check`.

import { createRequire } from 'node:module';
import type { WordCutter } from '../rank/features.js';

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
}

let cutter: WordCutter | undefined;

export function jiebaCutter(): WordCutter {
  if (!cutter) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaInstance } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    cutter = (text) => jieba.cut(text, true);
  }
  return cutter;
}
