// A generated corpus of personal values as agents and customers really write them, and of
// near-miss look-alikes that are not personal data. Every value is made up here (valid checksums
// computed, nothing copied from real data), seeded, so every run sees the same texts.
//
//   positives: every value kind (mobile, landline, 18- and 15-digit ID, bank card, e-mail,
//     address, amount) × its groupings and separators × numeral styles (ASCII, full-width, Chinese,
//     financial, spoken 幺/两, mixed) × surrounding text (start, middle, end; Chinese and ASCII
//     punctuation; followed by a number that is not part of it; another value next to it;
//     traditional script; English sentences).
//   negatives: wrong checksums and lengths, order and tracking numbers, SKUs and model numbers,
//     product ids, prices, dates and times, masked values, 400/800 hotlines, ordinals and counts,
//     versions and IP addresses.
//
// Used by test/pii/corpus.test.ts (a slice, in-process) and eval/pii-corpus.mjs (all of it,
// through every surface). Plain JavaScript so that both can import it.

import { rng } from '../../bench/replies.mjs';

// ------------------------------------------------------------------ digits and checksums

const FULLWIDTH = '０１２３４５６７８９';
const CHINESE = '〇一二三四五六七八九';
const FINANCIAL = '零壹贰叁肆伍陆柒捌玖';

/** Luhn check digit for a string of digits (the digit to append). */
function luhnDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 check character of 17 digits ('X' for 10). */
function idCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** A digit string spelt in one style; `r` picks the per-digit style of 'mixed' and the spoken variants. */
export function spell(digits, style, r) {
  let out = '';
  for (const c of digits) {
    if (!/\d/.test(c)) {
      out += style === 'fullwidth' && c === 'X' ? 'Ｘ' : c;
      continue;
    }
    const d = Number(c);
    const s = style === 'mixed' ? ['ascii', 'fullwidth', 'chinese', 'financial'][Math.floor(r() * 4)] : style;
    if (s === 'ascii') out += c;
    else if (s === 'fullwidth') out += FULLWIDTH[d];
    else if (s === 'chinese') out += d === 0 && r() < 0.5 ? '零' : CHINESE[d];
    else if (s === 'financial') out += FINANCIAL[d];
    // As a number is read out on the phone: 幺 for 1, 两 for 2 now and then, 洞 never (not written).
    else if (s === 'spoken') out += d === 1 ? '幺' : d === 2 && r() < 0.5 ? '两' : d === 0 ? '零' : CHINESE[d];
  }
  return out;
}

/** `digits` in groups of the given sizes with `sep` between them. */
function group(digits, sizes, sep) {
  const parts = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(digits.slice(at, at + n));
    at += n;
  }
  return parts.join(sep);
}

export const NUMERAL_STYLES = ['ascii', 'fullwidth', 'chinese', 'financial', 'spoken', 'mixed'];
/** Separators between digit groups: blank, dash, dot, underscore, slash, their full-width forms, ideographic space, dash with blanks, em dash, middle dot. */
export const SEPARATORS = [' ', '-', '.', '_', '/', '－', '．', '　', ' - ', '—', '·'];

// ------------------------------------------------------------------ values

const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '170', '171', '173', '175', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];
const AREA_CODES = ['010', '020', '021', '022', '023', '024', '025', '027', '028', '029', '0311', '0351', '0371', '0431', '0451', '0531', '0571', '0574', '0591', '0731', '0755', '0757', '0769', '0851', '0871', '0931', '0991'];
/** Region codes: a real province prefix and made-up city and county digits. */
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const CARD_PREFIXES = [['622202', 19], ['622848', 19], ['621700', 19], ['623668', 19], ['622588', 16], ['625807', 16], ['436742', 16], ['404119', 16], ['518710', 16], ['552599', 16], ['356827', 16], ['621226', 19], ['601382', 19]];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const digitsN = (r, n) => Array.from({ length: n }, () => String(Math.floor(r() * 10))).join('');
const pad2 = (n) => String(n).padStart(2, '0');

