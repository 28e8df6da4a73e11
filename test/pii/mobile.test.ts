// Span-and-score table of the mobile recognizer (base 0.6, +0.35 next to a phone word, −0.5 next
// to an order/parcel word).
import { mobile } from '../../src/pii/mobile.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('mobile', mobile, 'mobile', [
  ['您的电话是13812345678对吗', reported('13812345678', 0.95)],
  ['已发送到13812345678，请查收', reported('13812345678', 0.6)],
  ['15912345678是您本人的手机吗', reported('15912345678', 0.95)],
  ['联系电话：１５９１２３４５６７８', reported('１５９１２３４５６７８', 0.95)],
  ['手机 159 1234 5678 已登记', reported('159 1234 5678', 0.95)],
  ['已帮您改成 +86 139-1234-5678', reported('+86 139-1234-5678', 0.6)],
  ['备注号码008618311006933', reported('008618311006933', 0.95)],
  ['派送前会打013912345678', reported('013912345678', 0.6)],
  ['19912345678', reported('19912345678', 0.6)],
  ['您的订单号是13912345678', quiet('13912345678', 0.1)],
  ['订单编号为 13912345678', quiet('13912345678', 0.1)],
  ['您的订单（收件人张伟 13511112222）已经发货了', reported('13511112222', 0.6)],
  ['您的订单已发出，收件电话13511112222', reported('13511112222', 0.95)],
  ['已登记号码138****5678', null],
  ['您尾号5678的手机已收到短信了吗', null],
  ['您的订单号是13912345678901', null], // 14 digits: not a phone
  ['136123456781', null], // 12 digits
  ['12345678901', null], // no mobile network starts 12
  ['sku13812345678', null], // glued to an identifier
  ['138123456780元', null],
]);
