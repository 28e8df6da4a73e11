// The audit summary as a few tables for a terminal: totals, categories, agents, rules and the
// worst conversations (masked, like everything else).

import type { Paint } from '../cli/format/paint.js';
import { displayWidth } from '../cli/format/width.js';
import type { AuditSummary } from './summary.js';

const pct = (r: number): string => `${(r * 100).toFixed(1)}%`;
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padLeft = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
const clip = (s: string, w: number): string => {
  let out = '';
  for (const ch of s.replace(/\s+/g, ' ')) {
    if (displayWidth(out + ch) > w - 1) return out + '…';
    out += ch;
  }
  return out;
};

function table(rows: string[][], right: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => '  ' + r.map((c, i) => (right.has(i) ? padLeft(c, widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function formatAuditPretty(s: AuditSummary, paint: Paint): string {
  const t = s.totals;
  const out: string[] = [];
  out.push(paint.bold('客服质检汇总'));
  out.push(`  会话 ${t.sessions}（有违规 ${t.flaggedSessions}，${pct(t.flaggedSessionRate)}） · 客服消息 ${t.agentTurns}（违规 ${t.violatingTurns}，${pct(t.violationRate)}） · 客户消息 ${t.customerTurns} · 投诉会话 ${t.complaintSessions}`);
  out.push(`  问题：${paint.red(`${t.findings.error} 个错误`)}，${paint.yellow(`${t.findings.warning} 个警告`)}，${t.findings.info} 条建议${t.badLines > 0 ? paint.red(` · ${t.badLines} 行输入有误`) : ''}`);
  const f = s.responseTimes.first;
  if (f.count > 0) out.push(`  首次响应：平均 ${f.meanSeconds} 秒，中位数 ${f.p50Seconds} 秒，超过 ${f.limitSeconds} 秒 ${f.overLimit} 次；回复间隔超过 ${s.responseTimes.replies.limitSeconds} 秒 ${s.responseTimes.replies.overLimit} 次`);
  else out.push(paint.dim('  没有时间戳：未计算响应时效'));
  if (s.byCategory.length > 0) {
    out.push('', paint.bold('按类别'));
    out.push(table([['类别', '会话占比', '会话', '问题数'], ...s.byCategory.map((c) => [`${c.label} (${c.category})`, pct(c.sessionRate), String(c.sessions), String(c.findings)])], new Set([1, 2, 3])));
  }
  out.push('', paint.bold('按客服（违规率从高到低，前 10）'));
  out.push(table([['客服', '违规率', '违规消息', '消息', '会话'], ...s.byAgent.slice(0, 10).map((a) => [a.agent, pct(a.violationRate), String(a.violatingTurns), String(a.agentTurns), String(a.sessions)])], new Set([1, 2, 3, 4])));
  if (s.byRule.length > 0) {
    out.push('', paint.bold('高频规则（前 10）'));
    out.push(table([['规则', '级别', '次数', '会话'], ...s.byRule.slice(0, 10).map((r) => [r.ruleId, r.severity, String(r.findings), String(r.sessions)])], new Set([2, 3])));
  }
  if (s.worst.length > 0) {
    out.push('', paint.bold('最需要关注的会话（前 5）'));
    for (const c of s.worst.slice(0, 5)) {
      out.push(`  ${paint.underline(c.key)}  ${c.agents.join('、') || '—'}  ${c.file}:${c.line}  ${paint.red(`${c.findings.error} 错误`)} ${paint.yellow(`${c.findings.warning} 警告`)} ${c.findings.info} 建议`);
      let shown = 0;
      for (const turn of c.turns) {
        for (const fd of turn.findings) {
          if (shown++ >= 3) break;
          out.push(paint.dim(`    ${turn.role === 'agent' ? '客服' : '客户'}：${clip(turn.text, 40)}`) + `  ${fd.ruleId}`);
        }
      }
    }
  }
  return out.join('\n') + '\n';
}
