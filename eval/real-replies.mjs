// node eval/real-replies.mjs FILE.jsonl… [--show N]
// Runs `replylint check --jsonl` over real agents' replies (JSON Lines with a "text" field, e.g.
// ../shared/realdata/*/agent_replies.jsonl) and reports the share flagged per category and per
// severity, so that false alarms on ordinary replies show up as numbers. --show N prints N flagged
// replies (masked, as the CLI prints them) to read by hand.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/replylint', import.meta.url));
const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args.splice(showAt, 2)[1]) : 0;
if (args.length === 0) {
  console.error('usage: node eval/real-replies.mjs FILE.jsonl… [--show N]');
  process.exit(2);
}

const texts = [];
for (const file of args) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim()) texts.push(JSON.parse(line).text);
  }
}

const child = spawn(process.execPath, [BIN, 'check', '--jsonl', '--no-config'], { stdio: ['pipe', 'pipe', 'inherit'] });
child.stdin.end(texts.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');

const byCategory = new Map();
const bySeverity = { error: 0, warning: 0, info: 0 };
let anyWarnOrError = 0;
const flagged = [];
for await (const line of createInterface({ input: child.stdout })) {
  const r = JSON.parse(line);
  if (!r.findings) continue;
  const severities = new Set(r.findings.map((f) => f.severity));
  for (const s of severities) bySeverity[s]++;
  if (severities.has('error') || severities.has('warning')) anyWarnOrError++;
  for (const c of new Set(r.findings.map((f) => f.category))) byCategory.set(c, (byCategory.get(c) ?? 0) + 1);
  if (r.findings.length > 0) flagged.push(r);
}

const pct = (n) => `${((100 * n) / texts.length).toFixed(2)}%`;
console.log(`${texts.length} replies`);
console.log(`at error level: ${bySeverity.error} (${pct(bySeverity.error)}); warning: ${bySeverity.warning} (${pct(bySeverity.warning)}); info: ${bySeverity.info} (${pct(bySeverity.info)}); warning or error: ${anyWarnOrError} (${pct(anyWarnOrError)})`);
console.log('per category (replies with at least one finding of it):');
for (const [c, n] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`  ${c.padEnd(22)} ${String(n).padStart(5)}  ${pct(n)}`);
for (const r of flagged.slice(0, show)) {
  console.log(`\n#${r.id} ${r.findings.map((f) => `${f.severity} ${f.ruleId} «${f.excerpt}»`).join('; ')}`);
}
