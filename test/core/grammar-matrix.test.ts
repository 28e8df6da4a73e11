// Generalisation matrices: for each category, replies composed from its roles (who is addressed ×
// what is said of them × how the clause ends), each also in traditional characters, in full-width
// characters and wrapped in softeners (亲…哦/呢/呀). Every composed reply must be caught in its
// category; every harmless look-alike — the same words in a role that makes them polite — must
// not. The parts are written for this test; none is a sentence of the rule data.
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { shippedEngine } from '../helpers/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const toTaiwan = Converter({ from: 'cn', to: 'tw' }) as (s: string) => string;
const toHongKong = Converter({ from: 'cn', to: 'hk' }) as (s: string) => string;

/** ASCII letters, digits and punctuation as their full-width forms (１００％, ！, ？). */
const toFullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Every combination of one part from each list, joined. */
function compose(...lists: string[][]): string[] {
  return lists.reduce<string[]>((acc, list) => acc.flatMap((a) => list.map((b) => a + b)), ['']);
}

/** A softener added at the end of the words, before any closing punctuation (不行哦！). */
const soften = (text: string, particle: string): string => text.replace(/([。！？!?.…~]*)$/, `${particle}$1`);

/** The reply as typed in other scripts and widths, and wrapped in softeners. */
function variants(text: string): string[] {
  return [...new Set([text, toTaiwan(text), toHongKong(text), toFullWidth(text), `亲，${text}`, soften(text, '哦'), soften(text, '呢'), `亲亲${soften(text, '呀')}`])];
}

/** Categories raised at warning or error. */
const raised = (text: string): Set<string> => new Set(engine.check(text).findings.filter((f) => f.severity !== 'info').map((f) => f.category));

interface Matrix {
  category: string;
  /** Replies that must be caught in `category`, before variants. */
  caught: string[];
  /** Look-alikes that must not be caught in `category`, before variants. */
  clean: string[];
}

