// The conversation sent to the model: what the team's rules are, what is wrong with the draft and
// why, what the customer wrote, phrasebook replies as style examples, and — on a later attempt —
// why the previous answer was turned down. Every text in it is already masked (placeholders.ts).

import type { Category, Finding, Severity } from '../types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type Script = 'simplified' | 'traditional';

export interface Language {
  locale: 'zh' | 'en';
  /** Chinese script of the draft; null for English. */
  script: Script | null;
}

/** A finding of the draft, as the model may see it: its excerpt and message already masked. */
export interface PromptFinding {
  severity: Severity;
  ruleId: string;
  category: Category;
  excerpt: string;
  message: string;
  suggestion?: string;
}

export interface TeamRules {
  failOn: Severity;
  /** Each category the team checks, with the highest severity among its rules. */
  /** `help`: the category's description from the rule data (a team's own categories have only that). */
  categories: Array<{ category: Category; severity: Severity; help?: string }>;
  /** The team's own words for the model (llm.instructions). */
  instructions?: string;
}

export interface PromptInput {
  draft: string;
  findings: PromptFinding[];
  message?: string;
  context?: Array<[string, string]>;
  /** Phrasebook replies for this kind of message. */
  templates: string[];
  rules: TeamRules;
  language: Language;
  /** Placeholders of the draft the reply needs (a value nobody flagged). */
  keep: string[];
  /** Placeholders of values the findings flag: the reply must not repeat them. */
  leaveOut: string[];
}

/** One earlier attempt: the model's answer (still masked) and why it was turned down. */
export interface Rejection {
  answer: string;
  reasons: string[];
}

/** What each category means, for the model (SPEC §2). */
const CATEGORY_HELP: Readonly<Record<Category, string | undefined>> = {
  'banned-phrase': 'forbidden service phrases (禁语) such as 不知道, 你自己看, 这是规定, 不归我管',
  'absolute-promise': 'guarantees about outcomes nobody controls (快递一定明天到, 绝对不会坏, 100%不掉色, 保证); promising effort (一定尽快帮您处理) is fine',
  'sensitive-data': 'personal or exact financial data: phone numbers, ID and bank-card numbers, e-mail and street addresses, exact order/payment/refund amounts',
  'privacy-request': 'asking the customer for an ID number without need, passwords, SMS verification codes, full card numbers or CVV',
  'buck-passing': 'pushing the customer away (你去找快递, 这不是我们的问题, 找平台去)',
  rude: 'insulting, sarcastic or hostile wording (你是不是傻, 听不懂吗, 爱买不买)',
  'blame-customer': 'blaming the customer instead of helping (是你自己操作不当, 谁让你不看详情页)',
  'negative-wording': 'a bare refusal (不能, 没办法, 无法处理) with no alternative after it',
  'exclamation-overuse': 'runs of exclamation marks, or exclamation marks on most sentences',
  'ad-claim': 'absolute advertising claims banned by law (全网最低, 第一, 最好)',
  'off-platform': 'steering the customer off the platform (加微信, QQ)',
  'review-solicitation': 'paying or pressing for good reviews (好评返现)',
  style: 'style: mechanical wording, no apology in a complaint, no next step',
};

function languageName(l: Language): string {
  if (l.locale === 'en') return 'English';
  return l.script === 'traditional' ? 'Traditional Chinese (繁體中文)' : 'Simplified Chinese (简体中文)';
}

/** Text between markers, so that the model tells the quoted texts from the instructions. */
const quoted = (s: string): string => `<<<\n${s}\n>>>`;

