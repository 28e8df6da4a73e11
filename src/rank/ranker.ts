// The ranker: picks an engine (lexical by default; embedding or hybrid when a local model is
// configured and loads), scores a message in its conversation, says how sure it is, abstains below
// the threshold, selects suggestions and fills their slots.

import type { Phrasebook, RankEngineName, Suggestion, SuggestAnswer, Turn } from '../types.js';
import type { ScriptConverter } from '../normalize.js';
import type { RankEngine } from './engine.js';
import { featureExtractor, type FeatureWeights, type WordCutter, type WordClass } from './features.js';
import { DEFAULT_LEXICAL, LexicalEngine, type LexicalOptions } from './lexical.js';
import { selectSuggestions, templateById } from './select.js';
import { fillSlots, type SlotContext } from './slots.js';
import { FIELD_MIN_SCORE, maskPersonalData } from '../pii/scan.js';
import { confidence, confidenceInputs, DEFAULT_THRESHOLD, type Calibration } from './confidence.js';
import type { HistoryWeights } from './history.js';

export type EngineChoice = 'auto' | RankEngineName;

export interface RankerOptions {
  convert?: ScriptConverter;
  cut: WordCutter;
  synonyms: readonly (readonly string[])[];
  /** Word classes (synonyms.yaml `classes`). */
  classes?: readonly WordClass[];
  /** Customer messages no intent fits (out-of-scope.yaml, learned.yaml). */
  outOfScope?: readonly string[];
  /** Builds the embedding engine, or explains why it cannot (then ranking is lexical). */
  embedding?: () => Promise<RankEngine | { unavailable: string }>;
  engine?: EngineChoice;
  /** Told once when a requested model cannot be used. */
  warn?: (message: string) => void;
  /** Default abstention threshold (0–1); 0 never abstains. */
  threshold?: number;
  /** Tuning (evaluation scripts): model options, feature weights, history weights, calibration. */
  lexical?: Partial<LexicalOptions>;
  features?: Partial<FeatureWeights>;
  history?: Partial<HistoryWeights>;
  calibration?: Calibration;
}

export interface SuggestOptions {
  top?: number;
  context?: SlotContext;
  /** The conversation before the message, oldest first. */
  history?: readonly Turn[];
}

export interface AnswerOptions extends SuggestOptions {
  /** Overrides the ranker's threshold for this message. */
  threshold?: number;
  /** false: always give the ranking, never abstain (its confidence is still reported). */
  abstain?: boolean;
}

export interface Ranker {
  readonly engine: RankEngineName;
  readonly threshold: number;
  /** The ranking, whatever the confidence. */
  suggest(message: string, options?: SuggestOptions): Promise<Suggestion[]>;
  /** The ranking with its confidence, or an abstention below the threshold. */
  answer(message: string, options?: AnswerOptions): Promise<SuggestAnswer>;
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
  const extract = featureExtractor({ cut: o.cut, synonyms: o.synonyms, ...(o.classes ? { classes: o.classes } : {}), ...(o.features ? { weights: o.features } : {}), ...(o.convert ? { convert: o.convert } : {}) });
  const lexical = new LexicalEngine(pb, extract, {
    lexical: { ...DEFAULT_LEXICAL, ...o.lexical },
    ...(o.outOfScope ? { outOfScope: o.outOfScope } : {}),
    ...(o.history ? { history: o.history } : {}),
  });
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
  const withTemplates = new Set(pb.templates.map((t) => t.intent));
  const defaultThreshold = o.threshold ?? DEFAULT_THRESHOLD;
  const answer = async (message: string, so: AnswerOptions = {}): Promise<SuggestAnswer> => {
    const scores = await engine.score(message, so.history);
    const sure = confidence(confidenceInputs(scores, (id) => withTemplates.has(id)), o.calibration);
    if (so.abstain !== false && sure < (so.threshold ?? defaultThreshold)) return { suggestions: [], confidence: sure, abstained: true };
    const picked = selectSuggestions(pb, scores, { top: so.top ?? 3, engine: engine.name, locale: localeOfMessage(message, o.convert) });
    const suggestions = picked.map((s) => {
      const t = templateById(pb, s.templateId)!;
      return { ...s, text: fillSlots(t.text, pb.slots, message, so.context, maskSlot) };
    });
    return { suggestions, confidence: sure };
  };
  return {
    engine: engine.name,
    threshold: defaultThreshold,
    answer,
    async suggest(message, so = {}) {
      return (await answer(message, { ...so, abstain: false })).suggestions;
    },
  };
}
