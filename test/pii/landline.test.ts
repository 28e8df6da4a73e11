// Span-and-score table of the landline recognizer: area code + local number (0.55 with a dash or
// brackets, 0.35 as one run), and a bare local number (0.15) that only a phone word can confirm.
import { landline } from '../../src/pii/landline.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('landline', landline, 'landline', [
  ['您留的座机是010-62345678', reported('010-62345678', 0.9)],
  ['(0755)87654321', reported('(0755)87654321', 0.55)],
  ['座机021-6234-5678', reported('021-6234-5678', 0.9)],
  ['0755-8765-4321', reported('0755-8765-4321', 0.55)],
  ['活动日期2023-06-18', null],
  ['请联系0571-88886666转123', reported('0571-88886666转123', 0.9)],
  ['010-12345678-1234是您的座机吗', reported('010-12345678-1234', 0.9)],
  ['電話：０２１－６２３４５６７８', reported('０２１－６２３４５６７８', 0.55)], // 電話 is simplified only by the core's converter
  ['座机07557654321', reported('07557654321', 0.7)],
  ['07557654321', quiet('07557654321', 0.35)],
  ['收件电话：89076543。', reported('89076543', 0.5)],
  ['89076543', quiet('89076543', 0.15)],
  ['座机010 6234 5678', reported('010 6234 5678', 0.9)],
  ['座机（0755）8765 4321', reported('（0755）8765 4321', 0.9)],
  ['座机010.62345678', reported('010.62345678', 0.9)],
  ['座机+86 10 6234 5678', reported('+86 10 6234 5678', 0.9)],
  ['座机+86-755-87654321', reported('+86-755-87654321', 0.9)],
  ['座机零一零-六二三四五六七八', reported('零一零-六二三四五六七八', 0.9)],
  ['电话010-62345678 9点后有人接', reported('010-62345678', 0.9)],
  ['售后电话：400-820-8820转2', null],
  ['生产日期2023-11-05', null],
  ['订单编号010-62345678', quiet('010-62345678', 0.05)],
  ['有问题请拨打400-860-8608', null],
  ['客服热线4008608608', null],
  ['010-889931081', null], // nine-digit local number
  ['电话回访时间20240315', null], // a date, not a number to call
  ['派送前会打013912345678', null], // a mobile with trunk prefix, not an area code
  ['订单号0101234567890已为您备注', null],
  ['单价5.5元/12345678', null],
]);
