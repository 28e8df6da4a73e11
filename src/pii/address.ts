// Full street addresses: an administrative area (省/市/区/县) followed by a street and a house
// number, or a residential compound with building and room numbers. A city name alone is not an
// address; a district plus a road name without a number is not either.

import { makeRecognizer } from './recognizer.js';

const H = '\\u4e00-\\u9fa5';
/** Words that introduce an address; trimmed off the front of a match. */
const CUE = /^.*(?:寄到|送到|发到|寄往|发往|送往|地址是|地址为|地址:|住在|住址|改到|改成|改为|换到)/u;

const ADMIN = `(?:[${H}]{2,6}?(?:省|自治区|特别行政区))?(?:[${H}]{2,6}?(?:市|自治州|地区|盟))?(?:[${H}]{1,6}?(?:区|县|旗|市))?`;
const TOWN = `(?:[${H}]{1,8}?(?:镇|乡|街道))?`;
const STREET = `[${H}\\da-z]{1,12}?(?:路|街|大道|大街|巷|弄|胡同)`;
const NUMBER = `\\d{1,5}(?:-\\d{1,5})?号`;
const UNIT = `(?:[${H}\\da-z-]{0,12}?\\d{1,5}(?:室|户|号房|楼))?`;
const COMPOUND = `[${H}]{2,12}?(?:小区|花园|公寓|大厦|家园|新村|苑|大楼|广场|村)`;
const BUILDING = `\\d{1,3}(?:栋|幢|号楼|座|期)(?:\\d{1,3}单元)?\\d{1,5}(?:室|号)?`;

export const address = makeRecognizer({
  name: 'address',
  kind: 'address',
  mayContain: (t) => /[路街巷弄道栋幢室]/.test(t) && /\d/.test(t),
  patterns: [
    {
      // administrative area + optional town + street + house number + optional unit/room
      name: 'street-address',
      regex: new RegExp(`${ADMIN}${TOWN}${STREET}${NUMBER}${UNIT}`, 'gu'),
      score: 0.45,
    },
    {
      // optional administrative area + compound + building/unit/room (xx小区3栋2单元501)
      name: 'compound-address',
      regex: new RegExp(`${ADMIN}${COMPOUND}${BUILDING}`, 'gu'),
      score: 0.55,
    },
  ],
  validate(value) {
    const admin = /[省市区县旗镇乡]/.test(value.replace(/(?:路|街|大道|巷|弄).*$/u, ''));
    const unit = /\d{1,5}(?:室|户|号房|单元|栋|幢|号楼)/.test(value);
    if (admin || unit) return { ok: true, reason: admin ? 'administrative area + street + number' : 'building and room numbers' };
    return { ok: false, reason: 'a street and number without area or unit is too vague' };
  },
  refine(text, start, end) {
    const cue = CUE.exec(text.slice(start, end));
    return cue ? [start + cue[0].length, end] : [start, end];
  },
  context: { raise: ['地址', '收货', '寄到', '送到', '住', '配送到'], before: 10, after: 4 },
});