function systemPrompt(rules: TeamRules, language: Language): string {
  const lines = [
    'You edit replies of an e-commerce customer-service team. You rewrite an agent\'s draft so that it keeps its meaning, facts and next steps but breaks none of the team\'s rules.',
    '',
    'How to answer:',
    '1. Answer with the rewritten reply only: no explanation, no quotation marks, no heading, no Markdown.',
    `2. Write in ${languageName(language)}, like the draft.`,
    '3. Fix what the findings name; keep everything else the draft says. Be polite, concrete and brief — not much longer than the draft.',
    '4. Texts contain placeholders such as ⟦PHONE_1⟧ for personal values you cannot see. Copy a placeholder exactly (with its brackets) where the reply needs that value. Never make up a placeholder, and never write a phone number, ID or card number, e-mail address, street address or money amount of your own.',
    '5. Placeholders marked "leave out" stand for data the reply must not repeat: refer to it without the value (您登记的手机号, 订单页显示的金额).',
    '6. Promise effort, never outcomes. Offer an alternative or a next step instead of a bare refusal.',
    '',
    `The team's rules — a reply fails on any finding at severity "${rules.failOn}" or above:`,
    ...rules.categories.map((c) => `- ${c.category} (${c.severity}): ${CATEGORY_HELP[c.category] ?? c.help ?? c.category}`),
  ];
  if (rules.instructions) lines.push('', 'The team\'s own instructions:', rules.instructions.trim());
  return lines.join('\n');
}

function userPrompt(p: PromptInput): string {
  const parts: string[] = [];
  if (p.message !== undefined) parts.push('The customer wrote:', quoted(p.message), '');
  if (p.context && p.context.length > 0) parts.push('Context:', ...p.context.map(([k, v]) => `- ${k}: ${v}`), '');
  parts.push('The agent\'s draft:', quoted(p.draft), '', 'Findings in the draft (what is wrong and why):');
  for (const f of p.findings) {
    parts.push(`- [${f.severity}] ${f.ruleId} at "${f.excerpt}": ${f.message}${f.suggestion ? ` Better, for example: ${f.suggestion}` : ''}`);
  }
  if (p.keep.length > 0) parts.push('', `Placeholders to keep (the reply needs these values): ${p.keep.join(' ')}`);
  if (p.leaveOut.length > 0) parts.push('', `Placeholders to leave out: ${p.leaveOut.join(' ')}`);
  if (p.templates.length > 0) {
    parts.push('', 'Replies from the team\'s phrasebook for this kind of message (style examples; adapt them, {{…}} are slots):');
    p.templates.forEach((t, i) => parts.push(`${i + 1}. ${t.replace(/\n/g, ' ')}`));
  }
  parts.push('', 'Write the improved reply now.');
  return parts.join('\n');
}

/** The whole conversation: instructions, the task, and one exchange per rejected attempt. */
export function buildMessages(p: PromptInput, rejections: readonly Rejection[] = []): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(p.rules, p.language) },
    { role: 'user', content: userPrompt(p) },
  ];
  for (const r of rejections) {
    messages.push({ role: 'assistant', content: r.answer });
    messages.push({ role: 'user', content: `That reply cannot be used:\n${r.reasons.map((x) => `- ${x}`).join('\n')}\nWrite the improved reply again, following every rule above.` });
  }
  return messages;
}

/**
 * The reply inside what a model wrote: without code fences, a heading such as "改写后：" or
 * "Reply:", or quotation marks around the whole of it.
 */
export function cleanAnswer(raw: string): string {
  let s = raw.trim();
  // ```lang\n … \n``` around the whole answer
  const fence = /^```[\w-]*\n([\s\S]*?)\n?```$/.exec(s);
  if (fence) s = fence[1]!.trim();
  // A heading word, then a colon: 改写后：/ 回复: / Rewritten reply:
  s = s.replace(/^(?:改写后的?回复|改写后|改写|回复|修改后|rewritten reply|rewrite|reply)\s*[:：]\s*/i, '');
  const pairs: Array<[string, string]> = [['"', '"'], ['“', '”'], ['「', '」'], ['『', '』'], ["'", "'"]];
  for (const [a, b] of pairs) {
    if (s.length >= 2 && s.startsWith(a) && s.endsWith(b) && !s.slice(1, -1).includes(b)) {
      s = s.slice(1, -1).trim();
      break;
    }
  }
  return s;
}
