// npm run bench -- lsp: the language server as an editor sees it, over stdio through the protocol
// library editors use. Start-up (initialize answered, memory, nothing loaded yet), the first open,
// then diagnostics latency after one-character edits of a 2,000-line phrasebook file (from the
// didChange notification to the publishDiagnostics of that version), and memory with it open.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { generateReplies } from './replies.mjs';

const BIN = fileURLToPath(new URL('../bin/replylint', import.meta.url));
const EDITS = 300;
const LINES = 2000;

const INTENTS = ['greeting', 'thanks_bye', 'human_agent', 'presale.product_spec', 'presale.size_advice', 'presale.stock', 'presale.price_promo', 'presale.shipping_time', 'presale.return_policy', 'presale.recommend', 'presale.invoice', 'order.change_address', 'order.modify', 'order.cancel', 'order.payment_failed', 'order.coupon_issue', 'order.presale_progress', 'shipping.when_ship', 'shipping.tracking', 'shipping.delay', 'shipping.lost', 'shipping.damaged', 'aftersale.return_request', 'aftersale.exchange', 'aftersale.refund_status', 'aftersale.quality_issue', 'aftersale.wrong_item', 'aftersale.missing_item', 'aftersale.not_as_described', 'aftersale.usage_help', 'aftersale.freight_insurance', 'complaint.general', 'complaint.service_attitude', 'complaint.compensation', 'complaint.abusive', 'membership'];

/** A phrasebook file of about `lines` lines: every intent, templates drawn from realistic replies. */
function phrasebook(lines) {
  const replies = generateReplies(4000);
  const out = ['# generated for the language-server benchmark', 'area: 通用', 'intents:'];
  let r = 0;
  const perIntent = Math.ceil((lines - 3) / INTENTS.length);
  for (const id of INTENTS) {
    out.push(`  - id: ${id}`, `    title: ${id}`, '    examples:', `      - ${replies[r++ % replies.length].replace(/[:#'"{}[\],&*!|>%@`-]/g, ' ')}`, '    templates:');
    for (let t = 0; out.length < 3 + perIntent * (INTENTS.indexOf(id) + 1) - 5; t++) {
      const text = replies[r++ % replies.length].replace(/"/g, '');
      out.push(`      - id: ${id}/t${t}`, `        title: 模板${t}`, '        locale: zh-CN', '        tags: [bench]', `        text: "${text}"`);
    }
  }
  return out.join('\n') + '\n';
}

const rssOf = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const pct = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const ws = mkdtempSync(join(tmpdir(), 'replylint-bench-lsp-'));
mkdirSync(join(ws, 'phrasebook'));
const file = join(ws, 'phrasebook', 'bench.yaml');
const text = phrasebook(LINES);
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const t0 = performance.now();
const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(child.stdout, child.stdin);
const waiting = new Map();
let firstPublish;
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== uri) return;
  firstPublish ??= { at: performance.now(), count: p.diagnostics.length };
  const w = waiting.get(p.version);
  if (w) {
    waiting.delete(p.version);
    w(performance.now());
  }
});
conn.listen();
await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ws).href, workspaceFolders: null, capabilities: {} });
const initMs = performance.now() - t0;
await conn.sendNotification(InitializedNotification.type, {});
await new Promise((r) => setTimeout(r, 200));
const rssIdle = rssOf(child.pid);

const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
const opened = performance.now();
const first = published(1);
await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const firstAt = await first;
const lines = text.split('\n');
const textLines = lines.map((l, i) => [l, i]).filter(([l]) => l.startsWith('        text: "'));

const lat = [];
let version = 1;
for (let i = 0; i < EDITS; i++) {
  // Type one character into a template text: every edit gives a text never linted before (no
  // content-cache hit flatters the figure).
  const [, line] = textLines[(i * 7) % textLines.length];
  const at = { line, character: 15 };
  const change = { range: { start: at, end: at }, text: String.fromCharCode(0x4e00 + ((i * 37) % 2000)) };
  version++;
  const done = published(version);
  const sent = performance.now();
  await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  lat.push((await done) - sent);
}
const rssOpen = rssOf(child.pid);
lat.sort((a, b) => a - b);

await conn.sendRequest(ShutdownRequest.type);
await conn.sendNotification(ExitNotification.type);
await new Promise((r) => child.once('exit', r));
conn.dispose();
rmSync(ws, { recursive: true, force: true });

console.log(`lsp start-up: initialize answered ${initMs.toFixed(0)} ms after spawn; RSS ${rssIdle.toFixed(0)} MB before any file is open (the engine loads on the first open)`);
console.log(`lsp first open of a ${lines.length - 1}-line phrasebook: diagnostics after ${(firstAt - opened).toFixed(0)} ms (${firstPublish.count} diagnostics; engine, rules and phrasebook validation loaded)`);
console.log(`lsp diagnostics after a one-character edit (${lines.length - 1}-line phrasebook, ${EDITS} edits, didChange → publishDiagnostics, 10 ms debounce included): p50 ${pct(lat, 0.5).toFixed(1)} ms, p99 ${pct(lat, 0.99).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms; server RSS with it open ${rssOpen.toFixed(0)} MB`);
