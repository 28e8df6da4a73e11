// Full street addresses: a road with a house number (文三路90号), or a building with a room
// (阳光小区3栋2单元501, 方圆大厦1105室), each with the administrative area in front and the
// building, unit, floor and room behind it when present. A city or district alone is not an
// address, nor is a road without a number. A road and number with nothing around them
// (南京西路1376号) is confirmed only by a context word (寄到, 地址 …), and a merchant's own address
// (仓库, 门店, 退货地址 …) is not personal data.

import { makeRecognizer } from './recognizer.js';

const H = '\\u4e00-\\u9fa5';
/** Chinese numerals as used in house and building numbers (九十号, 二期, 五楼). */
const CN = '一二三四五六七八九十百零〇两';

/**
 * Where an address may start: at the start of the text, after anything that is not a Chinese
 * character, letter or digit, or right after a word that introduces it (寄到, 地址是, 住在 …).
 * Without it the optional administrative parts would pull sentence text in on the left.
 */
const BOUND = `(?<=^|[^${H}\\da-z]|到|是|在|为|往|至|址|的|成|住|寄|送|于)`;

const PROVINCE_NAMES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// (?:中国)? then a province by name, with or without its suffix (浙江省, 广西壮族自治区, 上海市, 江西)
const PROVINCE = `(?:中国)?(?:${PROVINCE_NAMES})(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?`;
// a city: 2–4 characters + 市/自治州/地区/盟 (杭州市, 乌鲁木齐市)
const CITY = `[${H}]{2,4}?(?:市|自治州|地区|盟)`;
// a district or county: 1–7 characters (朝阳区, 东湖新技术开发区, 沂水县, 东阳市)
const DISTRICT = `[${H}]{1,7}?(?:区|县|旗|市)`;
// a town or sub-district: 低塘镇, 大浪街道
const TOWN = `[${H}]{1,6}?(?:镇|乡|街道)`;
// a development zone, park or community: 萧山经济技术开发区, 虞山高新技术产业园, 岗头社区
const ZONE = `[${H}a-z]{1,10}?(?:开发区|高新区|工业区|新区|园区|产业园|工业园|科技园|软件园|社区|农场)`;
// a remark in brackets between the area and the road: 普陀区（长征工业园）同普路
const REMARK = `(?:[(（][^()（）]{1,12}[)）])?`;
// …and a blank after the area, as in 上海市浦东新区 世纪大道100号
const ADMIN = `(?:${PROVINCE})?(?:${CITY})?(?:${DISTRICT})?(?:${TOWN})?(?:${ZONE})?${REMARK}(?:(?<=[省市区县旗镇乡道]) )?`;

// A road: a name of 1–10 characters, a road word, an optional section (中, 西段, 二段) and an
// optional lane or village behind it (安翔路安翔里, 郑巷村吕家). 道 after 知/频/通 … is not a road.
const ROAD_WORD = `(?:大道|大街|公路|环路|胡同|路|街|(?<![知频通味赛跑轨车渠管隧航])道|巷|村)`;
const SECTION = `(?:[东西南北中]{1,2}(?:段|侧)?|[${CN}\\d]{1,2}段)?`;
const ROAD = `[${H}\\da-z]{1,10}?${ROAD_WORD}${SECTION}[${H}]{0,4}?`;
// A house number: 甲16号, 8-10号, 九十号, 十八号之一, 1号院, and a lane number 299弄.
const HOUSE = `(?:甲|乙|丙|丁)?(?:\\d{1,5}(?:-\\d{1,5})?|[${CN}]{1,5})(?:号|弄)(?:院|之[${CN}\\d]{1,2})?`;

// Behind the house number: a building or compound name, then building, unit, floor or room.
const NAME = `[${H}a-z()（）· ]{0,14}?`;
// 3号楼, 4栋, b座, c1座, 二期, 2号院, c区
const BUILDING = `(?:[a-z]?\\d{1,3}[a-z]?|[${CN}]{1,3}|[a-z])(?:号楼|栋|幢|座|号院|期|区)`;
const UNIT = `(?:\\d{1,2}|[${CN}]{1,2})单元`;
// 12层, 五楼, 27f, -1层
const FLOOR = `(?:-?\\d{1,3}|[${CN}]{1,3})(?:层|楼|f)(?![a-z])`;
// 2503, 806c, 1201-d室, 708-711室, f1-801室, 9号: a room has 3–5 digits or a 室/房/户 after it;
// it is never the start of an amount, a count, a date or an area (1200元, 2024年, 1200平).
const NOT_QUANTITY = `(?![\\da-z元块件个次天年月日%克斤米平])`;
// A room in Chinese numerals needs its 室/房/户: 二零一室.
const ROOM = `(?:(?:[a-z]\\d{0,2}-)?[a-z]?\\d{3,5}[a-z]?(?:-[a-z\\d]{1,4})?(?:室|房|户|号)?|\\d{1,5}(?:-\\d{1,5})?(?:室|房|户)|[〇零一二三四五六七八九]{3,4}(?:室|房|户))${NOT_QUANTITY}`;
const PART = `[\\s-]{0,2}${NAME}(?:${BUILDING}|${UNIT}|${FLOOR}|${ROOM})`;
// Names that end a building or compound; a 3–4 digit number right after one is a room (恩和大厦912).
// 中心 is not among them: 客服中心95188 is a hotline.
const COMPOUND = '(?:大厦|广场|公寓|花园|家园|小区|苑|阁|公馆|大楼|商厦)';
// Building, unit and room as three numbers after a compound name: 阳光小区3-2-501, 6-1102.
const DASHED = '\\d{1,3}(?:-\\d{1,2})?-\\d{3,4}(?![\\d-])';

