// Exact money amounts tied to the customer's order, payment or refund: "您的订单金额是358元",
// "已退款88.8元". A price in a promotion (满199减20, 10元券, 定金50元抵100元) or a product price is not
// personal.

import { makeRecognizer } from './recognizer.js';

// Arabic amount: 1–9 digits, optional thousands groups and up to two decimals.
const NUM = '\\d{1,9}(?:,\\d{3})*(?:\\.\\d{1,2})?';
// Capital (大写) amounts use 壹…玖 and 拾佰仟万亿 (参, 貳, 陸, 萬, 億 in texts converted from, or
// left in, traditional script); ordinary Chinese numerals use 一…九 and 十百千万.
const CAPITAL = '[零壹贰貳叁参參肆伍陆陸柒捌玖拾佰仟万萬亿億]{2,16}';
// Arabic digits with Chinese multipliers: 3千5百, 1万2千, 2千零50.
const MIXED = '\\d{1,4}[万千百](?:零?\\d{1,4}[千百十]?){0,3}';
const CHINESE = '[一二两三四五六七八九十百千万零][一二两三四五六七八九十百千万零点]{0,10}';

export const amount = makeRecognizer({
  name: 'amount',
  kind: 'amount',
  mayContain: (t) => /[元块圆¥￥$]|rmb|usd|dollar/.test(t),
  patterns: [
    {
      name: 'currency-sign',
      // (?<![\w.*])(?:¥|￥|rmb|\$|人民币) a currency sign or code before the number, then the number
      regex: new RegExp(`(?<![\\w.*])(?:¥|￥|rmb|\\$|人民币) ?${NUM}(?![\\d*])`, 'gu'),
      score: 0.3,
    },
    {
      name: 'currency-unit',
      // (?<![\d.*a-z])NUM(?:万|千)? ?(?:元|块钱|块|圆|…) the number (1.5万), then a currency unit after it
      regex: new RegExp(`(?<![\\d.*a-z])${NUM}(?:万|千)? ?(?:元|块钱|块|圆|rmb|美元|美金|usd|dollars?)(?![a-z])`, 'gu'),
      score: 0.3,
    },
    {
      name: 'capital-amount',
      // 大写金额: 叁佰伍拾捌元(伍角)(整)
      regex: new RegExp(`${CAPITAL}(?:元|圆)(?:[零壹贰貳叁参參肆伍陆陸柒捌玖]角)?(?:[零壹贰貳叁参參肆伍陆陸柒捌玖]分)?整?`, 'gu'),
      score: 0.35,
    },
    {
      name: 'mixed-numeral-amount',
      // (?<![\d.])MIXED(?:元|块钱|块): 3千5百元, 1万2千块
      regex: new RegExp(`(?<![\\d.])${MIXED}(?:元|块钱|块|圆)`, 'gu'),
      score: 0.3,
    },
    {
      name: 'chinese-numeral-amount',
      // 三百五十八元 / 两千块: Chinese numerals then a currency unit
      regex: new RegExp(`${CHINESE}(?:元|块钱|块)`, 'gu'),
      score: 0.3,
    },
  ],
  context: {
    raise: [
      '订单', '金额', '总价', '总额', '实付', '实际支付', '付款', '支付', '已付', '应付', '付了', '退款', '退回', '退还', '退给', '退了',
      '退您', '到账', '扣款', '扣费', '扣了', '合计', '共计', '货款', '账户', '余额', '转账', '打款', '赔付', '赔偿', '返还', '尾款', '定金',
      'total', 'refund', 'paid', 'charged', 'payment', 'order', 'amount',
    ],
    lower: ['满', '减', '券', '优惠', '红包', '立减', '包邮', '运费', '邮费', '起', '折', '每', '单价', '售价', '原价', '活动价', '到手价', '抵', 'off', 'coupon'],
    before: 12,
    after: 6,
    lowerBefore: 3,
    lowerAfter: 3,
    raiseBy: 0.4,
    lowerBy: 0.6,
  },
});
