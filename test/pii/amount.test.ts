// Span-and-score table of the amount recognizer: a number with a currency (0.3, 0.35 for 大写)
// is only reported next to an order/payment/refund word (+0.4); promotion words right next to it
// (满, 减, 券, 活动价 …) drop it (−0.6).
import { amount } from '../../src/pii/amount.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('amount', amount, 'amount', [
  ['您的订单总价是699元', reported('699元', 0.7)],
  ['已退款88.8元到您的账户', reported('88.8元', 0.7)],
  ['您实付了¥1,299.00', reported('¥1,299.00', 0.7)],
  ['退款金额为叁佰伍拾捌元整', reported('叁佰伍拾捌元整', 0.75)],
  ['您的订单金额是三百五十八元', reported('三百五十八元', 0.7)],
  ['这款199元', quiet('199元', 0.3)],
  ['满199减20元', quiet('20元', 0)],
  ['给您补偿一张10元补偿券', quiet('10元', 0)],
  ['这款活动价199元', quiet('199元', 0)],
  ['预售定金50元可以抵100元', quiet('50元', 0)],
  ['定金付了50元，尾款下周付', reported('50元', 0.7)],
  ['已经退了您50块钱', reported('50块钱', 0.7)],
  ['refund amount: 88 usd', reported('88 usd', 0.7)],
  ['退款3千5百元已到账', reported('3千5百元', 0.7)],
  ['您实付1.5万元', reported('1.5万元', 0.7)],
  ['已退款１，２９９元', reported('１，２９９元', 0.7)],
  ['您的订单金额是三位数哦', null],
  ['退款将在1-3个工作日到账', null],
  ['已登记号码138****5678', null],
]);
