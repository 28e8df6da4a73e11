// Small server-side SVG charts for the audit report: horizontal bars, vertical bars and grouped
// vertical bars. Every bar may link to an anchor of the page; every text is escaped. No library,
// no script: the charts are plain markup that any browser draws.

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

export interface Bar {
  label: string;
  value: number;
  /** Text shown at the end of the bar (e.g. "12.5%"). */
  display: string;
  /** Anchor the bar links to (without #), if any. */
  href?: string;
  /** Tooltip. */
  title?: string;
  color?: string;
}

const FONT = `font-family="'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif"`;

/** Rough display width of a label in px at 13px (CJK characters are twice as wide). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 13 : 7.2;
  return w;
}

function clipLabel(s: string, px: number): string {
  if (textWidth(s) <= px) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…') > px) break;
    out += ch;
  }
  return out + '…';
}

const link = (href: string | undefined, inner: string): string => (href ? `<a href="#${escapeHtml(href)}">${inner}</a>` : inner);

/** Horizontal bars, one row per item, scaled to `max` (default: the largest value). */
export function hbarChart(bars: readonly Bar[], o: { width?: number; max?: number; labelWidth?: number; color?: string } = {}): string {
  const width = o.width ?? 560;
  const labelW = o.labelWidth ?? Math.min(240, Math.max(60, ...bars.map((b) => textWidth(b.label) + 20)));
  const valueW = 64;
  const row = 26;
  const height = bars.length * row + 8;
  const max = o.max ?? Math.max(1e-9, ...bars.map((b) => b.value));
  const plot = width - labelW - valueW;
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
    const tip = `<title>${escapeHtml(b.title ?? `${b.label}：${b.display}`)}</title>`;
    return link(
      b.href,
      `<g class="bar">${tip}<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="#333">${escapeHtml(clipLabel(b.label, labelW - 10))}</text>` +
        `<rect x="${labelW}" y="${y + 4}" width="${plot}" height="${row - 8}" fill="#f1f3f7" rx="3"/>` +
        `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${b.color ?? o.color ?? '#3b6fd4'}" rx="3"/>` +
        `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}" font-size="12" fill="#444">${escapeHtml(b.display)}</text></g>`,
    );
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" ${FONT}>${rows.join('')}</svg>`;
}

/** A round upper bound whose quarters are round too (4 → 4, 7 → 8, 130 → 200, 0.37 → 0.4). */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const step = v / 4;
  const p = 10 ** Math.floor(Math.log10(step));
  const m = step / p;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return Math.max(v >= 1 && Number.isInteger(v) ? 4 : 0, nice * p * 4);
}

export interface Series {
  name: string;
  color: string;
}

/**
 * Vertical bars, grouped: `values[i][s]` is the value of series s in column i. A dashed line
 * marks `limit` when given (e.g. the target violation rate).
 */
export function columnChart(
  columns: ReadonlyArray<{ label: string; values: number[]; displays: string[]; hrefs?: Array<string | undefined> }>,
  series: readonly Series[],
  o: { width?: number; height?: number; max?: number; axis?: (v: number) => string } = {},
): string {
  const width = o.width ?? 560;
  const height = o.height ?? 220;
  const left = 44;
  const bottom = 40;
  const top = series.length > 1 ? 26 : 12;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = o.max ?? niceMax(Math.max(0, ...columns.flatMap((c) => c.values)));
  const axis = o.axis ?? ((v: number) => String(Math.round(v)));
  const colW = plotW / Math.max(1, columns.length);
  const gap = Math.max(Math.min(8, colW * 0.2), colW - 56 * series.length); // bars at most 56 px wide
  const barW = Math.max(1, (colW - gap) / series.length);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    const y = top + plotH - (plotH * k) / 4;
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e3e6ec"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#777">${escapeHtml(axis(v))}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(columns.length / Math.max(1, Math.floor(plotW / 64))));
  columns.forEach((c, i) => {
    const x0 = left + i * colW + gap / 2;
    c.values.forEach((v, s) => {
      const h = max > 0 ? (v / max) * plotH : 0;
      const x = x0 + s * barW;
      const y = top + plotH - h;
      parts.push(
        link(
          c.hrefs?.[s],
          `<g class="bar"><title>${escapeHtml(`${c.label} ${series[s]!.name}：${c.displays[s]}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barW - 1).toFixed(1)}" height="${Math.max(v > 0 ? 1 : 0, h).toFixed(1)}" fill="${series[s]!.color}" rx="2"/></g>`,
        ),
      );
    });
    if (i % labelEvery === 0) parts.push(`<text x="${(x0 + (colW - gap) / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#555">${escapeHtml(c.label)}</text>`);
  });
  if (series.length > 1) {
    series.forEach((s, k) => parts.push(`<rect x="${left + k * 110}" y="4" width="12" height="12" fill="${s.color}" rx="2"/><text x="${left + k * 110 + 18}" y="14" font-size="12" fill="#333">${escapeHtml(s.name)}</text>`));
  }
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" ${FONT}>${parts.join('')}</svg>`;
}
