// Span-and-score tables of the resident ID recognizers. 18 characters: a valid region, birth date
// and check character confirm (0.9), an ID word raises to 1, an order word lowers to 0.4.
// 15 digits: no check digit, so a valid shape stays at 0.3 and needs an ID word (0.65).
import { idCard, idCard15 } from '../../src/pii/id-card.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('id-card (18)', idCard, 'id-card', [
  ['您的身份证号110105198506121248已登记', reported('110105198506121248', 1)],
  ['收到，11010519850612123x', reported('11010519850612123x', 0.9)],
  ['证件号码：11010519850612123X', reported('11010519850612123X', 1)],
  ['身份证１１０１０５１９８５０６１２１２４８', reported('１１０１０５１９８５０６１２１２４８', 1)],
  ['已登记 110105 19850612 1248', reported('110105 19850612 1248', 0.9)],
  ['810000199501010015已核验', reported('810000199501010015', 0.9)],
  ['820000198808080023', reported('820000198808080023', 0.9)],
  ['830000200103150038', reported('830000200103150038', 0.9)],
  ['910000197505050043', reported('910000197505050043', 0.9)],
  ['931101199001010051', reported('931101199001010051', 0.9)],
  ['110105200002291235', reported('110105200002291235', 0.9)],
  ['订单号110105198506121248', quiet('110105198506121248', 0.4)],
  ['身份证号110105198506121249不对哦', null], // check character
  ['身份证号110105202302291236', null], // 29 February 2023
  ['身份证号110105190002291239', null], // 29 February 1900
  ['身份证号110105199002301231', null], // 30 February
  ['身份证号11010519901301123x', null], // month 13
  ['身份证号990105198506121233', null], // region 99
  ['身份证号720105198506121233', null], // region 72
  ['身份证号11010518790101123x', null], // born before 1880
  ['110105198506121248123', null], // inside a longer number
  ['身份证110***********1248已核验', null], // masked
]);

spanTable('id-card (15)', idCard15, 'id-card', [
  ['您的身份证号是150102880730303', reported('150102880730303', 0.65)],
  ['证件号码：410001910101123。', reported('410001910101123', 0.65)],
  ['收到，150102880730303', quiet('150102880730303', 0.3)],
  ['快递单号150102880730303已更新', quiet('150102880730303', 0)],
  ['身份证号360198910283844', null], // day 83
  ['身份证号990102880730303', null], // region 99
  ['身份证号815727834224151', null], // 81 issued no 15-digit IDs
  ['身份证号1501028807303031', null], // 16 digits
]);
