// Hook speed: wall time of `replylint lint phrasebook/` (the whole shipped phrasebook) and of
// `replylint lint --staged` in a temporary git repository where one phrasebook file has a staged
// edit (what a pre-commit hook runs), each as a fresh process, median of RUNS runs. Wall time
// depends on what else the machine runs; the CPU time (user + system of the replylint process,
// measured inside it) much less so. Both are printed.
// Usage: node bench/hook.mjs [runs]

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'replylint');
const RUNS = Number(process.argv[2] ?? 10);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Prints the process's own CPU time on exit (to standard error, after everything else).
const CPU_PROBE = "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\n@cpu '+(u.user+u.system)/1000)})";

function time(args, cwd, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', CPU_PROBE, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`replylint ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = Number(/@cpu ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  return { wall, cpu };
}

function series(label, args, cwd, env, before = () => {}) {
  time(args, cwd, env); // warm the rule cache and the file system
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    before(i);
    runs.push(time(args, cwd, env));
  }
  const wall = runs.map((r) => r.wall);
  const cpu = runs.map((r) => r.cpu);
  const f = (x) => x.toFixed(0).padStart(5);
  console.log(`${label.padEnd(62)} wall median ${f(median(wall))} ms (min ${f(Math.min(...wall))})   cpu median ${f(median(cpu))} ms`);
  return median(wall);
}

const git = (cwd, ...args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
};

const cache = mkdtempSync(join(tmpdir(), 'rl-bench-hook-cache-'));
const repo = mkdtempSync(join(tmpdir(), 'rl-bench-hook-'));
try {
  console.log(`replylint hook speed, ${RUNS} runs each (node ${process.version})`);
  const env = { REPLYLINT_CACHE_DIR: cache };
  series('check "你好" (start-up baseline)', ['check', '你好'], ROOT, env);
  series('lint phrasebook/ (unchanged phrasebook)', ['lint', 'phrasebook/'], ROOT, env);

  git(repo, 'init', '-q');
  cpSync(join(ROOT, 'phrasebook'), join(repo, 'phrasebook'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.email=b@e', '-c', 'user.name=b', 'commit', '-q', '-m', 'pb');
  const file = join(repo, 'phrasebook', 'order.yaml');
  const original = readFileSync(file, 'utf8');
  // Each run stages a different edit, so nothing about the edited file can come from a cache.
  let edits = 0;
  const edit = () => {
    writeFileSync(file, original.replace('订单还没发货的话', `订单还没发货的话（第${++edits}次修改）`));
    git(repo, 'add', 'phrasebook/order.yaml');
  };
  series('lint --staged (order.yaml edited, new content each run)', ['lint', '--staged'], repo, env, edit);
  series('lint phrasebook/ (order.yaml edited each run)', ['lint', 'phrasebook/'], repo, env, edit);
  // Worst case: no phrasebook file in the cache (every file parsed and validated again).
  const dropPhrasebookCache = () => {
    for (const f of readdirSync(cache)) if (f.startsWith('phrasebook-')) rmSync(join(cache, f));
  };
  series('lint phrasebook/ (phrasebook not in the cache at all)', ['lint', 'phrasebook/'], ROOT, env, dropPhrasebookCache);
} finally {
  rmSync(repo, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
