// Shared shapes of replylint (SPEC §2–§3). The ground floor: this file imports nothing.

/**
 * A finding category id ("banned-phrase", "rude" …). Categories are data: the shipped rule file
 * declares the standard ones and a team's rule file may add its own (see CategorySpec).
 */
export type Category = string;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** A severity setting may also switch a rule off. */
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

export type Locale = 'zh' | 'en';

/** A category as declared in a rule file: what it means and how loud its rules are by default. */
export interface CategorySpec {
  id: Category;
  /** Severity of a rule of this category that does not set its own. */
  severity: Severity;
  label: { zh: string; en: string };
  description: { zh: string; en: string };
}

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
  /** The category's label from the rule data, in the language of `message`. */
  categoryLabel?: string;
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

/** Name of a rule kind implemented in code (src/core/kinds/); every rule in the data extends one. */
export type RuleKind = string;

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

/** Where a context condition looks, relative to a match. */
export type ConditionScope = 'clause' | 'sentence' | 'line' | 'text';

/**
 * A condition that turns a match off, compiled from a rule's `unless:` list. Word lists are
 * regular-expression sources (alternations of normalised words), built once when rules load.
 */
export type Condition =
  /** a word ends at most `within` characters before the match (-1: anywhere), inside `scope` */
  | { type: 'before'; words: string; within: number; scope: ConditionScope }
  /** a word starts at most `within` characters after the match (-1: anywhere), inside `scope` */
  | { type: 'after'; words: string; within: number; scope: ConditionScope }
  /** a word lies inside the match (an effort word between a guarantee and its outcome) */
  | { type: 'inside'; words: string }
  /** the nearest person word (`persons`) before the match in its clause is one of `is` */
  | { type: 'subject'; is: string; persons: string }
  /** the match's sentence is a question; with `self`, one whose subject is the agent */
  | { type: 'question'; self?: string; persons?: string };

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
  /** Context conditions that turn a match off (quotation, negation, an alternative offered …). */
  unless: Condition[];
  /** Context conditions that lower a match's severity one step (error → warning → info). */
  soften?: Condition[];
  /** Kind-specific options (pii recognizer name, thresholds …). */
  options: Record<string, unknown>;
}

export interface RuleSet {
  rules: RuleSpec[];
  /** Every category the loaded rule files declare, the shipped ones first. */
  categories: CategorySpec[];
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

/**
 * Chinese word segmentation (jieba), injected into the core so that it loads only when a rule
 * asks for whole words. Returns the words in order; together they cover the text.
 */
export type WordSegmenter = (text: string) => string[];

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