function birthDate(r, from = 1940, to = 2012) {
  const y = from + Math.floor(r() * (to - from));
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}${pad2(m)}${pad2(d)}`;
}

export const makeValue = {
  mobile: (r) => pick(r, MOBILE_PREFIXES) + digitsN(r, 8),
  landline: (r) => {
    const area = pick(r, AREA_CODES);
    const len = area.length === 3 ? 8 : r() < 0.5 ? 7 : 8;
    return { area, local: String(2 + Math.floor(r() * 7)) + digitsN(r, len - 1) };
  },
  id18: (r) => {
    const first17 = pick(r, PROVINCES) + digitsN(r, 4) + birthDate(r) + digitsN(r, 3);
    return first17 + idCheck(first17);
  },
  id15: (r) => pick(r, PROVINCES) + digitsN(r, 4) + birthDate(r, 1940, 1999).slice(2) + digitsN(r, 3),
  card: (r) => {
    const [prefix, len] = pick(r, CARD_PREFIXES);
    const body = prefix + digitsN(r, len - prefix.length - 1);
    return body + luhnDigit(body);
  },
};

// ------------------------------------------------------------------ spellings of each kind

/** Every spelling of a digit value: unseparated, and each grouping × each separator. */
function groupedSpellings(digits, shapes) {
  const out = [{ shape: String(digits.length), sep: '', text: digits }];
  for (const sizes of shapes) for (const sep of SEPARATORS) out.push({ shape: sizes.join('-'), sep, text: group(digits, sizes, sep) });
  return out;
}

const MOBILE_SHAPES = [[3, 4, 4], [3, 8], [7, 4], [4, 4, 3]];
const MOBILE_PREFIX_FORMS = ['+86', '+86 ', '+86-', '0086', '0086 ', '(+86)', '（+86）', '(86)', '0'];
const ID18_SHAPES = [[6, 8, 4], [6, 4, 4, 4], [4, 4, 4, 4, 2]];
const ID15_SHAPES = [[6, 6, 3]];
const CARD_SHAPES = { 16: [[4, 4, 4, 4]], 19: [[4, 4, 4, 4, 3]] };

// ------------------------------------------------------------------ surrounding text

/**
 * Templates per kind: `{v}` is the value. Position (start, middle, end), punctuation (Chinese,
 * ASCII), a number after it that is not part of it, traditional script, English.
 */
const PHONE_TEMPLATES = [
  ['start', '{v}是您的联系电话吗？'],
  ['middle', '您的手机号{v}已登记，请留意短信'],
  ['end', '好的，收件人电话：{v}'],
  ['zh-punct', '快递员会联系您（{v}），请保持畅通'],
  ['zh-punct', '您留的号码「{v}」已备注。'],
  ['ascii-punct', '已更新联系方式 ({v}), 请核对'],
  ['ascii-punct', '电话: "{v}".'],
  ['number-after', '电话{v} 11点前联系您'],
  ['number-after', '您的手机{v} 2件商品已发出'],
  ['number-after', '联系电话{v}，3天内回电'],
  ['plain', '派送前会打{v}'],
  ['traditional', '您的電話是{v}，請查收簡訊'],
  ['traditional', '收件人手機：{v}。'],
  ['english', 'Your phone number {v} has been updated.'],
  ['english', 'We will call you at {v} tomorrow.'],
];
const LANDLINE_TEMPLATES = [
  ['start', '{v}是您家里的座机吗？'],
  ['middle', '您留的座机{v}已登记'],
  ['end', '好的，已备注固话：{v}'],
  ['zh-punct', '收件电话（{v}）已更新。'],
  ['ascii-punct', '座机: {v}, 已核对'],
  ['number-after', '座机{v} 9点后有人接'],
  ['traditional', '您的室內電話{v}已登記'],
  ['english', 'Please call {v} for the invoice.'],
];
const ID_TEMPLATES = [
  ['start', '{v}是您本人的身份证吗？'],
  ['middle', '您的身份证号{v}已登记'],
  ['end', '已核对证件号码：{v}'],
  ['zh-punct', '实名信息（{v}）已提交。'],
  ['ascii-punct', '身份证: "{v}", 已核验'],
  ['number-after', '身份证号{v} 3个工作日内审核'],
  ['plain', '收到，您提供的是{v}'],
  ['traditional', '您的身分證號碼{v}已登記'],
  ['english', 'Your ID number {v} has been verified.'],
];
const ID15_TEMPLATES = [
  ['middle', '您的身份证号{v}已登记'],
  ['end', '旧身份证号码：{v}'],
  ['zh-punct', '身份证（{v}）已核验。'],
  ['number-after', '身份证号{v} 2天内审核'],
  ['traditional', '您的身份證號{v}已登記'],
  ['english', 'Your old ID card number {v} is on file.'],
];
const CARD_TEMPLATES = [
  ['start', '{v}这张卡是您本人的吗？'],
  ['middle', '退款已退到您的银行卡{v}，请查收'],
  ['end', '您绑定的卡号：{v}'],
  ['zh-punct', '收款账户（{v}）已备注。'],
  ['ascii-punct', '卡号: {v}, 已绑定'],
  ['number-after', '卡号{v} 5月到账'],
  ['plain', '已打款至{v}'],
  ['traditional', '退款已退回您的銀行卡{v}，請查收'],
  ['english', 'The refund was sent to card {v} today.'],
];
const EMAIL_TEMPLATES = [
  ['start', '{v}是您登记的邮箱吗？'],
  ['middle', '发票已发送到{v}，请查收'],
  ['end', '好的，邮箱：{v}'],
  ['zh-punct', '电子发票会发到（{v}）。'],
  ['ascii-punct', '邮箱: {v}, 已登记'],
  ['number-after', '已发到{v} 3天内有效'],
  ['traditional', '發票已寄到{v}，請查收'],
  ['english', 'The invoice was sent to {v} this morning.'],
];
const ADDRESS_TEMPLATES = [
  ['start', '{v}是您的收货地址吗？'],
  ['middle', '已帮您改到{v}，请核对'],
  ['end', '好的，收货地址：{v}'],
  ['zh-punct', '新地址（{v}）已备注。'],
  ['ascii-punct', '地址: {v}, 已更新'],
  ['number-after', '寄到{v} 2天内送达'],
  ['traditional', '收貨地址已改為{v}，請核對'],
];
const AMOUNT_TEMPLATES = [
  ['middle', '您的订单实付{v}，已核对'],
  ['middle', '已退款{v}到您的账户'],
  ['end', '您这单支付的金额是{v}'],
  ['zh-punct', '退款（{v}）已原路退回。'],
  ['ascii-punct', '订单金额: {v}, 请核对'],
  ['number-after', '退款{v} 3个工作日内到账'],
  ['traditional', '您的訂單實付{v}，已核對'],
  ['english', 'Your refund of {v} has been issued.'],
];

// ------------------------------------------------------------------ addresses and amounts

const ADMIN = [
  ['浙江省杭州市西湖区', '浙江省杭州市西湖區'],
  ['北京市朝阳区', '北京市朝陽區'],
  ['上海市浦东新区', '上海市浦東新區'],
  ['广东省深圳市南山区', '廣東省深圳市南山區'],
  ['江苏省南京市鼓楼区', '江蘇省南京市鼓樓區'],
  ['四川省成都市武侯区', '四川省成都市武侯區'],
  ['湖北省武汉市洪山区', '湖北省武漢市洪山區'],
  ['', ''],
];
// Made-up road names (no real address is copied): a name and a road word.
const ROAD_NAMES = ['青松', '文华', '明德', '长宁', '新华', '和平', '建设', '花园', '育才', '锦绣', '丰收', '光明'];
const ROAD_WORDS = ['路', '街', '大道', '东路', '西路', '中路'];
const COMPOUNDS = ['阳光小区', '翠苑', '金色家园', '天和花园', '东方大厦', '云景公寓', '海棠苑'];
const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as house numbers are written (九十号, 二十八号). */
function chineseNumber(n) {
  if (n < 10) return CN_NUM[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_NUM[tens]) + '十' + CN_NUM[n % 10];
}

/** Address spellings: [style, simplified, traditional]. */
function addressSpellings(r) {
  const [admin, adminT] = pick(r, ADMIN);
  const road = pick(r, ROAD_NAMES) + pick(r, ROAD_WORDS);
  const roadT = road.replace('华', '華').replace('长', '長').replace('锦绣', '錦繡').replace('丰', '豐').replace('东', '東').replace('设', '設');
  const house = 1 + Math.floor(r() * 300);
  const bld = 1 + Math.floor(r() * 20);
  const unit = 1 + Math.floor(r() * 6);
  const room = `${1 + Math.floor(r() * 28)}0${1 + Math.floor(r() * 4)}`;
  const compound = pick(r, COMPOUNDS);
  const small = 1 + Math.floor(r() * 99);
  const t = (s) => s.replace(/号/g, '號').replace(/楼/g, '樓').replace(/单元/g, '單元').replace(/栋/g, '棟').replace(/门/g, '門');
  const out = [
    ['road-number', `${admin}${road}${house}号`],
    ['road-building-room', `${admin}${road}${house}号${bld}栋${unit}单元${room}`],
    ['road-building-room-室', `${admin}${road}${house}号${compound}${bld}号楼${room}室`],
    ['compound-building-unit-room', `${admin}${compound}${bld}栋${unit}单元${room}`],
    ['compound-dashed', `${admin}${compound}${bld}-${unit}-${room}`],
    ['fullwidth', spell(`${admin}${road}${house}号${bld}栋${room}室`, 'fullwidth', r)],
    ['chinese-numerals', `${admin}${road}${chineseNumber(small)}号${CN_NUM[1 + (bld % 9)]}栋${spell(room, 'chinese', r)}室`],
    ['blanks', [admin, `${road}${house}号`, `${bld}栋`, `${room}室`].filter(Boolean).join(' ')],
  ];
  if (!admin) out.splice(0, 1); // a road and number alone is confirmed only by a context word (寄到, 地址 …): kept in the templates below
  const trad = out.map(([style, v]) => [style, v, adminT + t(v.slice(admin.length)).replace(road, roadT)]);
  return trad;
}

/** Amount spellings of one sum: [style, text]. */
function amountSpellings(r) {
  const yuan = 10 + Math.floor(r() * 9000);
  const cents = Math.floor(r() * 100);
  const withCents = `${yuan}.${pad2(cents)}`;
  const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const hundreds = 100 + Math.floor(r() * 900);
  const h = String(hundreds);
  const cn = `${CN_NUM[Number(h[0])]}百${h[1] === '0' ? (h[2] === '0' ? '' : '零') : CN_NUM[Number(h[1])] + '十'}${h[2] === '0' ? '' : CN_NUM[Number(h[2])]}`;
  const fin = cn.replace(/[一二三四五六七八九]/g, (c) => FINANCIAL[CHINESE.indexOf(c)]).replace('百', '佰').replace('十', '拾');
  const k = 1 + Math.floor(r() * 9);
  return [
    ['yuan', `${yuan}元`],
    ['cents', `${withCents}元`],
    ['thousands-sign', `¥${thousands(yuan)}.${pad2(cents)}`],
    ['fullwidth-sign', `￥${spell(String(yuan), 'fullwidth', r)}`],
    ['rmb', `RMB ${yuan}`],
    ['kuai', `${yuan}块`],
    ['fullwidth', `${spell(String(yuan), 'fullwidth', r)}元`],
    ['chinese', `${cn}元`],
    ['financial', `${fin}元整`],
    ['mixed-multiplier', `${k}千${1 + Math.floor(r() * 9)}百元`],
    ['wan', `${k}.${1 + Math.floor(r() * 9)}万元`],
  ];
}

/** An e-mail address and its spellings: [style, text]. */
function emailSpellings(r) {
  const names = ['zhangwei', 'li.na', 'wang_fang', 'liuyang', 'chen.jie88', 'yangmin', 'huang_lei', 'zhao.li2020', 'sunhao', 'zhoutao'];
  const domains = [['qq', 'com'], ['163', 'com'], ['126', 'com'], ['gmail', 'com'], ['foxmail', 'com'], ['example', 'com.cn'], ['outlook', 'com'], ['sina', 'cn']];
  const local = pick(r, names) + (r() < 0.6 ? String(Math.floor(r() * 10000)) : '');
  const [host, tld] = pick(r, domains);
  const plain = `${local}@${host}.${tld}`;
  const fw = plain.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [
    ['plain', plain],
    ['upper', plain.toUpperCase()],
    ['fullwidth', fw],
    ['blanks-around-at', `${local} @ ${host}.${tld}`],
    ['(at)', `${local}(at)${host}.${tld}`],
    ['[at]', `${local}[at]${host}.${tld}`],
    ['(at)(dot)', `${local}(at)${host}(dot)${tld.replace('.', '(dot)')}`],
    ['艾特', `${local}艾特${host}.${tld}`],
    ['chinese-stop', `${local}@${host}。${tld.replace('.', '。')}`],
    ['chinese-local', `${pick(r, ['小明', '李娜', '王芳', '张伟'])}@${host}.${tld}`],
    ['mixed-local', `${local}_${pick(r, ['小明', '李娜', '王芳', '张伟'])}@${host}.${tld}`],
  ];
}

// ------------------------------------------------------------------ the corpus

/**
 * @typedef {{ id: number, kind: string, style: string, shape: string, sep: string, where: string,
 *   text: string, value: string, start: number, end: number }} Positive
 * @typedef {{ id: number, category: string, text: string }} Negative
 */

/**
 * The corpus. `valuesPerKind` values are drawn per number kind; each is spelt every way and put in
 * every template of its kind (cycled, so that each spelling meets several positions).
 * @returns {{ positives: Positive[], negatives: Negative[] }}
 */
export function generateCorpus({ seed = 11, valuesPerKind = 12 } = {}) {
  const r = rng(seed);
  const positives = [];
  let templateTurn = 0;
  const add = (kind, style, shape, sep, templates, value, traditional) => {
    const [where, tpl] = templates[templateTurn++ % templates.length];
    const v = where === 'traditional' && traditional ? traditional : value;
    const start = tpl.indexOf('{v}');
    positives.push({ id: 0, kind, style, shape, sep, where, text: tpl.replace('{v}', () => v), value: v, start, end: start + v.length });
  };
  // Every spelling × every numeral style, each put in the next template of its kind.
  const numbers = (kind, templates, digits, shapes, prefixes = ['']) => {
    for (const sp of groupedSpellings(digits, shapes)) {
      for (const style of NUMERAL_STYLES) {
        const prefix = prefixes[templateTurn % prefixes.length];
        add(kind, style, sp.shape, sp.sep, templates, prefix + spell(sp.text, style, r));
      }
    }
  };

  for (let i = 0; i < valuesPerKind; i++) {
    numbers('mobile', PHONE_TEMPLATES, makeValue.mobile(r), MOBILE_SHAPES, ['', '', '', ...MOBILE_PREFIX_FORMS]);
    numbers('id-card', ID_TEMPLATES, makeValue.id18(r), ID18_SHAPES);
    numbers('id-card-15', ID15_TEMPLATES, makeValue.id15(r), ID15_SHAPES);
    const card = makeValue.card(r);
    numbers('bank-card', CARD_TEMPLATES, card, CARD_SHAPES[card.length]);

    // Landlines: the ways an area code and a local number are joined.
    const { area, local } = makeValue.landline(r);
    const l2 = local.length === 8 ? [local.slice(0, 4), local.slice(4)] : [local.slice(0, 3), local.slice(3)];
    const forms = [
      ['area-dash', `${area}-${local}`],
      ['area-brackets', `(${area})${local}`],
      ['area-fullwidth-brackets', `（${area}）${local}`],
      ['area-blank', `${area} ${local}`],
      ['area-dash-grouped', `${area}-${l2[0]}-${l2[1]}`],
      ['area-blank-grouped', `${area} ${l2[0]} ${l2[1]}`],
      ['area-dot', `${area}.${local}`],
      ['country-code', `+86 ${area.slice(1)} ${local}`],
      ['country-code-dash', `+86-${area.slice(1)}-${local}`],
      ['extension', `${area}-${local}转${digitsN(r, 3)}`],
      ['extension-dash', `${area}-${local}-${digitsN(r, 4)}`],
      ['run', `${area}${local}`],
      ['local-only', local],
    ];
    for (const [shape, text] of forms) for (const style of NUMERAL_STYLES) add('landline', style, shape, '', LANDLINE_TEMPLATES, spell(text, style, r));

    for (const [style, v] of emailSpellings(r)) add('email', style, '', '', EMAIL_TEMPLATES, v);
    for (const [style, v, trad] of addressSpellings(r)) add('address', style, '', '', ADDRESS_TEMPLATES, v, trad);
    for (const [style, v] of amountSpellings(r)) add('amount', style, '', '', AMOUNT_TEMPLATES, v);
  }

  // Two values side by side: each must be found on its own, never glued into one.
  for (let i = 0; i < valuesPerKind * 4; i++) {
    const m1 = makeValue.mobile(r);
    const pairs = [
      [['mobile', m1], ['mobile', makeValue.mobile(r)]],
      [['mobile', m1], ['id-card', makeValue.id18(r)]],
      [['bank-card', makeValue.card(r)], ['mobile', makeValue.mobile(r)]],
      [['id-card', makeValue.id18(r)], ['bank-card', makeValue.card(r)]],
    ];
    const [[k1, v1], [k2, v2]] = pairs[i % pairs.length];
    const seps = [' ', '，', '、', '/', ' 和 ', '；'];
    const sep = seps[i % seps.length];
    const text = `登记信息：${v1}${sep}${v2}，请核对`;
    const s1 = text.indexOf(v1);
    const s2 = text.indexOf(v2, s1 + v1.length);
    positives.push({ id: 0, kind: k1, style: 'ascii', shape: 'pair', sep, where: 'next-to-value', text, value: v1, start: s1, end: s1 + v1.length });
    positives.push({ id: 0, kind: k2, style: 'ascii', shape: 'pair', sep, where: 'next-to-value', text, value: v2, start: s2, end: s2 + v2.length });
  }
  positives.forEach((p, i) => (p.id = i));

  const negatives = nearMisses(r, valuesPerKind * 3);
  negatives.forEach((n, i) => (n.id = i));
  return { positives, negatives };
}

// ------------------------------------------------------------------ near misses

/** Texts with numbers that look personal but are not, by category. */
function nearMisses(r, n) {
  const out = [];
  const add = (category, text) => out.push({ id: 0, category, text });
  for (let i = 0; i < n; i++) {
    // Wrong checksums: an ID with the wrong check character, a card failing Luhn (also grouped, in Chinese numerals).
    const id = makeValue.id18(r);
    const badCheck = '10X98765432'.replace(id[17], '')[Math.floor(r() * 10)];
    const badId = id.slice(0, 17) + badCheck;
    add('wrong-checksum', pick(r, [`身份证号${badId}不对，请您核对`, `证件号${group(badId, [6, 8, 4], '-')}有误`, `身份证${spell(badId, 'chinese', r)}校验不通过`]));
    const card = makeValue.card(r);
    const badCard = card.slice(0, -1) + String((Number(card.slice(-1)) + 1 + Math.floor(r() * 8)) % 10);
    add('wrong-checksum', pick(r, [`卡号${badCard}无效`, `银行卡${group(badCard, badCard.length === 16 ? [4, 4, 4, 4] : [4, 4, 4, 4, 3], ' ')}校验失败`]));

    // Wrong lengths: 10 and 12 digits where a mobile has 11, 17 for an ID, 15 and 20 for a card.
    const m = makeValue.mobile(r);
    add('wrong-length', pick(r, [`号码${m.slice(0, 10)}少了一位`, `号码${m}${digitsN(r, 1)}多了一位`, `编码${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7, 10)}不完整`]));
    add('wrong-length', pick(r, [`证件号${id.slice(0, 17)}少一位`, `卡号${card.slice(0, 15)}位数不对`, `流水${card}${digitsN(r, 4 - (card.length % 4 || 4) + 1)}`]));

    // Order and tracking numbers.
    const date = birthDate(r, 2020, 2026);
    add('order-number', pick(r, [`您的订单号是${date}${digitsN(r, 11)}，我帮您查看`, `订单号：${date}${digitsN(r, 10)}，已为您加急`, `订单编号 ${digitsN(r, 16)} 已备注`, `您的订单${m}${digitsN(r, 3)}已发货`, `售后单号 ${card} 已受理`, `工单${m}已处理`]));
    add('tracking-number', pick(r, [`顺丰单号SF${digitsN(r, 13)}，请查收`, `中通快递单号7${digitsN(r, 13)}`, `圆通YT${digitsN(r, 13)}已揽收`, `京东物流JD${digitsN(r, 13)}派送中`, `运单号${card}已揽收`, `快递单号${makeValue.id15(r)}已更新`, `物流单号 ${digitsN(r, 15)}，预计明天到`]));

    // Product ids, SKUs and model numbers, some of them phone-shaped.
    add('sku-model', pick(r, [`商品ID ${m}`, `型号 ABC-${m}`, `SKU: ${m}-BLK-XL`, `货号AB${digitsN(r, 10)}已下架`, `商品编号${digitsN(r, 12)}，请在搜索框输入`, `产品序列号SN${digitsN(r, 17)}`, `IMEI ${digitsN(r, 15)}已登记`, `型号XR-2023-${digitsN(r, 5)}，尺码M`, `宝贝ID：${m}`, `Model XR-${m} is in stock`]));

    // Prices and promotions.
    const p = 10 + Math.floor(r() * 2000);
    add('price', pick(r, [`这款活动价${p}元`, `原价${p + 100}元，现在到手价${p}元`, `满${p}减20，可以叠加店铺券`, `给您补偿一张${1 + (p % 50)}元补偿券`, `这款售价${p}元，今天下单立减10元`, `运费${1 + (p % 20)}元，满99包邮`, `单价${(p / 100).toFixed(1)}元/件`, `这款卖¥${p.toLocaleString('en-US')}，比上个月便宜`]));

    // Dates, times and timestamps.
    const y = 2020 + Math.floor(r() * 6);
    const mo = pad2(1 + Math.floor(r() * 12));
    const d = pad2(1 + Math.floor(r() * 28));
    const hh = pad2(Math.floor(r() * 24));
    add('date-time', pick(r, [`预计${y}-${mo}-${d} ${hh}:30前发货`, `下单时间${y}/${mo}/${d} ${hh}:23:45`, `活动时间${y}${mo}${d}-${y}${mo}${pad2(Number(d) + 1)}`, `请在${y}${mo}${d}${hh}59前完成付款`, `生产日期${y}${mo}${d}，保质期18个月`, `时间戳${1600000000 + Math.floor(r() * 1e8)}`, `日志${1600000000000 + Math.floor(r() * 1e11)}`, `${y}.${mo}.${d} ${hh}:00 已签收`, `二〇二${y % 10}年${Number(mo)}月${Number(d)}日发货`]));

    // Masked values.
    add('masked', pick(r, [`已登记号码${m.slice(0, 3)}****${m.slice(7)}`, `手机${m.slice(0, 3)} **** ${m.slice(7)}已更新`, `卡号${card.slice(0, 4)} **** **** ${card.slice(-4)}已绑定`, `身份证${id.slice(0, 3)}***********${id.slice(-4)}已核验`, `发票已发送到a***@qq.com`, `您尾号${m.slice(7)}的手机已收到短信了吗`, `收件人电话：${m.slice(0, 3)}-****-${m.slice(7)}`]));

    // Hotlines and service numbers.
    const hot = `${pick(r, ['400', '800'])}${digitsN(r, 7)}`;
    add('hotline', pick(r, [`有问题请拨打${hot.slice(0, 3)}-${hot.slice(3, 6)}-${hot.slice(6)}`, `客服热线${hot}，24小时在线`, `售后电话：${hot.slice(0, 3)} ${hot.slice(3, 6)} ${hot.slice(6)}转2`, `官方客服${pick(r, ['95188', '95533', '10086', '12315', '95555'])}，请放心`]));

    // Ordinals and counts.
    add('ordinal-count', pick(r, [`您是第${m}位顾客`, `第${m}位幸运用户`, `恭喜您成为本店第${2000000 + Math.floor(r() * 7e6)}位会员`, `累计销量${2000000 + Math.floor(r() * 7e6)}件`, `已有${2000000 + Math.floor(r() * 7e6)}人购买`]));

    // Versions, IP addresses and other dotted numbers.
    add('version-ip', pick(r, [`请升级到版本${1 + (i % 20)}.${i % 10}.${1000 + i}`, `服务器192.168.${i % 256}.${(i * 7) % 256}`, `固件v13.8.${digitsN(r, 4)}`, `尺寸${100 + (i % 50)}.5×${50 + (i % 30)}.5cm`]));

  }
  // Chinese numerals that are words or counts, not a spelt number.
  for (const text of ['一二三四五六七八九十，数到十就好', '三五天就能到', '一两件也可以发', '第一时间给您处理，十一点前回复', '买一送一，两件九折', '一二三四五六七八九零，密码别设这么简单']) add('chinese-numerals', text);
  return out;
}
