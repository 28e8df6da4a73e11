// Load benchmark of `replylint serve`: the real server as a child process, autocannon against it on
// 127.0.0.1 with realistic drafts (POST /v1/check) and customer messages (POST /v1/suggest), then a
// memory-flatness run sampling the server's RSS. Not a test — figures to read and compare.
//
//   node bench/load.mjs [--duration S] [--connections N] [--memory S] [--no-baseline]
//   (or BENCH_DURATION, BENCH_CONNECTIONS, BENCH_MEMORY_SECONDS; --memory 120 for the 2-minute run)
//
// RSS rises and falls in a sawtooth as V8 grows and then collects its old generation (here about
// 190 → 260 → 165 MB over ~95 s at full load), so a short memory run can end on a rise: judge
// flatness on --memory 120, which spans a whole cycle; start and end should then match.
//
// Targets (server and load generator sharing a 2-core machine): /v1/check ≥ 8,000 req/s with
// p99 ≤ 10 ms; /v1/suggest ≥ 3,000 req/s with p99 ≤ 20 ms; RSS flat over the memory run.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generateReplies } from './replies.mjs';
import { generateMessages } from './phrasebook.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/replylint', import.meta.url));

function option(name, envName, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[envName];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number (got "${raw}")`);
  return n;
}
const DURATION = option('duration', 'BENCH_DURATION', 10);
const CONNECTIONS = option('connections', 'BENCH_CONNECTIONS', 16);
const MEMORY_SECONDS = option('memory', 'BENCH_MEMORY_SECONDS', 30);
const BASELINE = !process.argv.includes('--no-baseline');
const fmt = (n) => Math.round(n).toLocaleString('en-US');

// A bare fastify server answering a constant, to calibrate: the machine is shared, and what it
// manages here and now says how much of a shortfall is the machine and how much is replylint.
const BARE = `
const { fastify } = require('fastify');
const app = fastify({ logger: false });
app.post('/v1/check', async (req) => ({ text: req.body.text, findings: [], score: 100, pass: true }));
app.listen({ host: '127.0.0.1', port: 0 }).then(() => process.stderr.write('listening on http://127.0.0.1:' + app.server.address().port + '\\n'));
process.on('SIGTERM', () => app.close());`;

/** Starts `replylint serve --port 0` (or `args`), logging to a file (one JSON line per request). */
async function startServer(logFile, args = [BIN, 'serve', '--port', '0', '--no-config']) {
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  let err = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${err}`)), 30_000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err };
}

/** Resident set size of a process, in MB, from /proc (Linux). */
function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

const post = (path, bodies) => bodies.map((body) => ({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body }));

function run(url, requests, duration, connections = CONNECTIONS) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, pipelining: 1, duration, requests }, (e, result) => (e ? reject(e) : resolve(result)));
  });
}

/** Runs autocannon and measures the server's CPU time per answered request. */
async function measure(url, requests, duration, pid = server.child.pid) {
  const before = cpuMs(pid);
  const r = await run(url, requests, duration);
  r.serverCpuUs = ((cpuMs(pid) - before) * 1000) / r.requests.total;
  return r;
}

function report(label, r, target) {
  const rps = r.requests.average;
  const ok = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
  const meets = rps >= target.rps && r.latency.p99 <= target.p99;
  console.log(
    `${label}: ${fmt(rps)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms ` +
      `(${fmt(r.requests.total)} requests in ${r.duration} s, ${CONNECTIONS} connections; ` +
      `non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; server CPU ${fmt(r.serverCpuUs)} µs per request) — target ≥ ${fmt(target.rps)} req/s, p99 ≤ ${target.p99} ms: ${meets && ok ? 'met' : 'NOT met'}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'replylint-load-'));
const logFile = join(dir, 'server.log');
const server = await startServer(logFile);
try {
  const { createEngine } = await import('../dist/engine.js');
  const engine = await createEngine({ config: false });
  const { phrasebook } = await engine.phrasebook();
  const drafts = generateReplies(2_000).map((text) => JSON.stringify({ text }));
  const messages = generateMessages(phrasebook, 2_000).map((message) => JSON.stringify({ message }));
  const check = post('/v1/check', drafts);
  const suggest = post('/v1/suggest', messages);

  const first = await fetch(`${server.url}/v1/suggest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messages[0] }).then((r) => r.json());
  console.log(
    `replylint serve on ${server.url} (pid ${server.child.pid}); ranking engine: ${first.suggestions?.[0]?.engine ?? '?'}; ` +
      `load generator (autocannon) and server share this machine (${(await import('node:os')).cpus().length} cores, load average now ${(await import('node:os')).loadavg()[0].toFixed(2)})`,
  );

  await run(server.url, check, 2, 8); // warm-up: JIT, caches
  await run(server.url, suggest, 2, 8);
  report('POST /v1/check  ', await measure(server.url, check, DURATION), { rps: 8_000, p99: 10 });
  if (BASELINE) {
    const bare = await startServer(join(dir, 'bare.log'), ['-e', BARE]);
    await run(bare.url, check, 2, 8);
    const b = await measure(bare.url, check, DURATION, bare.child.pid);
    console.log(
      `  calibration — a bare fastify server echoing the text, same machine, same load: ${fmt(b.requests.average)} req/s, p50 ${b.latency.p50} ms, p99 ${b.latency.p99} ms, ` +
        `server CPU ${fmt(b.serverCpuUs)} µs per request`,
    );
    bare.child.kill('SIGTERM');
    await new Promise((resolve) => bare.child.on('exit', resolve));
  }
  report('POST /v1/suggest', await measure(server.url, suggest, DURATION), { rps: 3_000, p99: 20 });

  if (MEMORY_SECONDS > 0) {
    // Memory flatness: both endpoints at once for MEMORY_SECONDS, RSS sampled every few seconds.
    const pid = server.child.pid;
    const samples = [];
    const startRss = rssMb(pid);
    const t0 = Date.now();
    const timer = setInterval(() => samples.push([(Date.now() - t0) / 1000, rssMb(pid)]), Math.max(1_000, (MEMORY_SECONDS * 1000) / 20));
    const half = Math.max(1, Math.floor(CONNECTIONS / 2));
    const [c, s] = await Promise.all([run(server.url, check, MEMORY_SECONDS, half), run(server.url, suggest, MEMORY_SECONDS, half)]);
    clearInterval(timer);
    const endRss = rssMb(pid);
    const all = samples.map(([, m]) => m).filter(Number.isFinite);
    const secondHalf = samples.filter(([t]) => t >= MEMORY_SECONDS / 2).map(([, m]) => m);
    console.log(
      `memory over ${MEMORY_SECONDS} s of mixed load (${fmt(c.requests.total + s.requests.total)} requests): RSS ${startRss.toFixed(1)} MB at start → ${endRss.toFixed(1)} MB at end ` +
        `(min ${Math.min(...all).toFixed(1)}, max ${Math.max(...all).toFixed(1)}; second half ${Math.min(...secondHalf).toFixed(1)}–${Math.max(...secondHalf).toFixed(1)} MB; ` +
        `${samples.length} samples: ${samples.map(([t, m]) => `${t.toFixed(0)}s ${m.toFixed(0)}`).join(', ')})`,
    );
  }
} finally {
  server.child.kill('SIGTERM');
  const code = await new Promise((resolve) => server.child.on('exit', (c) => resolve(c)));
  const lines = readFileSync(logFile, 'utf8').split('\n').filter((l) => l.includes('"msg":"request"')).length;
  console.log(`server stopped (exit ${code}); it wrote ${fmt(lines)} request log lines`);
  rmSync(dir, { recursive: true, force: true });
}
