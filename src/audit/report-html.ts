// The audit as one self-contained HTML page for quality teams (质检): key numbers at the top,
// charts (violation rate by category and by agent, trend by day, top rules, response times) whose
// bars link to the sections listing the conversations behind them, and those conversations with
// their findings highlighted. Inline CSS and server-side SVG only, a few lines of script for
// sorting and filtering; every text comes from the masked summary and is HTML-escaped.

import type { AuditSummary, SummaryConversation, SummaryTurn } from './summary.js';
import { columnChart, escapeHtml as esc, hbarChart, type Bar } from './svg.js';

const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;
const num = (n: number): string => n.toLocaleString('en-US');
const SEV_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '建议' };
const SEV_COLOR: Record<string, string> = { error: '#d64545', warning: '#e0a100', info: '#4a8fd8' };

/** Colour of a rate bar: red from 20 %, amber from 10 %, else green. */
const rateColor = (r: number): string => (r >= 0.2 ? '#d64545' : r >= 0.1 ? '#e0a100' : '#2a9d8f');

/** Stable, unique anchor ids: readable where possible, with a short hash where the key had to change. */
class Anchors {
  private readonly used = new Set<string>();
  private readonly ids = new Map<string, string>();
  id(prefix: string, key: string): string {
    const k = `${prefix}\u0000${key}`;
    const known = this.ids.get(k);
    if (known) return known;
    const slug = key.replace(/[^A-Za-z0-9_\u4e00-\u9fff-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    let id = `${prefix}-${slug || 'x'}`;
    if (slug !== key || this.used.has(id)) id += `-${hash(key)}`;
    while (this.used.has(id)) id += 'x';
    this.used.add(id);
    this.ids.set(k, id);
    return id;
  }
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The turn's (masked) text with the spans of its findings marked. */
function highlighted(t: SummaryTurn): string {
  const spans = t.findings.filter((f) => f.start >= 0 && f.end > f.start && f.end <= t.text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping: the first span wins
    out += esc(t.text.slice(at, f.start)) + `<mark class="${f.severity}" title="${esc(f.ruleId)}">${esc(t.text.slice(f.start, f.end))}</mark>`;
    at = f.end;
  }
  return out + esc(t.text.slice(at));
}

function conversationList(keys: readonly string[], byKey: ReadonlyMap<string, SummaryConversation>, a: Anchors): string {
  if (keys.length === 0) return '<p class="muted">没有需要列出的会话。</p>';
  const rows = keys.map((k) => {
    const c = byKey.get(k)!;
    const first = c.turns.flatMap((t) => t.findings.map((f) => ({ t, f }))).sort((x, y) => rankOf(y.f.severity) - rankOf(x.f.severity))[0];
    return `<li><a href="#${a.id('session', k)}">${esc(k)}</a> <span class="muted">${esc(c.agents.join('、') || '—')}</span> ${sevBadges(c.findings)}${first ? ` <span class="why">${esc(first.f.message)}</span>` : ''}</li>`;
  });
  return `<ul class="convs">${rows.join('')}</ul>`;
}

const rankOf = (s: string): number => (s === 'error' ? 3 : s === 'warning' ? 2 : 1);

function sevBadges(f: Record<string, number>): string {
  return ['error', 'warning', 'info']
    .filter((s) => (f[s] ?? 0) > 0)
    .map((s) => `<span class="badge ${s}">${SEV_LABEL[s]} ${f[s]}</span>`)
    .join(' ');
}

function conversationSection(c: SummaryConversation, a: Anchors, rank: number | null): string {
  const turns = c.turns.map((t) => {
    const who = t.role === 'agent' ? `客服 ${esc(t.agent ?? '')}` : '客户';
    const wait = t.waitSeconds !== undefined ? ` · 等待 ${t.waitSeconds} 秒` : '';
    const findings = t.findings.length
      ? `<ul class="findings">${t.findings.map((f) => `<li class="${f.severity}"><span class="badge ${f.severity}">${SEV_LABEL[f.severity]}</span> <a href="#${a.id('rule', f.ruleId)}"><code>${esc(f.ruleId)}</code></a> ${esc(f.message)}</li>`).join('')}</ul>`
      : '';
    return `<div class="turn ${t.role}"><div class="meta">${who} · 第 ${t.line} 行${t.time ? ` · ${esc(t.time)}` : ''}${wait}</div><div class="bubble">${highlighted(t)}</div>${findings}</div>`;
  });
  const more = c.moreTurns > 0 ? `<p class="muted">另有 ${c.moreTurns} 条消息已审计但未列出。</p>` : '';
  return `<section class="conversation" id="${a.id('session', c.key)}"><h3>${rank !== null ? `#${rank} ` : ''}会话 ${esc(c.key)}</h3>
<p class="muted">${esc(c.file)} 第 ${c.line} 行起 · 客服 ${esc(c.agents.join('、') || '—')} · 风险分 ${c.score} ${sevBadges(c.findings)}</p>
<div class="chat">${turns.join('')}</div>${more}</section>`;
}

export interface ReportOptions {
  generatedAt?: Date;
}

export function renderReport(s: AuditSummary, o: ReportOptions = {}): string {
  const a = new Anchors();
  const all = [...s.worst, ...s.conversations];
  const byKey = new Map(all.map((c) => [c.key, c]));
  const t = s.totals;
  const timed = s.responseTimes.first.count + s.responseTimes.replies.count > 0;

  // Key numbers.
  const cards = [
    ['会话', num(t.sessions), `${num(t.turns)} 条消息`],
    ['违规会话占比', pct(t.flaggedSessionRate), `${num(t.flaggedSessions)} 个会话`],
    ['客服消息违规率', pct(t.violationRate), `${num(t.violatingTurns)} / ${num(t.agentTurns)} 条`],
    ['投诉会话', num(t.complaintSessions), `${num(t.complaintTurns)} 条投诉消息`],
    timed
      ? ['平均首次响应', `${s.responseTimes.first.meanSeconds ?? '—'} 秒`, `超过 ${s.settings.firstResponseSeconds} 秒：${num(s.responseTimes.first.overLimit)} 次`]
      : ['平均首次响应', '—', '日志没有时间戳'],
    ['问题', num(t.findings.error + t.findings.warning + t.findings.info), `错误 ${num(t.findings.error)} · 警告 ${num(t.findings.warning)} · 建议 ${num(t.findings.info)}`],
  ]
    .map(([k, v, sub]) => `<div class="card"><div class="k">${esc(k!)}</div><div class="v">${esc(v!)}</div><div class="sub">${esc(sub!)}</div></div>`)
    .join('');

  // Charts.
  const catBars: Bar[] = s.byCategory.map((c) => ({ label: c.label, value: c.sessionRate, display: pct(c.sessionRate), href: a.id('category', c.category), title: `${c.label}（${c.category}）：${c.sessions} 个会话，${c.findings} 个问题`, color: rateColor(c.sessionRate) }));
  const agents = s.byAgent.slice(0, 15);
  const agentBars: Bar[] = agents.map((g) => ({ label: g.agent, value: g.violationRate, display: pct(g.violationRate), href: a.id('agent', g.agent), title: `${g.agent}：${g.violatingTurns} / ${g.agentTurns} 条消息违规`, color: rateColor(g.violationRate) }));
  const ruleBars: Bar[] = s.byRule.slice(0, 10).map((r) => ({ label: r.title ? `${r.title}` : r.ruleId, value: r.findings, display: num(r.findings), href: a.id('rule', r.ruleId), title: `${r.ruleId}（${SEV_LABEL[r.severity]}）：${r.findings} 次，${r.sessions} 个会话`, color: SEV_COLOR[r.severity] }));
  const days = s.byDay;
  const dayChart = days.length
    ? columnChart(
        days.map((d) => ({ label: d.day.slice(5), values: [d.violationRate], displays: [`${pct(d.violationRate)}（${d.violatingTurns}/${d.agentTurns}）`], hrefs: [a.id('day', d.day)] })),
        [{ name: '违规率', color: '#3b6fd4' }],
        { axis: (v) => `${Math.round(v * 100)}%` },
      )
    : '<p class="muted">日志没有时间戳，无法按天统计。</p>';
  const firstRule = s.byRule.some((r) => r.ruleId === 'response-time/first-response') ? a.id('rule', 'response-time/first-response') : undefined;
  const gapRule = s.byRule.some((r) => r.ruleId === 'response-time/reply-gap') ? a.id('rule', 'response-time/reply-gap') : undefined;
  const rtChart = timed
    ? columnChart(
        s.responseTimes.bands.map((b) => ({ label: b.label, values: [b.first, b.replies], displays: [num(b.first), num(b.replies)], hrefs: [firstRule, gapRule] })),
        [
          { name: '首次响应', color: '#3b6fd4' },
          { name: '后续回复', color: '#9bb7ea' },
        ],
        { width: 1160, height: 240 },
      ) + `<p class="muted">首次响应中位数 ${s.responseTimes.first.p50Seconds ?? '—'} 秒、P90 ${s.responseTimes.first.p90Seconds ?? '—'} 秒；后续回复中位数 ${s.responseTimes.replies.p50Seconds ?? '—'} 秒（标准：首响 ${s.settings.firstResponseSeconds} 秒，回复间隔 ${s.settings.gapSeconds} 秒）。</p>`
    : '<p class="muted">日志没有时间戳，未计算响应时效。</p>';

  const charts = `<div class="charts">
<figure id="chart-category"><figcaption>按类别：含该类问题的会话占比</figcaption>${catBars.length ? hbarChart(catBars) : '<p class="muted">没有发现问题。</p>'}</figure>
<figure id="chart-agent"><figcaption>按客服：消息违规率${s.byAgent.length > agents.length ? `（最高的 ${agents.length} 位，共 ${s.byAgent.length} 位）` : ''}</figcaption>${agentBars.length ? hbarChart(agentBars) : '<p class="muted">没有客服消息。</p>'}</figure>
<figure id="chart-day"><figcaption>每日趋势：客服消息违规率</figcaption>${dayChart}</figure>
<figure id="chart-rule"><figcaption>高频规则 Top 10</figcaption>${ruleBars.length ? hbarChart(ruleBars) : '<p class="muted">没有发现问题。</p>'}</figure>
<figure id="chart-response" class="wide"><figcaption>响应时间分布（次数）</figcaption>${rtChart}</figure>
</div>`;

  // Agent table (sortable, filterable) and the sections behind each number.
  const agentRows = s.byAgent
    .map(
      (g) =>
        `<tr><td><a href="#${a.id('agent', g.agent)}">${esc(g.agent)}</a></td><td data-v="${g.sessions}">${num(g.sessions)}</td><td data-v="${g.agentTurns}">${num(g.agentTurns)}</td><td data-v="${g.violatingTurns}">${num(g.violatingTurns)}</td><td data-v="${g.violationRate}"><span class="rate" style="--r:${Math.min(100, g.violationRate * 100).toFixed(1)}%;--c:${rateColor(g.violationRate)}">${pct(g.violationRate)}</span></td><td data-v="${g.firstResponse.meanSeconds ?? -1}">${g.firstResponse.meanSeconds ?? '—'}</td><td data-v="${g.firstResponse.overLimit}">${num(g.firstResponse.overLimit)}</td><td data-v="${g.replies.overLimit}">${num(g.replies.overLimit)}</td><td data-v="${g.findings}">${num(g.findings)}</td></tr>`,
    )
    .join('');
  const agentTable = `<input class="filter" type="search" placeholder="筛选客服…" data-table="agent-table" aria-label="筛选客服">
<table id="agent-table" class="sortable"><thead><tr><th>客服</th><th>会话</th><th>消息</th><th>违规消息</th><th>违规率</th><th>平均首响(秒)</th><th>首响超时</th><th>回复超时</th><th>问题</th></tr></thead><tbody>${agentRows}</tbody></table>`;

  const agentSections = s.byAgent
    .map((g) => {
      const cats = Object.entries(g.byCategory)
        .sort((x, y) => y[1] - x[1])
        .map(([c, n]) => `<a href="#${a.id('category', c)}">${esc(s.categoryLabels[c] ?? c)}</a> ${n}`)
        .join(' · ');
      return `<section class="group" id="${a.id('agent', g.agent)}"><h3>客服 ${esc(g.agent)}</h3><p>违规率 <b>${pct(g.violationRate)}</b>（${num(g.violatingTurns)} / ${num(g.agentTurns)} 条消息）· ${num(g.sessions)} 个会话${cats ? ` · ${cats}` : ''}</p>${conversationList(g.conversations, byKey, a)}</section>`;
    })
    .join('');
  const ruleSections = s.byRule
    .map((r) => `<section class="group" id="${a.id('rule', r.ruleId)}"><h3><span class="badge ${r.severity}">${SEV_LABEL[r.severity]}</span> ${r.title ? `${esc(r.title)} ` : ''}<code>${esc(r.ruleId)}</code></h3><p>${num(r.findings)} 次 · ${num(r.sessions)} 个会话 · 类别 <a href="#${a.id('category', r.category)}">${esc(s.categoryLabels[r.category] ?? r.category)}</a></p>${conversationList(r.conversations, byKey, a)}</section>`)
    .join('');
  const categorySections = s.byCategory
    .map((c) => `<section class="group" id="${a.id('category', c.category)}"><h3>${esc(c.label)} <code>${esc(c.category)}</code></h3><p>${num(c.sessions)} 个会话（${pct(c.sessionRate)}）· ${num(c.turns)} 条客服消息 · ${num(c.findings)} 个问题</p>${conversationList(c.conversations, byKey, a)}</section>`)
    .join('');
  const daySections = s.byDay
    .map((d) => `<section class="group" id="${a.id('day', d.day)}"><h3>${esc(d.day)}</h3><p>违规率 ${pct(d.violationRate)}（${num(d.violatingTurns)} / ${num(d.agentTurns)} 条客服消息）· ${num(d.sessions)} 个会话</p>${conversationList(d.conversations, byKey, a)}</section>`)
    .join('');

  const worst = s.worst.map((c, i) => conversationSection(c, a, i + 1)).join('');
  const others = s.conversations.map((c) => conversationSection(c, a, null)).join('');
  const problems = s.problems.length
    ? `<section id="problems"><h2>输入问题（${num(t.badLines)} 行未能审计）</h2><ul>${s.problems.map((p) => `<li><code>${esc(p.file)}:${p.line}</code> ${esc(p.message)}</li>`).join('')}</ul></section>`
    : '';
  const generated = o.generatedAt ? ` · 生成于 ${esc(o.generatedAt.toISOString().replace('T', ' ').slice(0, 19))} UTC` : '';

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>客服质检报告</title>
<style>${CSS}</style></head>
<body>
<header><h1>客服质检报告</h1><p class="muted">${esc(s.files.join('、'))} · replylint ${esc(s.version)}${generated} · 首响标准 ${s.settings.firstResponseSeconds} 秒 · 回复间隔 ${s.settings.gapSeconds} 秒 · “违规”指${SEV_LABEL[s.settings.violationSeverity]}及以上</p>
<nav><a href="#overview">总览</a><a href="#agents">客服</a><a href="#rules">规则</a><a href="#categories">类别</a>${s.byDay.length ? '<a href="#days">日期</a>' : ''}<a href="#worst">重点会话</a>${problems ? '<a href="#problems">输入问题</a>' : ''}</nav></header>
<main>
<section id="overview"><div class="cards">${cards}</div>${charts}</section>
<section id="agents"><h2>客服明细</h2>${agentTable}${agentSections}</section>
<section id="rules"><h2>规则明细</h2>${ruleSections || '<p class="muted">没有发现问题。</p>'}</section>
<section id="categories"><h2>类别明细</h2>${categorySections || '<p class="muted">没有发现问题。</p>'}</section>
${s.byDay.length ? `<section id="days"><h2>日期明细</h2>${daySections}</section>` : ''}
<section id="worst"><h2>重点会话（风险分最高的 ${s.worst.length} 个）</h2><p class="muted">风险分 = 错误 × 10 + 警告 × 3 + 建议 × 1。个人信息已脱敏。</p>${worst || '<p class="muted">没有发现问题。</p>'}${others ? `<h2>其他被引用的会话</h2>${others}` : ''}</section>
${problems}
</main>
<script>${SCRIPT}</script>
</body></html>
`;
}

const CSS = `
:root{--fg:#1f2430;--muted:#6b7280;--line:#e3e6ec;--bg:#f6f7fb;--card:#fff;--blue:#3b6fd4}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 28px 0;position:sticky;top:0;z-index:2}
h1{margin:0;font-size:22px}h2{font-size:18px;margin:28px 0 12px}h3{font-size:15px;margin:0 0 6px}
nav{display:flex;gap:18px;margin-top:8px}nav a{padding:6px 0;color:var(--fg);text-decoration:none;border-bottom:2px solid transparent}nav a:hover{border-color:var(--blue)}
main{padding:8px 28px 60px;max-width:1280px;margin:0 auto}
a{color:var(--blue)}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:18px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.card .k{color:var(--muted);font-size:13px}.card .v{font-size:26px;font-weight:600;margin:2px 0}.card .sub{color:var(--muted);font-size:12px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:14px}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
figure.wide{grid-column:1/-1}
figcaption{font-weight:600;margin-bottom:6px}
svg.chart a:hover rect:last-of-type,svg.chart a:hover rect{opacity:.8}
svg.chart{display:block;max-height:420px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
th{background:#f0f2f7;cursor:pointer;user-select:none}th.asc::after{content:' ▲'}th.desc::after{content:' ▼'}
.rate{display:inline-block;min-width:64px;background:linear-gradient(90deg,var(--c) var(--r),#eef0f4 var(--r));color:#111;border-radius:4px;padding:0 6px}
.filter{margin:0 0 8px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;width:240px}
.group{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 16px;margin:10px 0}
.group:target,.conversation:target{outline:3px solid #f5c542}
.convs{margin:4px 0;padding-left:18px}.convs li{margin:2px 0}.why{color:#444}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;color:#fff}
.badge.error{background:#d64545}.badge.warning{background:#e0a100}.badge.info{background:#4a8fd8}
.conversation{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin:12px 0}
.chat{display:flex;flex-direction:column;gap:8px}
.turn{max-width:78%}.turn.customer{align-self:flex-start}.turn.agent{align-self:flex-end}
.turn .meta{font-size:12px;color:var(--muted)}
.bubble{padding:8px 12px;border-radius:10px;white-space:pre-wrap;word-break:break-word}
.customer .bubble{background:#f0f2f5}.agent .bubble{background:#e6efff}
mark{background:#ffe08a;border-radius:3px;padding:0 1px}mark.error{background:#ffc9c9}mark.info{background:#d7e8ff}
.findings{margin:4px 0 0;padding-left:0;list-style:none;font-size:13px}.findings li{margin:2px 0}
code{font-size:12px;background:#f0f2f7;padding:0 4px;border-radius:3px}
`;

// Sorting by a column (numbers from data-v) and filtering the agent table. Defensive: no element
// is assumed to exist, so the page never logs an error.
const SCRIPT = `
(function(){
  document.querySelectorAll('table.sortable th').forEach(function(th, col){
    th.addEventListener('click', function(){
      var table = th.closest('table'); var body = table && table.tBodies[0]; if (!body) return;
      var asc = !th.classList.contains('asc');
      table.querySelectorAll('th').forEach(function(h){ h.classList.remove('asc','desc'); });
      th.classList.add(asc ? 'asc' : 'desc');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function(a, b){
        var x = a.cells[col], y = b.cells[col]; if (!x || !y) return 0;
        var vx = x.getAttribute('data-v'), vy = y.getAttribute('data-v');
        var c = (vx !== null && vy !== null) ? (parseFloat(vx) - parseFloat(vy)) : x.textContent.localeCompare(y.textContent, 'zh');
        return asc ? c : -c;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
  document.querySelectorAll('input.filter').forEach(function(input){
    input.addEventListener('input', function(){
      var table = document.getElementById(input.getAttribute('data-table') || ''); if (!table || !table.tBodies[0]) return;
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function(r){ r.style.display = !q || r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
    });
  });
})();
`;
