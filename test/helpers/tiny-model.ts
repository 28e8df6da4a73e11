// A tiny BERT-shaped model that the test suite writes itself. There is no network in CI and no
// pretrained model may be fetched, yet the embedding engine must be tested through the real
// transformers.js tokenizer, model loader and onnxruntime session. So this helper writes every
// file transformers.js reads for a `feature-extraction` pipeline: config.json, tokenizer.json,
// tokenizer_config.json and onnx/model.onnx. The ONNX graph is a single Gather from an embedding
// table, encoded by hand with a minimal protobuf writer (no onnx package needed).
//
// The embedding of each vocabulary entry is derived from its text alone (a hash, plus a topic
// dimension for characters listed in TOPICS), so identical characters always give identical
// vectors and mean pooling yields a bag-of-characters vector: texts that share characters or
// topics are close. With 16 dimensions a pure hash was too noisy to rank reliably; the topic part
// is what a trained model would add, and it lets the tests show a paraphrase match. The special
// tokens and punctuation embed to zero, so [CLS]/[SEP]/padding add no shared offset that would
// make every pair of texts look alike (and [CLS] pooling yields a zero vector: see the tests).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Characters of e-commerce customer messages (deduplicated below). */
const ECOMMERCE_CHARS =
  '你好在吗请问客服亲快递物流发货什么时候到了还没收退款换尺码大小颜色质量题坏破损少错漏地址修改取消付支失败优惠券用不价格便宜活动满减包邮运费险票开会员积分升级投诉态度差赔偿补人工转谢再见的麻烦帮我查一下这个那衣鞋子裤裙手机电脑充器池屏幕数偏适合身高体重斤厘米多钱库存有现预售尾定金几天能加急顺丰中通圆申韵达京东签裹丢碎怎办七无理由审核进账原路返回银行卡余额微信宝用已经等久都是说想要可以给看为啥怎样呢吧啊哦嗯呀谁就和跟把被让从对向往里外前后上下左右新旧真假正品保修坏掉不能质检说明书安装使方法双件套条只盒瓶袋箱批单号码址省市区县街道小区楼栋室话机姓名快点慢拖延迟耽误几时今明后昨周月年日小时分钟同意拒绝核实处理解决答复回复结果通知提醒消息短信电话联系找老板店铺旗舰专卖直播链接页面详情图片描述不一样色差味道气味做工线头起球褪缩水划痕凹陷裂缝进水开胶掉漆配件赠品礼物发错型号规格版本容量内存官方授权正规售后维修检测鉴定拍照视频证据凭证截图聊天记录' +
  '哪更操作填穿选询您订未耐心待持建议告推荐写这些也很太还又才会该需给被其实因所如果正马立刻直总每次第张台部点最非常特别今晚午星期行吧哈嘛咋啥咱们他她它自己别人家满意失望着急担心希望觉得知道一定到底刚才尽快稍会儿';

/**
 * Topics of customer messages, one hidden dimension each. A character listed under a topic
 * leans towards that dimension, the way a trained model places 退 and 款 near each other: so the
 * model also matches paraphrases that share a topic rather than characters. A character's first
 * topic wins.
 */
const TOPICS: readonly string[] = [
  '快递物流运单发货签收包裹丢中转站顺丰通圆韵达京东派送揽件更新到哪',
  '退货款换钱账返原路理由七天无申请审核回来',
  '地址收货人修改填写错省市区县街道楼栋室',
  '尺码身高体重穿偏大小斤厘米码合适胖瘦腰长宽',
  '坏破损质量碎裂划痕起球褪掉漆开胶缝线瑕疵',
  '付款支价格便宜优惠券活动满减折扣元红包',
  '你好在吗谢再见亲嗯哦您',
  '投诉态度差赔偿补评客服人工',
  '有库存现预售尾定金缺',
  '发票开税抬头',
];

/** Punctuation that customers type (after normalisation: half-width). Embeds to zero. */
const PUNCTUATION = [...',.?!:;()"\'~-/#@%&*+=<>[]，。？！：；（）、《》“”‘’…—'];

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

export const TINY_HIDDEN_SIZE = 16;

/** The vocabulary, in id order. */
export function tinyVocab(): string[] {
  const chars = [...new Set([...TOPICS.join(''), ...ECOMMERCE_CHARS])];
  return [...SPECIALS, ...PUNCTUATION, ...chars, ...LETTERS, ...LETTERS.map((c) => `##${c}`)];
}

/** FNV-1a over the UTF-16 code units of `s`, then a 32-bit mix (deterministic on every platform). */
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The embedding of one vocabulary entry. Specials and punctuation are zero, so [CLS]/[SEP] and
 * commas add nothing that every text shares. Every other entry has a ±1 hash part (its identity:
 * texts sharing characters are close), plus a strong component on its topic's dimension if it has
 * one. Characters without a topic (我, 的, 了 …) are kept short so they carry little weight, as
 * function words do in a trained model.
 */