const MATRICES: Matrix[] = [
  {
    category: 'rude',
    caught: [
      // the customer × an intensifier × a judgement × an ending
      ...compose(['你', '您', '你这个人', '你这人'], ['真', '也太', '怎么这么', '实在是'], ['笨', '啰嗦', '小气', '烦人', '难缠', '幼稚'], ['', '了', '啊', '！']),
      // the customer × a put-down that needs no intensifier
      ...compose(['你', '您', '你是不是', '您是不是'], ['有病', '脑子进水了', '不可理喻', '蛮不讲理', '没素质'], ['', '吧', '啊', '？']),
      // names called, as statements or questions
      ...compose(['你就是个', '您是', '你是不是'], ['骗子', '文盲', '白痴', '乞丐'], ['', '吧', '吗？', '啊']),
      // comprehension questions aimed at the customer
      ...compose(['', '这都'], ['听不懂吗', '看不懂中文吗', '听不明白人话？'], ['', '？']),
      ...compose(['你', '您', '你到底', '您到底'], ['明不明白', '懂不懂', '听没听见', '识不识字'], ['', '啊', '？']),
      ...compose(['', '我说的'], ['听懂了没有', '明白了没', '听到没有'], ['', '？', '啊？']),
      // orders: stop, hurry, speak differently
      ...compose(['', '你', '您'], ['别问了', '不要再催了', '少废话', '别吵了', '别激动'], ['', '！', '好吗']),
      ...compose(['你', '您'], ['快点', '赶紧'], ['好吗', '行不行', '说']),
      ...compose(['你', '您'], ['慢点说', '说清楚点', '说人话', '大点声']),
      // challenges and indifference
      ...compose(['你', '您'], ['到底想干嘛', '想怎样', '在嚷什么', '急什么'], ['', '？', '！']),
      ...compose(['随便', '随你便', '这是你的自由', '那是您的事'], ['', '吧', '。']),
      ...compose(['爱买不买', '爱退不退', '不买拉倒', '嫌贵就别买'], ['', '！']),
      // bad faith presumed, manners lectured
      ...compose(['你', '您'], ['是故意的吧', '是不是想多退点钱', '就是存心找茬'], ['', '？']),
      ...compose(['说话客气点', '注意你的态度', '这种小事也要投诉', '这点小钱都计较'], ['', '！']),
    ],
    clean: [
      '我真笨，看错了您的订单号',
      '这个行李箱有点笨重，建议选带轮子的',
      '您太客气了',
      '您真细心，一下就发现了',
      '您好，麻烦您提供一下订单号',
      '烦请您稍等，马上为您处理',
      '不是说您笨，这个设置确实比较隐蔽',
      '您别着急，我马上帮您查',
      '亲别担心，已经给您加急了',
      '请您慢慢说，我在听',
      '您慢慢挑，都有现货',
      '有看不懂的地方吗？我给您讲一下',
      '我说明白了吗？',
      '您想怎么处理呢？退款还是换货',
      '颜色随便您挑',
      '您急什么时候用？我帮您备注',
      '您是小学生家长吗？这款文具很合适',
      '宝宝有病的话请先咨询医生',
    ],
  },
  {
    category: 'banned-phrase',
    caught: [
      ...compose(['', '我', '我们', '小妹', '这边'], ['', '也', '真'], ['不知道', '不清楚', '不太了解', '没研究过'], ['', '呢', '啊']),
      ...compose(['我哪知道', '我怎么会知道', '鬼知道'], ['', '！', '？']),
      ...compose(['这是规定', '这是我们公司的规定', '规定就是规定'], ['', '，没办法']),
      ...compose(['我已经说过好几遍了', '都跟你讲了八百遍了', '不是告诉过你了吗'], ['', '！']),
      ...compose(['这个不归我管', '跟我没关系', '我只是个客服'], ['', '，你找别人']),
      ...compose(['我没空', '没时间', '我现在很忙'], ['', '！']),
    ],
    clean: [
      '如果您不知道怎么选尺码，可以告诉我身高体重',
      '您可能不太清楚这个功能，我给您介绍一下',
      '不知道您是否方便拍张照片',
      '有不清楚的地方随时问我',
      '照片看不清楚，麻烦重新拍一张',
      '我不太懂您的意思，您是想换颜色吗',
      '根据平台规则，定制商品不支持无理由退货，但质量问题我们负责',
      '我已经跟仓库说过好几次了，今天一定帮您盯着发出',
      '这个问题我来负责跟进',
      '客服下班了，明天上班后第一时间为您处理',
    ],
  },
  {
    category: 'absolute-promise',
    caught: [
      ...compose(['', '快递'], ['一定', '绝对', '保证', '百分百'], ['明天到', '明天能送到', '今天发货']),
      ...compose(['这款', ''], ['保证', '绝对'], ['不会坏', '不掉色', '不起球', '没问题']),
      ...compose(['', '这个'], ['绝对', '百分百', '保证'], ['是正品', '安全', '无副作用', '有效']),
      ...compose(['质量有保证', '品质绝对没得说'], ['', '，放心拍']),
    ],
    clean: [
      '我们一定尽快为您处理',
      '一定尽力帮您催促快递',
      '贴膜在一定程度上会影响触控',
      '您的包裹预计明天送达',
      '这个我们不能保证明天到',
      '收到货一定要先检查哦',
      '面料是100%纯棉的',
      '正常使用下质量有保证，有问题随时联系我们',
      '是正品吗？我们是品牌授权店',
    ],
  },
  {
    category: 'buck-passing',
    caught: [
      ...compose(['你', '您'], ['去找快递', '自己联系厂家', '自己去想办法', '找平台去'], ['', '吧']),
      ...compose(['这不是我们的问题', '这怎么可能是我们的错', '是快递的责任'], ['', '。']),
    ],
    clean: [
      '我帮您联系快递核实一下',
      '您也可以自己联系快递，我这边同时帮您催',
      '我们自己处理，不用您操心',
      '如果是快递的问题，我们来跟快递交涉',
      '不用您自己联系，我们来跟进',
    ],
  },
  {
    category: 'blame-customer',
    caught: [
      ...compose(['你', '您', ''], ['为什么不早说', '怎么不先问问', '为什么没看清楚'], ['', '？']),
      ...compose(['下次', '建议您下次'], ['别再填错了', '不要再拍错颜色'], ['', '哦']),
      ...compose(['是你自己', '是您自己'], ['操作不当', '没看说明书', '摔坏的']),
      ...compose(['详情页', '说明书上', '上面'], ['都写着呢', '写得清清楚楚', '早就标了啊']),
    ],
    clean: [
      '您问为什么不能退，是因为定制商品不支持',
      '下次有需要随时找我',
      '亲怎么不说话了呢？还在吗',
      '如果是您不小心摔坏的，也可以付费维修',
      '这不是您的问题，是我们发错了',
      '页面上写了预售时间，大概15号发货',
    ],
  },
  {
    category: 'negative-wording',
    caught: [
      ...compose(['', '这个'], ['不能退', '不可以', '没办法', '改不了地址', '无法为您补发'], ['', '。', '的']),
      ...compose(['完全不可以', '这是不可能的', '根本做不到'], ['', '！']),
    ],
    clean: [
      '不能无理由退，但可以为您安排维修',
      '如果不能退的话，我帮您换货',
      '手机不能开机的话，先长按电源键十秒',
      '已经出库了改不了，我帮您联系快递改派',
      '没问题，马上为您处理',
      '不行吗？',
    ],
  },
  {
    category: 'privacy-request',
    caught: [
      ...compose(['请', '麻烦', ''], ['把验证码发给我', '把支付密码告诉我', '把服务密码报一下'], ['', '吧']),
      ...compose(['验证码', '短信验证码', '密码'], ['是多少', '多少', '发我一下']),
      ...compose(['请把身份证号发给我', '身份证号是多少'], ['', '？']),
    ],
    clean: [
      '请不要把验证码告诉任何人',
      '客服不会向您索要验证码',
      '验证码在页面上输入就行，不用发给我',
      '您可以在设置里修改密码',
      '跨境商品清关需要身份证号，信息仅用于海关申报',
    ],
  },
];

describe('generalisation matrices (role × role × ending, scripts, widths, softeners)', () => {
  it('every matrix is a real test: hundreds of composed replies and look-alikes for each category', () => {
    for (const m of MATRICES) {
      expect(m.caught.length, m.category).toBeGreaterThan(10);
      expect(m.clean.length, m.category).toBeGreaterThan(4);
      expect(new Set(m.caught).size, `${m.category}: duplicate composed replies`).toBe(m.caught.length);
    }
  });

  it.each(MATRICES.map((m) => [m.category, m] as const))('%s: every composed reply is caught in every variant', (_c, m) => {
    const missed = m.caught.flatMap(variants).filter((t) => !raised(t).has(m.category));
    expect(missed).toEqual([]);
  });

  it.each(MATRICES.map((m) => [m.category, m] as const))('%s: no look-alike is caught, in any variant', (_c, m) => {
    const flagged = m.clean.flatMap(variants).filter((t) => raised(t).has(m.category));
    expect(flagged).toEqual([]);
  });
});
