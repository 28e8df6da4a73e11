// Generates realistic customer-service replies for benchmarks: mostly good replies, some with the
// problems replylint looks for, a share in traditional characters and in English. Seeded, so
// every run measures the same texts.

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPEN = ['亲，', '您好，', '亲亲，', '在的亲，', '', '您好呀～', '让您久等了，'];
const GOOD = [
  '请稍等，我帮您查询一下物流信息',
  '您的包裹预计明天送达，具体以物流信息为准哦',
  '非常抱歉给您带来不便，我们马上为您处理',
  '这款支持七天无理由退换，您放心购买',
  '尺码偏小一码，建议您拍大一码哦',
  '订单已经备注加急了，仓库会尽快安排发货',
  '退款已经提交，预计1-3个工作日原路退回',
  '麻烦您拍一下商品破损的照片，我们帮您申请补发',
  '这款目前有货，今天下单预计48小时内发出',
  '满199减20，可以和店铺券一起使用',
  '面料是100%纯棉的，亲肤透气',
  '发票可以在订单详情页申请电子发票',
  '您尾号5678的手机会收到取件短信，请留意',
  '如果您不知道怎么选尺码，可以告诉我身高体重',
  '这边已经帮您联系快递核实，有结果第一时间告诉您',
  '不能无理由退，但可以为您安排免费维修',
];
const BAD = [
  '这个我也不知道',
  '快递一定明天到',
  '你自己看详情页',
  '这是规定，没办法',
  '您的订单金额是358元',
  '请把验证码发给我',
  '这不是我们的问题，你去找快递',
  '爱买不买',
  '是你自己操作不当',
  '不能换。',
  '好的！！！马上！！！',
  '您的电话是15912345678对吗',
  '银行卡号6228480402564890018已登记',
];
const CLOSE = ['哦~', '', '，请您放心', '呢', '，还有其他可以帮您的吗？', '~'];
const TRAD = ['親，這款目前有貨喔', '您的包裹預計明天送達', '這是規定喔', '請您稍等，我幫您查詢一下'];
const EN = ['Thanks for reaching out! Let me check that for you.', 'Your parcel is expected to arrive tomorrow.', 'I have no idea.', 'We cannot refund this.', 'It will definitely arrive tomorrow.'];

export function generateReplies(n, seed = 20261123) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.05) out[i] = pick(TRAD);
    else if (x < 0.08) out[i] = pick(EN);
    else if (x < 0.2) out[i] = pick(OPEN) + pick(BAD) + pick(CLOSE);
    else out[i] = pick(OPEN) + pick(GOOD) + pick(CLOSE) + (r() < 0.3 ? pick(GOOD) : '');
  }
  return out;
}
