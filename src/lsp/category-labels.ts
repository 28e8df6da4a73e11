// The label of each shipped category as hovers show it, for rules that do not carry their
// categories' labels themselves. Loaded rules that do (LintSession.category) take precedence.

import type { CategoryInfo } from './host.js';

export const CATEGORY_LABELS: Readonly<Record<string, CategoryInfo>> = {
  'banned-phrase': { label: { zh: '服务禁语', en: 'banned phrase' }, description: 'forbidden service phrases such as 不知道, 你自己看, 这是规定' },
  'absolute-promise': { label: { zh: '绝对化承诺', en: 'absolute promise' }, description: 'guarantees about outcomes nobody controls (an effort promise is fine)' },
  'sensitive-data': { label: { zh: '泄露个人信息', en: 'sensitive data' }, description: 'the reply leaks personal or exact financial data' },
  'privacy-request': { label: { zh: '索要隐私', en: 'privacy request' }, description: 'asks the customer for data an agent must never ask for' },
  'buck-passing': { label: { zh: '推诿', en: 'buck-passing' }, description: 'pushes the customer away to someone else' },
  rude: { label: { zh: '不礼貌', en: 'rude' }, description: 'insulting, sarcastic or hostile wording' },
  'blame-customer': { label: { zh: '指责客户', en: 'blaming the customer' }, description: 'blames the customer instead of helping' },
  'negative-wording': { label: { zh: '生硬拒绝', en: 'bare refusal' }, description: 'a refusal with no alternative offered' },
  'exclamation-overuse': { label: { zh: '感叹号过多', en: 'exclamation overuse' }, description: 'runs of exclamation marks, or exclamations on most sentences' },
  'ad-claim': { label: { zh: '绝对化广告用语', en: 'advertising claim' }, description: 'superlatives the advertising law forbids (全网最低, 第一)' },
  'off-platform': { label: { zh: '引导站外交易', en: 'off-platform contact' }, description: 'steering the customer off the platform (加微信, QQ)' },
  'review-solicitation': { label: { zh: '诱导好评', en: 'review solicitation' }, description: 'paying or pressing for good reviews' },
  style: { label: { zh: '表达建议', en: 'style' }, description: 'style advice: mechanical wording, slang, missing apology or next step' },
};