export function tinyEmbedding(token: string, hidden = TINY_HIDDEN_SIZE): Float32Array {
  const v = new Float32Array(hidden);
  if ((SPECIALS as readonly string[]).includes(token) && token !== '[UNK]') return v;
  if (PUNCTUATION.includes(token)) return v;
  // "a" and "##a" are the same letter, so they share a vector.
  const base = token.startsWith('##') ? token.slice(2) : token;
  const topic = TOPICS.findIndex((t) => t.includes(base));
  const identity = topic >= 0 ? 0.2 : 0.12;
  for (let d = 0; d < hidden; d++) v[d] = identity * (hash32(base, d) & 1 ? 1 : -1);
  if (topic >= 0 && topic < hidden) v[topic]! += 1;
  return v;
}

// ---- minimal protobuf writer -------------------------------------------------------------

type Bytes = Uint8Array;

function varint(n: number | bigint): number[] {
  let x = BigInt(n);
  if (x < 0n) x += 1n << 64n; // negative int64 = two's complement, 10 bytes
  const out: number[] = [];
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x !== 0n) b |= 0x80;
    out.push(b);
  } while (x !== 0n);
  return out;
}

const concat = (parts: Bytes[]): Bytes => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** Field with wire type 0 (varint). */
const fInt = (field: number, n: number | bigint): Bytes => Uint8Array.from([...varint((field << 3) | 0), ...varint(n)]);
/** Field with wire type 2 (length-delimited): bytes, strings and embedded messages. */
const fBytes = (field: number, data: Bytes): Bytes => concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(data.length)]), data]);
const fStr = (field: number, s: string): Bytes => fBytes(field, new TextEncoder().encode(s));
const msg = (...fields: Bytes[]): Bytes => concat(fields);

// onnx.proto field numbers (checked against onnx-proto's generated encoder).
const ONNX_FLOAT = 1;
const ONNX_INT64 = 7;
const ATTR_INT = 2;

/** ValueInfoProto for a tensor whose dims are names (dim_param) or sizes (dim_value). */
function valueInfo(name: string, elemType: number, dims: Array<string | number>): Bytes {
  const shape = msg(...dims.map((d) => fBytes(1, typeof d === 'string' ? fStr(2, d) : fInt(1, d))));
  const tensorType = msg(fInt(1, elemType), fBytes(2, shape));
  return msg(fStr(1, name), fBytes(2, fBytes(1, tensorType)));
}

/** The ONNX model: last_hidden_state = Gather(embeddings, input_ids, axis=0). */
export function tinyOnnxModel(table: Float32Array, vocab: number, hidden: number): Bytes {
  const raw = new Uint8Array(table.length * 4);
  const view = new DataView(raw.buffer);
  table.forEach((x, i) => view.setFloat32(i * 4, x, true)); // raw_data is little-endian
  const initializer = msg(fInt(1, vocab), fInt(1, hidden), fInt(2, ONNX_FLOAT), fStr(8, 'embeddings'), fBytes(9, raw));
  const axis = msg(fStr(1, 'axis'), fInt(3, 0), fInt(20, ATTR_INT));
  const gather = msg(fStr(1, 'embeddings'), fStr(1, 'input_ids'), fStr(2, 'last_hidden_state'), fStr(3, 'embed'), fStr(4, 'Gather'), fBytes(5, axis));
  const graph = msg(
    fBytes(1, gather),
    fStr(2, 'tiny-bert'),
    fBytes(5, initializer),
    // attention_mask and token_type_ids are declared (transformers.js feeds what the session
    // lists) but unused: the pipeline applies the mask itself when it mean-pools.
    fBytes(11, valueInfo('input_ids', ONNX_INT64, ['batch_size', 'sequence_length'])),
    fBytes(11, valueInfo('attention_mask', ONNX_INT64, ['batch_size', 'sequence_length'])),
    fBytes(11, valueInfo('token_type_ids', ONNX_INT64, ['batch_size', 'sequence_length'])),
    fBytes(12, valueInfo('last_hidden_state', ONNX_FLOAT, ['batch_size', 'sequence_length', hidden])),
  );
  const opset = msg(fStr(1, ''), fInt(2, 13));
  return msg(fInt(1, 8), fStr(2, 'replylint-tests'), fBytes(7, graph), fBytes(8, opset));
}

// ---- the model folder ----------------------------------------------------------------------

/**
 * Writes the model to `<dir>/<id>/` and returns where it is: `root` is the folder that contains
 * the model folder (transformers.js `localModelPath`), `id` the model's path below it.
 */
export function writeTinyBertModel(dir: string, id = 'tiny/bert-zh'): { root: string; id: string } {
  const hidden = TINY_HIDDEN_SIZE;
  const vocabList = tinyVocab();
  const folder = join(dir, id);
  mkdirSync(join(folder, 'onnx'), { recursive: true });

  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: hidden,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: hidden,
    vocab_size: vocabList.length,
    max_position_embeddings: 128,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config, null, 2));

  const special = (content: string, i: number) => ({ id: i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabList.map((t, i) => [t, i])),
    },
  };
  writeFileSync(join(folder, 'tokenizer.json'), JSON.stringify(tokenizer));

  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    model_max_length: 128,
    do_lower_case: true,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
  writeFileSync(join(folder, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));

  const table = new Float32Array(vocabList.length * hidden);
  vocabList.forEach((t, i) => table.set(tinyEmbedding(t, hidden), i * hidden));
  writeFileSync(join(folder, 'onnx', 'model.onnx'), tinyOnnxModel(table, vocabList.length, hidden));
  return { root: dir, id };
}
