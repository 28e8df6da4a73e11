// The ranker: picks an engine (lexical by default; embedding or hybrid when a local model is
// configured and loads), scores a message, selects suggestions and fills their slots (personal
// values masked).

import type { Phrasebook, RankEngineName, Suggestion } from '../types.js';
import type { ScriptConverter } from '../normalize.js';
import type { RankEngine } from './engine.js';
import { featureExtractor, type WordCutter } from './features.js';
import { LexicalEngine } from './lexical.js';
import { selectSuggestions, templateById } from './select.js';
import { fillSlots, type SlotContext } from './slots.js';
import { FIELD_MIN_SCORE, maskPersonalData } from '../pii/scan.js';

export type EngineChoice = 'auto' | RankEngineName;

export interface RankerOptions {
  convert?: ScriptConverter;
  cut: WordCutter;
  synonyms: readonly (readonly string[])[];
  /** Builds the embedding engine, or explains why it cannot (then ranking is lexical). */
  embedding?: () => Promise<RankEngine | { unavailable: string }>;
  engine?: EngineChoice;
  /** Told once when a requested model cannot be used. */
  warn?: (message: string) => void;
}

export interface SuggestOptions {
  top?: number;
  context?: SlotContext;
}

export interface Ranker {
  readonly engine: RankEngineName;
  suggest(message: string, options?: SuggestOptions): Promise<Suggestion[]>;
}

/** The template locale that suits a message: en without Chinese, zh-TW in traditional script. */
function localeOfMessage(message: string, convert?: ScriptConverter): string {
  if (!/[\u3400-\u9fff]/.test(message)) return /[a-z]/i.test(message) ? 'en' : 'zh-CN';
  return convert && convert(message) !== message ? 'zh-TW' : 'zh-CN';
}

/** Slots that hold an order or parcel number: the reply needs the whole of it. */
const BUSINESS_SLOT = /订单|单号|运单|快递|物流|编号|order|tracking/i;

export async function createRanker(pb: Phrasebook, o: RankerOptions): Promise<Ranker> {
  const scan = { ...(o.convert ? { convert: o.convert } : {}), minScore: FIELD_MIN_SCORE };
  /**
   * A value filled in from the message or the caller's context (手机号, 地址, 退款金额 …) is masked
   * like every other output — as a field by itself (anything shaped like a value), with the
   * slot's name as its context word, so that 退款金额: 358元 is seen as the amount it is. An order
   * or parcel number stays whole.
   */
  const maskSlot = (name: string, value: string): string => (BUSINESS_SLOT.test(name) ? value : maskPersonalData(`${name}：${value}`, scan).slice(name.length + 1));
  const lexical = new LexicalEngine(pb, featureExtractor({ cut: o.cut, synonyms: o.synonyms, ...(o.convert ? { convert: o.convert } : {}) }));
  let engine: RankEngine = lexical;
  const choice = o.engine ?? 'auto';
  if (choice !== 'lexical' && o.embedding) {
    const built = await o.embedding();
    if ('unavailable' in built) o.warn?.(`${built.unavailable}; ranking lexically`);
    else {
      const { HybridEngine } = await import('./hybrid.js');
      engine = choice === 'embedding' ? built : new HybridEngine(lexical, built);
    }
  }
  return {
    engine: engine.name,
    async suggest(message, so = {}) {
      const scores = await engine.score(message);
      const picked = selectSuggestions(pb, scores, { top: so.top ?? 3, engine: engine.name, locale: localeOfMessage(message, o.convert) });
      return picked.map((s) => {
        const t = templateById(pb, s.templateId)!;
        return { ...s, text: fillSlots(t.text, pb.slots, message, so.context, maskSlot) };
      });
    },
  };
}
