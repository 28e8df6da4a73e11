// node bench/audit.mjs [agentTurns] [--unique-replies] [--log FILE] [--keep-summary FILE] [-- audit options…]: speed
// and memory of `replylint audit` on a generated chat log (default 1,000,000 agent turns, about as
// many customer turns, conversations of 2–12 turns with times, agents and a share of complaints,
// bad replies, slow answers and unfilled slots).
// Runs the real CLI in a child process with the default worker count and prints turns/s, wall
// time, the CPU time of that process (all its threads: on a loaded machine CPU seconds are the
// steadier figure), its peak resident memory and the load average. --log keeps the generated log
// in FILE (and reuses it when it exists); options after -- go to `replylint audit` (e.g. --jobs 1).
// Agent replies repeat (as canned replies do in real logs, and the audit remembers recent texts);
// --unique-replies makes every one distinct, the worst case.
// Needs `npm run build`.

import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReplies, rng } from './replies.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const auditArgs = dashes < 0 ? [] : argv.slice(dashes + 1);
const own = dashes < 0 ? argv : argv.slice(0, dashes);
const option = (name) => {
  const i = own.indexOf(name);
  if (i < 0) return undefined;
  const v = own[i + 1];
  own.splice(i, 2);
  return v;
};
const LOG = option('--log');
const KEEP_SUMMARY = option('--keep-summary');
const UNIQUE = own.includes('--unique-replies') ? (own.splice(own.indexOf('--unique-replies'), 1), true) : false;
const AGENT_TURNS = Number(own[0] ?? 1_000_000);

const CUSTOMER = ['在吗', '我的快递到哪了', '什么时候发货', '这个有货吗', '能便宜点吗', '我要退货', '东西坏了，太差了', '我要投诉你们', '退款还没到', '好的谢谢', '尺码偏大吗', '可以开发票吗', '人呢', '差评！'];
const SLOTS = ['您的订单{{订单号}}已发货', '已为您登记，【预计时间】前回复您'];

// --unique-replies: every agent reply made distinct by a tag of ideographs (no digits, so no
// personal-data lookalikes), for the worst case of a log without repeated replies.
const TAG = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';
const uniqueTag = (n) => {
  let s = '';
  do {
    s += TAG[n % TAG.length];
    n = Math.floor(n / TAG.length);
  } while (n > 0);
  return s;
};

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
      let text = r() < 0.01 ? SLOTS[Math.floor(r() * SLOTS.length)] : replies[agentTurns % replies.length];
      if (UNIQUE) text = `${uniqueTag(agentTurns)}，${text}`;
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
  const file = LOG ?? join(dir, 'log.jsonl');
  let sessions, agentTurns;
  const meta = `${file}.meta.json`;
  if (LOG && existsSync(LOG) && existsSync(meta) && JSON.stringify(JSON.parse(readFileSync(meta, 'utf8')).options) === JSON.stringify({ AGENT_TURNS, UNIQUE })) {
    ({ sessions, agentTurns } = JSON.parse(readFileSync(meta, 'utf8')));
    console.log(`reusing ${file}`);
  } else {
    const g0 = Date.now();
    ({ sessions, agentTurns } = await generate(file));
    if (LOG) writeFileSync(meta, JSON.stringify({ sessions, agentTurns, options: { AGENT_TURNS, UNIQUE } }));
    console.log(`generated in ${((Date.now() - g0) / 1000).toFixed(1)} s`);
  }
  const mb = statSync(file).size / 1e6;
  console.log(`log: ${agentTurns.toLocaleString('en-US')} agent turns in ${sessions.toLocaleString('en-US')} conversations (${mb.toFixed(0)} MB JSONL)`);

  // The CLI in a child process that reports its own peak RSS (all threads) when it is done.
  const wrapper = join(dir, 'run.mjs');
  writeFileSync(wrapper, `import { main } from ${JSON.stringify(MAIN)};\nawait main(process.argv);\nconst u = process.resourceUsage();\nprocess.stderr.write('\\nBENCH ' + JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }) + '\\n');\n`);
  const load0 = loadavg()[0];
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [wrapper, 'audit', '--no-config', file, '--output', join(dir, 'summary.json'), '--report', join(dir, 'report.html'), ...auditArgs], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // CPU seconds of each thread of the child (Linux /proc), sampled until it ends: where the time goes.
  const threads = new Map();
  const sample = () => {
    try {
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
        const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        threads.set(tid, { name, cpu: (Number(f[11]) + Number(f[12])) / 100 });
      }
    } catch {
      // the child is gone
    }
  };
  const sampler = setInterval(sample, 100);
  const code = await new Promise((res) => child.on('close', res));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /BENCH (\{.*\})/.exec(stderr);
  if ((code !== 0 && code !== 1) || !m) throw new Error(`audit exited ${code}: ${stderr}`);
  const { maxRSS, cpu } = JSON.parse(m[1]);
  if (KEEP_SUMMARY) copyFileSync(join(dir, 'summary.json'), KEEP_SUMMARY);
  const load = `load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
  const busy = [...threads.values()].filter((t) => t.cpu >= 0.5).sort((a, b) => b.cpu - a.cpu);
  console.log(`threads over 0.5 CPU-s: ${busy.map((t) => `${t.name} ${t.cpu.toFixed(1)}`).join(', ')}`);
  console.log(`audit ${auditArgs.join(' ') || '(default jobs)'}: ${Math.round(agentTurns / seconds).toLocaleString('en-US')} agent turns/s — ${agentTurns.toLocaleString('en-US')} agent turns in ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} CPU-s (${Math.round(agentTurns / cpu).toLocaleString('en-US')} agent turns per CPU-s), peak RSS ${(maxRSS / 1024).toFixed(0)} MB; ${load}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
