// Span-and-score table of the bank-card recognizer: 16–19 digits with an issuer prefix and a valid
// Luhn check (0.9), a card word raises to 1, an order or parcel word lowers to 0.4.
import { bankCard } from '../../src/pii/bank-card.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('bank-card', bankCard, 'bank-card', [
  ['银行卡号6228480012345671', reported('6228480012345671', 1)],
  ['退款已退到6222 0210 0112 3456 789', reported('6222 0210 0112 3456 789', 0.9)],
  ['信用卡4556-1234-5678-9015已绑定', reported('4556-1234-5678-9015', 1)],
  ['６２１７００１２３４５６７８９０１２２', reported('６２１７００１２３４５６７８９０１２２', 0.9)],
  ['5200001234567894', reported('5200001234567894', 0.9)],
  ['3568123456789013', reported('3568123456789013', 0.9)],
  ['已打款至60111234567890129', reported('60111234567890129', 0.9)],
  ['卡号6222021234567890128 5月到账', reported('6222021234567890128', 1)],
  ['卡号6222 0210 0112 3456 5月到账', null], // Luhn fails for these 16; the 5 is a month, not a 17th digit
  ['卡号6228.4800.1234.5671', reported('6228.4800.1234.5671', 1)],
  ['卡号六二二八四八〇〇一二三四五六七一', reported('六二二八四八〇〇一二三四五六七一', 1)],
  ['6228480012345671 13812345678', reported('6228480012345671', 0.9)],
  ['5477801972070712 是新卡', reported('5477801972070712', 0.9)],
  ['证件号54778019720707154', null], // 17 digits: Mastercard numbers have 16
  ['运单号6228480012345671已揽收', quiet('6228480012345671', 0.4)],
  ['银行卡号6228480012345672', null], // Luhn
  ['银行卡号7123456789012342', null], // Luhn-valid, but no issuer starts with 7
  ['620102199001011008', null], // Luhn-valid, but an ID's region and birth date: a mistyped ID
  ['sn6228480012345671', null],
  ['卡号6222 **** **** 5354', null],
  ['622848001234567', null], // 15 digits
  ['62284800123456710000', null], // 20 digits
]);