/**
 * Introducing words left inside a match (when BOUND let it start earlier, e.g. at the start of the
 * text): trimmed off, up to the last one before the first digit. Single characters are the ones
 * BOUND accepts that never occur in place names (于, 至, 为 do: 于家堡, 至善路, 为民路).
 */
const CUE = /^[^\d]*(?:寄到|送到|发到|寄往|发往|送往|地址是|地址为|地址|住在|住址|改到|改成|改为|换到|搬到|到|是|在|往|址|的|住)/u;

/** Administrative words before the road: 省 市 区 县 旗 镇 乡 (and 街道). */
const ADMIN_WORD = /[省市区县旗镇乡]|街道/u;
/**
 * A room: with 室/房/户, in a unit, 3–5 digits after a building, a floor or a compound name, or
 * building-unit-room numbers after a compound name.
 */
const ROOM_PART = new RegExp(`\\d{1,5}(?:室|房|户)|[〇零一二三四五六七八九]{3,4}(?:室|房|户)|单元|(?:号楼|栋|幢|座|楼|层|f|${COMPOUND})[\\s-]{0,2}[a-z]?\\d{3,5}|${COMPOUND}${DASHED}`, 'u');

export const address = makeRecognizer({
  name: 'address',
  kind: 'address',
  // a road, building, floor, room or compound word, and a number
  mayContain: (t) => /[路街巷弄道村栋幢座室房户单楼层厦心场寓园苑阁馆区]/.test(t) && /\d|[一二三四五六七八九十]号/.test(t),
  patterns: [
    {
      // BOUND, administrative area, road, house number, then up to five building/unit/floor/room parts
      name: 'street-address',
      regex: new RegExp(`${BOUND}${ADMIN}${ROAD}${HOUSE}(?:${PART}){0,5}`, 'gu'),
      score: 0.45,
    },
    {
      // BOUND, administrative area, optional road without a number, a building or compound name
      // (2–20 characters), then building(s) + (unit) + (floor) + room, unit + room, floor + room
      // (海晖阁20楼2004), a room right after a compound name (恩和大厦912), or a room with 室
      name: 'building-address',
      regex: new RegExp(
        `${BOUND}${ADMIN}(?:${ROAD})?[${H}a-z()（）·]{2,20}?(?:(?:${BUILDING}[\\s-]{0,2}){1,2}(?:${UNIT})?[\\s-]{0,2}(?:${FLOOR}[\\s-]{0,2})?(?:${ROOM})|${UNIT}(?:${ROOM})|${FLOOR}[\\s-]{0,2}(?:${ROOM})|(?<=${COMPOUND})[a-z]?-?\\d{3,4}[a-z]?(?:室|房|户)?${NOT_QUANTITY}|(?<=${COMPOUND})${DASHED}|\\d{1,5}(?:-\\d{1,5})?(?:室|房|户)${NOT_QUANTITY})(?:${PART}){0,3}`,
        'gu',
      ),
      score: 0.5,
    },
  ],
  validate(value) {
    const road = /(?:路|街|道|巷|弄|胡同|村)/u.exec(value);
    const admin = ADMIN_WORD.test(road ? value.slice(0, road.index) : value.replace(/\d.*$/u, ''));
    const house = /\d(?:号|弄)|[一二三四五六七八九十]号/u.exec(value);
    const room = ROOM_PART.test(value) || (house !== null && /[a-z]?\d{3,5}/.test(value.slice(house.index + 2)));
    if (admin && room) return { ok: true, reason: 'administrative area, street and room' };
    if (room) return { ok: true, reason: 'building and room numbers' };
    if (admin && house) return { ok: true, reason: 'administrative area, street and house number' };
    // A road and a number with nothing around them: confirmed only by a context word.
    return { ok: true, reason: house ? 'road and house number only' : 'building and floor only', score: 0.45 };
  },
  refine(text, start, end) {
    const cue = CUE.exec(text.slice(start, end));
    return cue && cue[0].length < end - start ? [start + cue[0].length, end] : [start, end];
  },
  context: {
    raise: ['地址', '收货', '收件', '寄到', '送到', '发到', '寄往', '发往', '送往', '改到', '改成', '改为', '配送到', '派送到', '住在', '住址', '家在', '搬到'],
    // The merchant's own addresses: warehouse, shop, return address, head office, pick-up points.
    lower: ['仓库', '门店', '实体店', '专卖店', '旗舰店', '总部', '公司地址', '办公地址', '退货地址', '售后地址', '寄回', '退回到', '营业厅', '自提点', '驿站'],
    before: 10,
    after: 4,
    lowerBefore: 12,
    lowerAfter: 4,
  },
});
