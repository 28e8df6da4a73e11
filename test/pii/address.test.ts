// Span-and-score table of the address recognizer. A road + house number is 0.45; an administrative
// area in front or a building/room behind confirms it (0.9); a cue word (寄到, 地址 …) raises by
// 0.35; a merchant's own address (仓库, 门店 …) lowers by 0.5.
import { address } from '../../src/pii/address.js';
import { quiet, reported, spanTable } from './table.js';

spanTable('address', address, 'address', [
  ['北京市朝阳区建国路88号', reported('北京市朝阳区建国路88号', 0.9)],
  ['已帮您改到北京市朝阳区建国路88号', reported('北京市朝阳区建国路88号', 1)],
  ['地址是杭州市西湖区文三路90号东部软件园3号楼201室', reported('杭州市西湖区文三路90号东部软件园3号楼201室', 1)],
  ['收货地址：阳光小区3栋2单元501', reported('阳光小区3栋2单元501', 1)],
  ['余姚市低塘镇郑巷村吕家43-1号', reported('余姚市低塘镇郑巷村吕家43-1号', 0.9)],
  ['上海市闵行区吴中路686弄D座12F', reported('上海市闵行区吴中路686弄D座12F', 0.9)],
  ['广州市天河区黄埔大道中311号', reported('广州市天河区黄埔大道中311号', 0.9)],
  ['辽宁省沈阳市沈河区方圆大厦1105室', reported('辽宁省沈阳市沈河区方圆大厦1105室', 0.9)],
  ['请寄到南京西路1376号', reported('南京西路1376号', 0.8)],
  ['南京西路1376号', quiet('南京西路1376号', 0.45)],
  ['星光大道九十号', quiet('星光大道九十号', 0.45)],
  ['我们门店在南京西路1376号', quiet('南京西路1376号', 0)],
  ['退货请寄回仓库：浙江省杭州市余杭区文一西路1500号', quiet('浙江省杭州市余杭区文一西路1500号', 0.4)],
  ['已帮您改到北京市朝阳区，请核对', null],
  ['我们仓库在杭州市，从那里发货', null],
  ['我们在文三路附近有门店', null],
  ['这款鞋子38号偏小，建议拍39号', null],
  ['请选择3号色，比较显白', null],
  ['1号线换乘2号线到人民广场站', null],
  ['我知道1号发货，寄到您那边大概3天', null],
  ['已为您备注：送货上门，放在3栋门口', null],
  ['套餐里有2个1200毫安的电池', null],
  ['这款a3座椅很受欢迎，库存还有1200件', null],
]);

spanTable('address: rooms after a floor or a compound name', address, 'address', [
  ['已帮您改到恩和大厦912，请核对', reported('恩和大厦912', 1)],
  ['深圳市南山区蛇口海滨花园海晖阁20楼2004', reported('深圳市南山区蛇口海滨花园海晖阁20楼2004', 0.9)],
  ['朝阳区四惠大厦5048', reported('朝阳区四惠大厦5048', 0.9)],
  ['华润大厦38层', null], // a floor of an office tower identifies no one
  ['请拨打客服中心95188', null],
  ['万达广场2024年开业', null],
  ['这套公寓1200平，3楼1200元一个月', null],
]);

spanTable('address: the spellings people write', address, 'address', [
  ['收货地址：阳光小区3-2-501', reported('阳光小区3-2-501', 1)],
  ['收货地址：杭州市西湖区文三路九十号三幢二零一室', reported('杭州市西湖区文三路九十号三幢二零一室', 1)],
  ['已改到上海市浦东新区 锦绣街117号 15栋 2104室', reported('上海市浦东新区 锦绣街117号 15栋 2104室', 1)],
  ['地址：上海市浦东新区世纪大道１００号', reported('上海市浦东新区世纪大道１００号', 1)],
  ['我们在朝阳区3-2-501', null],
]);
