// Cheap per-turn cues for the service-level checks: is a customer turn a complaint, does an agent
// turn apologise, does it commit to a concrete next step, does it carry an unfilled template slot.
//
// Why not the phrasebook's intent ranker (engine.ranker(), which knows the complaint.* intents)?
// It loads jieba and costs about 0.5 ms per message; an audit of a million turns would spend
// minutes classifying. A complaint shows itself through a small, stable vocabulary (投诉, 差评,
// 12315, 骗子 …), so one Aho-Corasick pass over the normalised text (simplified, half-width,
// lower-case — the same normalisation the core uses) costs about a microsecond per turn and is
// tested against the phrasebook's own complaint examples.

import { AhoCorasick } from '../core/aho-corasick.js';
import { normalize, normalizeLiteral, toOriginalSpan, type ScriptConverter } from '../normalize.js';
import type { AuditSettings } from './settings.js';

/** Customer wording that marks a complaint (complaint.general / service_attitude / compensation / abusive). */
export const COMPLAINT_CUES = [
  '投诉', '差评', '12315', '举报', '黑猫', '消协', '消费者协会', '工商局', '维权', '曝光',
  '太差', '很差', '真差', '态度差', '什么态度', '态度有问题', '爱答不理', '不理人', '敷衍', '踢皮球',
  '骗子', '骗人', '欺骗', '坑人', '太坑', '黑店', '黑心', '垃圾', '破店', '废物', '智障', '有病',
  '失望', '糟心', '不满意', '什么购物体验', '给个说法', '给我个说法', '讨个说法', '要个说法',
  '赔偿', '补偿', '赔我', '假一赔十', '退款还没到', '退款怎么还没', '钱还没退', '钱还没到',
  '太过分', '欺负人', '气死', '太慢了', '慢得要死',
  '服务态度', '态度不好', '不耐烦', '说话好冲', '说话很冲', '很不客气', '难听', '骂人', '骂我', '拉黑', '推脱', '没人回', '没人理', '找平台', '做生意的',
  '怎么赔', '谁负责', '谁来赔', '损失', '赔付', '退一半', '滚蛋', '傻x', '傻逼', '神经病', '狗屁', '去你的',
  // Rants and follow-ups that name no institution (measured on the phrasebook's complaint examples).
  '受够了', '寒心', '没下文', '形同虚设', '没一个管', '有没有人管', '没人管', '不负责', '交代', '合理的解释', '后悔买', '倒闭',
  '好意思卖', '好意思拿出来', '天花乱坠', '变卦', '讲不讲诚信', '推来推去', '受这种气', '耐心已经用完', '耐心都没有', '法律途径',
  '消费者的权益', '一直拖', '效率太低', '上点心', '套话', '还是没人解决', '一点用都没有', '对待老用户', '对待用户', '再也不买', '再也不用',
  '怎么信任', '复制粘贴', '机器人一样', '再也没回', '没人接', '占线', '打不进去', '转来转去', '一问三不知', '阴阳怪气', '挂我电话',
  '前后矛盾', '专业一点', '半天才回', '临时工', '一句话都不回', '不赔', '路费谁出', '凭什么让我', '弥补一下',
  '钱怎么还我', '吞了我的钱', '得赔', '要赔', '滚吧', '滚开', '去死', '猪吗', '听不懂人话', '算什么东西', '闭嘴', '破手机',
  'complain', 'terrible', 'scam', 'unacceptable', 'worst', 'ridiculous', 'disappointed', 'fed up',
];

/** Agent wording that apologises. */
export const APOLOGY_CUES = [
  '抱歉', '不好意思', '对不起', '歉意', '致歉', '见谅', '原谅', '委屈您', '让您久等',
  '给您带来不便', '给您带来了不便', '给您添麻烦', '给您带来困扰', '给您带来了困扰', '给您带来不好的', '给您带来了不好的',
  'sorry', 'apolog',
];

/**
 * Agent wording that commits to a concrete action. A helper (为您/帮您/给您/替您, optionally
 * 马上/立即/这边) followed within six characters by an action verb, or a fixed commitment phrase.
 */
const NEXT_STEP_RE = new RegExp(
  [
    // 为您|帮您|给您|替您 — the agent acting for the customer; [^。！？!?]{0,6} — a few words in the
    // same sentence (马上, 这边, 尽快 …); then the action.
    '(?:为您|帮您|给您|替您|帮你|给你)[^。！？!?\\n]{0,6}?(?:处理|查询|查看|查一下|核实|登记|反馈|安排|联系|申请|补发|重发|退款|换货|退货|跟进|催促|催一下|加急|备注|上报|升级|提交|补偿|赔付|解决)',
    // 已(经)(为您|帮您)? + a completed action.
    '已经?(?:为您|帮您|给您)?(?:提交|登记|反馈|安排|申请|催促|加急|备注|上报|升级|退款|补发)',
    // Fixed commitments: an estimate, a call-back, a deadline.
    '预计|稍后(?:回复|联系|给您)|第一时间|尽快(?:处理|解决|给您|为您|回复)|马上(?:处理|为您|帮您|安排)|\\d{1,2}小时内|今天内|明天(?:之前|前)',
    // Asking for the evidence needed to act: 请您/麻烦您 + 提供|拍|上传|发.
    '(?:请您|麻烦您|麻烦亲)[^。！？!?\\n]{0,4}?(?:提供|拍|上传|发一下|发下|发给)',
    // English: we will / I will / let me + verb; refund; replacement.
    "\\b(?:i|we)(?:'ll| will)\\b|\\blet me\\b|\\brefund\\b|\\breplacement\\b",
  ].join('|'),
);

