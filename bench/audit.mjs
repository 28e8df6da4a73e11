// node bench/audit.mjs [agentTurns]: speed and memory of `replylint audit` on a generated chat log
// (default 1,000,000 agent turns, about as many customer turns, conversations of 2–12 turns with
// times, agents and a share of complaints, bad replies, slow answers and unfilled slots).
// Runs the real CLI in a child process with the default worker count and prints turns/s, wall
// time and the peak resident memory of that process (all its threads). Needs `npm run build`.

import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReplies, rng } from './replies.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const AGENT_TURNS = Number(process.argv[2] ?? 1_000_000);

const CUSTOMER = ['在吗', '我的快递到哪了', '什么时候发货', '这个有货吗', '能便宜点吗', '我要退货', '东西坏了，太差了', '我要投诉你们', '退款还没到', '好的谢谢', '尺码偏大吗', '可以开发票吗', '人呢', '差评！'];
const SLOTS = ['您的订单{{订单号}}已发货', '已为您登记，【预计时间】前回复您'];

async function generate(file) {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const r = rng(7);
  const replies = generateReplies(200_000);
  let agentTurns = 0;
  let session = 0;
  let buf = '';
  const t0 = Date.parse('2024-05-01T09:00:00+08:00');
  while (agentTurns < AGENT_TURNS) {
    const id = `s${session}`;
    const agent = `客服${(session % 40) + 1}`;
    let t = t0 + (session % 30) * 86_400_000 + Math.floor(r() * 36_000_000);
    const pairs = 1 + Math.floor(r() * 6);
    for (let k = 0; k < pairs && agentTurns < AGENT_TURNS; k++) {
      buf += JSON.stringify({ session: id, role: 'customer', time: new Date(t).toISOString(), text: CUSTOMER[Math.floor(r() * CUSTOMER.length)] }) + '\n';
      t += 1000 * (r() < 0.1 ? 40 + Math.floor(r() * 200) : 3 + Math.floor(r() * 25));
      const text = r() < 0.01 ? SLOTS[Math.floor(r() * SLOTS.length)] : replies[agentTurns % replies.length];
      buf += JSON.stringify({ session: id, role: 'agent', agent, time: new Date(t).toISOString(), text }) + '\n';
      agentTurns++;
      t += 1000 * (5 + Math.floor(r() * 60));
    }
    session++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((res) => out.end(res));
  return { sessions: session, agentTurns };
}

const dir = mkdtempSync(join(tmpdir(), 'replylint-bench-audit-'));
try {
  const file = join(dir, 'log.jsonl');
  const g0 = Date.now();
  const { sessions, agentTurns } = await generate(file);
  const mb = statSync(file).size / 1e6;
  console.log(`generated ${agentTurns.toLocaleString('en-US')} agent turns in ${sessions.toLocaleString('en-US')} conversations (${mb.toFixed(0)} MB JSONL) in ${((Date.now() - g0) / 1000).toFixed(1)} s`);

  // The CLI in a child process that reports its own peak RSS (all threads) when it is done.
  const wrapper = join(dir, 'run.mjs');
  writeFileSync(wrapper, `import { main } from ${JSON.stringify(MAIN)};\nawait main(process.argv);\nprocess.stderr.write('\\nBENCH ' + JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }) + '\\n');\n`);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [wrapper, 'audit', '--no-config', file, '--output', join(dir, 'summary.json'), '--report', join(dir, 'report.html')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((res) => child.on('close', res));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /BENCH (\{.*\})/.exec(stderr);
  if ((code !== 0 && code !== 1) || !m) throw new Error(`audit exited ${code}: ${stderr}`);
  const rss = JSON.parse(m[1]).maxRSS / 1024;
  console.log(`audit (whole process, ${availableParallelism()} workers): ${Math.round(agentTurns / seconds).toLocaleString('en-US')} agent turns/s — ${agentTurns.toLocaleString('en-US')} agent turns in ${seconds.toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
