// Shared shapes of replylint (SPEC §2–§3). The ground floor: this file imports nothing.

/** Finding categories of SPEC §2, plus the ones replylint adds (marked). */
export const CATEGORIES = [
  'banned-phrase',
  'absolute-promise',
  'sensitive-data',
  'privacy-request',
  'buck-passing',
  'rude',
  'blame-customer',
  'negative-wording',
  'exclamation-overuse',
  /** added: 绝对化广告用语 (广告法第九条) such as 全网最低, 第一 */
  'ad-claim',
  /** added: steering the customer off the platform (加微信, QQ) */
  'off-platform',
  /** added: paying or pressing for good reviews (好评返现) */
  'review-solicitation',
  /** added: style advice (mechanical wording, missing apology …), info by default */
  'style',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A severity setting may also switch a rule off. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

export type Locale = 'zh' | 'en';

export interface Fix {
  start: number;
  end: number;
  replacement: string;
}

/** One problem in a reply (SPEC §3). Offsets are UTF-16 indices into the text as given. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  excerpt: string;
  suggestions: string[];
  fix?: Fix;
  /** Why a detector fired (personal-data recognizers); masked like everything else. */
  explanation?: string;
}

export interface CheckResult {
  text: string;
  findings: Finding[];
  score: number;
  pass: boolean;
}

/** Personal-data kinds the recognizers know. */
export const PII_KINDS = ['mobile', 'landline', 'id-card', 'bank-card', 'email', 'address', 'amount'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Rule kinds implemented in code; every concrete rule in banned-phrases.yaml extends one. */
export const RULE_KINDS = ['phrase', 'pii', 'exclamation', 'english-negation'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * A pattern after loading: literal text or a regular-expression source, both already in
 * normalised form (simplified, half-width, lower case) with vocabulary references expanded.
 */
export type CompiledPattern =
  | { type: 'literal'; text: string }
  | {
      type: 'regex';
      source: string;
      /**
       * Groups of literal strings: every match contains at least one string of EACH group. The
       * matcher runs the regex only when the Aho-Corasick pass saw a member of every group.
       * Empty = run on every text.
       */
      triggers: string[][];
    };

/** A rule as loaded and validated: data only, ready for the core to compile. */
export interface RuleSpec {
  id: string;
  kind: RuleKind;
  category: Category;
  severity: SeveritySetting;
  message: { zh: string; en: string };
  suggestions: string[];
  /** One-to-one replacement of the matched text ($1… refer to regex groups). */
  fix?: string;
  patterns: CompiledPattern[];
  /** A candidate is dropped when an exception matches a span overlapping it. */
  exceptions: CompiledPattern[];
  /** Kind-specific options (pii recognizer name, thresholds …). */
  options: Record<string, unknown>;
}

export interface RuleSet {
  rules: RuleSpec[];
}

/** Options of one check call. */
export interface CheckOptions {
  failOn?: Severity;
  /** Language of messages; `auto` = English for texts without Chinese characters. */
  locale?: Locale | 'auto';
}

/**
 * Injected English analysis (sentence boundaries and negated verbs), so that the pure core never
 * loads a heavy NLP library itself. Offsets are into the string passed in.
 */
export interface EnglishAnalyzer {
  negatedClauses(text: string): Array<{ start: number; end: number; sentenceStart: number; sentenceEnd: number }>;
}

/** Intent ids of SPEC §5. */
export const INTENTS = [
  'greeting',
  'thanks_bye',
  'human_agent',
  'presale.product_spec',
  'presale.size_advice',
  'presale.stock',
  'presale.price_promo',
  'presale.shipping_time',
  'presale.return_policy',
  'presale.recommend',
  'presale.invoice',
  'order.change_address',
  'order.modify',
  'order.cancel',
  'order.payment_failed',
  'order.coupon_issue',
  'order.presale_progress',
  'shipping.when_ship',
  'shipping.tracking',
  'shipping.delay',
  'shipping.lost',
  'shipping.damaged',
  'aftersale.return_request',
  'aftersale.exchange',
  'aftersale.refund_status',
  'aftersale.quality_issue',
  'aftersale.wrong_item',
  'aftersale.missing_item',
  'aftersale.not_as_described',
  'aftersale.usage_help',
  'aftersale.freight_insurance',
  'aftersale.price_protection',
  'aftersale.install_repair',
  'complaint.general',
  'complaint.service_attitude',
  'complaint.compensation',
  'complaint.abusive',
  'membership',
] as const;
export type IntentId = (typeof INTENTS)[number];

export const AREAS = ['售前', '售中', '物流', '售后', '投诉', '通用'] as const;

/** A reply template of the phrasebook. */
export interface Template {
  id: string;
  intent: string;
  title: string;
  locale: string;
  tags: string[];
  text: string;
  /** Slot names used in the text, in order of first use. */
  slots: string[];
}

export interface IntentEntry {
  id: string;
  title: string;
  area: string;
  examples: string[];
}

export interface SlotSpec {
  name: string;
  description: string;
  fill: 'message' | 'context' | 'none';
}

export interface Phrasebook {
  intents: IntentEntry[];
  templates: Template[];
  slots: SlotSpec[];
}

export type RankEngineName = 'lexical' | 'embedding' | 'hybrid';

/** One earlier turn of the conversation a customer message belongs to. */
export interface Turn {
  role: 'customer' | 'agent';
  text: string;
}

/** The answer to a customer message: suggestions, how sure they are, and whether the ranker held back. */
export interface SuggestAnswer {
  suggestions: Suggestion[];
  /** Probability in 0–1 that the first suggestion's intent is what the customer wants. */
  confidence: number;
  /** Set when confidence was below the threshold: then there are no suggestions. */
  abstained?: true;
}

/** One ranked template (SPEC §4). */
export interface Suggestion {
  templateId: string;
  intent: string;
  score: number;
  text: string;
  engine: RankEngineName;
}