/** Slot names that, alone in [..] or 【..】, are a placeholder the agent forgot to fill. */
export const SLOT_WORDS = [
  '订单号', '单号', '快递单号', '运单号', '物流单号', '姓名', '名字', '客户姓名', '客户名', '手机号', '电话', '联系电话', '地址', '收货地址',
  '金额', '退款金额', '日期', '时间', '预计时间', '到货时间', '商品名', '商品名称', '店铺名', '客服名', '链接', '优惠券', '券码', '数量',
];

export const CUE_COMPLAINT = 1;
export const CUE_APOLOGY = 2;
export const CUE_NEXT_STEP = 4;

export interface SlotHit {
  start: number;
  end: number;
  text: string;
}

export interface Cues {
  /** Bit set of CUE_* for one turn. */
  flags(role: 'agent' | 'customer', text: string): { flags: number; complaintAt: [number, number] | null; normalized: NormalizedText };
  /** Unfilled slots in an agent turn (offsets into the original text). */
  slots(text: string, norm: NormalizedText): SlotHit[];
}

type NormalizedText = ReturnType<typeof normalize>;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileCues(settings: Pick<AuditSettings, 'complaintCues' | 'apologyCues' | 'nextStepCues' | 'slotWords'>, convert?: ScriptConverter): Cues {
  const norm = (s: string): string => normalizeLiteral(s, convert);
  const complaint = [...new Set([...COMPLAINT_CUES, ...settings.complaintCues].map(norm))];
  const apology = [...new Set([...APOLOGY_CUES, ...settings.apologyCues].map(norm))];
  const nextExtra = settings.nextStepCues.map(norm);
  const complaintAc = new AhoCorasick(complaint);
  const apologyAc = new AhoCorasick(apology);
  const nextExtraAc = nextExtra.length > 0 ? new AhoCorasick(nextExtra) : null;

  const words = [...new Set([...SLOT_WORDS, ...settings.slotWords].map(norm))].map(escapeRe).join('|');
  // Unfilled slots, on the normalised text (full-width ｛｝ are already {}):
  //   \{\{[^{}\n]{1,40}\}\}           — a phrasebook slot {{订单号}} left as it was
  //   \$\{[^{}\n]{1,40}\}             — a ${name} template variable
  //   \{[a-z_][a-z0-9_]{0,30}\}       — a {name} variable (ASCII identifier only, so 「{好}」 is text)
  //   [【\[](?:请填写|请输入|填写|输入)?(?:words)[】\]] — 【订单号】 / [收货地址] with only a slot name inside
  //   (?:单号|订单号|电话|金额)[:：为是]?[x×*]{3,} — 单号xxx: the "xxx" a template writer left
  // The bracket form needs the name alone, so data-set markers such as JDDC's [订单x] or a
  // product title 【包邮】 are not placeholders.
  const slotRe = new RegExp(
    `\\{\\{[^{}\\n]{1,40}\\}\\}|\\$\\{[^{}\\n]{1,40}\\}|\\{[a-z_][a-z0-9_]{0,30}\\}|[【\\[](?:请填写|请输入|填写|输入)?(?:${words})[】\\]]|(?:单号|订单号|电话|金额)[:：为是]?[x×*]{3,}`,
    'g',
  );

  return {
    flags(role, text) {
      const n = normalize(text, convert);
      const t = n.text;
      let flags = 0;
      let complaintAt: [number, number] | null = null;
      if (role === 'customer') {
        complaintAc.scan(t, (_p, s, e) => {
          if (complaintAt === null) complaintAt = toOriginalSpan(n, s, e);
          flags |= CUE_COMPLAINT;
        });
      } else {
        apologyAc.scan(t, () => (flags |= CUE_APOLOGY));
        if (NEXT_STEP_RE.test(t)) flags |= CUE_NEXT_STEP;
        else nextExtraAc?.scan(t, () => (flags |= CUE_NEXT_STEP));
      }
      return { flags, complaintAt, normalized: n };
    },
    slots(text, n) {
      const hits: SlotHit[] = [];
      slotRe.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = slotRe.exec(n.text)) !== null) {
        const [start, end] = toOriginalSpan(n, m.index, m.index + m[0].length);
        hits.push({ start, end, text: text.slice(start, end) });
      }
      return hits;
    },
  };
}
