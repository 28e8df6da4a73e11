// node bench/rewrite.mjs: what the LLM rewrite costs on this machine, apart from the model —
// masking, prompt, the openai client and the re-check — against an OpenAI-compatible server on
// 127.0.0.1 that answers at once; and how llm.concurrency bounds a burst against a slow one.
// Needs `npm run build` first. Figures to read, not a test.

import { createServer } from 'node:http';
import { createEngine } from '../dist/engine.js';
import { createRewriter } from '../dist/rewrite/rewriter.js';
import { resolveLlmSettings } from '../dist/rewrite/settings.js';
import { PlaceholderMap, piiFinder } from '../dist/rewrite/placeholders.js';

const DRAFT = '这是规定，我也不知道。您的手机号13812345678已登记，快递一定明天到';
const MESSAGE = '我手机号13812345678，订单付了358元，收货地址浙江省杭州市西湖区文三路100号3幢201室，快递什么时候到？';
const GOOD = '很抱歉让您久等了，具体原因我马上帮您查询。您登记的手机号已核对，快递预计明天送达，我会帮您跟进物流。';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let delayMs = 0;
let inFlight = 0;
let maxInFlight = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'b', object: 'chat.completion', created: 0, model: 'bench', choices: [{ index: 0, message: { role: 'assistant', content: GOOD }, finish_reason: 'stop' }] }));
    }, delayMs);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const env = { OPENAI_BASE_URL: `http://127.0.0.1:${server.address().port}/v1`, REPLYLINT_LLM_MODEL: 'bench', OPENAI_API_KEY: 'k' };

const engine = await createEngine({ config: false });

// Masking alone: draft and message, a fresh map each time (as each rewrite does).
const finder = piiFinder(engine.ruleSet, engine.env);
for (let i = 0; i < 500; i++) new PlaceholderMap(finder).mask(DRAFT + MESSAGE);
const maskRounds = [];
for (let round = 0; round < 5; round++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 2000; i++) {
    const map = new PlaceholderMap(finder);
    map.mask(DRAFT);
    map.mask(MESSAGE);
  }
  maskRounds.push(Number(process.hrtime.bigint() - t0) / 1e6 / 2000);
}
console.log(`rewrite masking (draft + message, fresh map): ${(median(maskRounds) * 1000).toFixed(1)} µs per rewrite — median of 5 rounds of 2,000`);

// End to end against an instant server: everything but the model's own time.
const settings = (llm) => {
  const s = resolveLlmSettings(llm, env);
  if (!s.configured) throw new Error(s.message);
  return s.settings;
};
const rewriter = createRewriter(engine, settings({ concurrency: 4 }));
for (let i = 0; i < 20; i++) await rewriter.rewrite({ text: DRAFT, message: MESSAGE }); // warm-up: openai, ranker
const times = [];
for (let i = 0; i < 200; i++) {
  const t0 = process.hrtime.bigint();
  await rewriter.rewrite({ text: DRAFT, message: MESSAGE });
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
console.log(`rewrite end to end, instant LLM on 127.0.0.1: median ${median(times).toFixed(2)} ms, p95 ${[...times].sort((a, b) => a - b)[189].toFixed(2)} ms over 200 sequential rewrites (mask, rank templates, prompt, HTTP, restore, re-check)`);

// A burst of 40 against a model that takes 100 ms, with llm.concurrency 4.
delayMs = 100;
maxInFlight = 0;
const bounded = createRewriter(engine, settings({ concurrency: 4 }));
const t0 = process.hrtime.bigint();
await Promise.all(Array.from({ length: 40 }, () => bounded.rewrite({ text: DRAFT })));
const burst = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`burst of 40 rewrites, 100 ms LLM, llm.concurrency 4: ${burst.toFixed(0)} ms in all, at most ${maxInFlight} requests at once (ideal ≈ ${(40 / 4) * 100} ms)`);

server.close();
