// A fast slice of the generated personal-data corpus (test/pii/corpus.mjs) through the real engine
// and every output format, in-process: ≥ 99.5 % of the values found (a sensitive-data finding
// covers each) and masked (the value as written appears in no format's output), ≤ 1 % of the
// near misses flagged. eval/pii-corpus.mjs runs the whole corpus through every surface.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { FORMATS, render } from '../../src/cli/output.js';
import type { FileReport } from '../../src/lint/report.js';
import { shippedEngine } from '../helpers/engine.js';
import { generateCorpus, NUMERAL_STYLES, SEPARATORS } from './corpus.mjs';

const { positives, negatives } = generateCorpus({ valuesPerKind: 2 });

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

// The test's own checks of the values it generated (independent of src/pii/checksums.ts).
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const FOLD: Record<string, string> = {};
['〇零０', '一幺壹１', '二两贰２', '三叁３', '四肆４', '五伍５', '六陆６', '七柒７', '八捌８', '九玖９'].forEach((cs, d) => {
  for (const c of cs) FOLD[c] = String(d);
});
const digits = (s: string): string => [...s].map((c) => (/\d/.test(c) ? c : (FOLD[c] ?? (/[xXＸ]/.test(c) ? 'X' : '')))).join('');
const idOk = (d: string): boolean => '10X98765432'[W.reduce((s, w, i) => s + w * Number(d[i]), 0) % 11] === d[17];
const luhn = (d: string): boolean => [...d].reverse().reduce((s, c, i) => s + (i % 2 ? (Number(c) * 2 > 9 ? Number(c) * 2 - 9 : Number(c) * 2) : Number(c)), 0) % 10 === 0;

describe('the generated corpus', () => {
  it('covers every kind × numeral style × separator × position, with valid checksums', () => {
    const kinds = new Set(positives.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['address', 'amount', 'bank-card', 'email', 'id-card', 'id-card-15', 'landline', 'mobile']);
    for (const kind of ['mobile', 'id-card', 'bank-card', 'landline']) {
      for (const style of NUMERAL_STYLES) expect(positives.some((p) => p.kind === kind && p.style === style), `${kind} ${style}`).toBe(true);
    }
    for (const sep of SEPARATORS) expect(positives.some((p) => p.kind === 'mobile' && p.sep === sep), `separator ${JSON.stringify(sep)}`).toBe(true);
    for (const where of ['start', 'middle', 'end', 'zh-punct', 'ascii-punct', 'number-after', 'next-to-value', 'traditional', 'english']) {
      expect(positives.some((p) => p.where === where), where).toBe(true);
    }
    for (const p of positives) {
      expect(p.text.slice(p.start, p.end)).toBe(p.value);
      if (p.kind === 'id-card') expect(idOk(digits(p.value)), p.value).toBe(true);
      if (p.kind === 'bank-card') expect(luhn(digits(p.value)), p.value).toBe(true);
    }
    expect(new Set(negatives.map((n) => n.category)).size).toBeGreaterThanOrEqual(12);
  });

  it('is the same every run (seeded)', () => {
    expect(generateCorpus({ valuesPerKind: 2 }).positives.map((p) => p.text)).toEqual(positives.map((p) => p.text));
  });
});

describe(`${positives.length} values, ${negatives.length} near misses through the engine and every format`, () => {
  it('finds ≥ 99.5 % of the values of every kind, and masks them in every output format', async () => {
    const reports: FileReport[] = [];
    const byKind = new Map<string, { n: number; found: number }>();
    const misses: string[] = [];
    for (const p of positives) {
      const r = engine.check(p.text);
      const found = r.findings.some((f) => f.category === 'sensitive-data' && f.start <= p.start && f.end >= p.end);
      const b = byKind.get(p.kind) ?? { n: 0, found: 0 };
      b.n++;
      if (found) b.found++;
      else misses.push(`${p.kind} ${p.style} ${p.shape} ${JSON.stringify(p.sep)} ${p.where}: ${p.text}`);
      byKind.set(p.kind, b);
      reports.push({ file: `<text ${p.id}>`, text: r.text, findings: r.findings, problems: [], score: r.score, pass: r.pass });
    }
    for (const [kind, b] of byKind) expect(b.found / b.n, `${kind}: ${b.found}/${b.n}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.995);

    for (const format of FORMATS) {
      const out = await render(reports, { format, single: false, version: 'test', color: false });
      const raw = positives.filter((p) => out.includes(p.value));
      expect(raw.length / positives.length, `${format}: ${raw.slice(0, 5).map((p) => p.value).join(', ')}`).toBeLessThanOrEqual(0.005);
    }
    // The check result itself (what `check --format json` prints as "text").
    const rawInText = positives.filter((p) => engine.check(p.text).text.includes(p.value));
    expect(rawInText).toEqual([]);
  });

  it('flags ≤ 1 % of the near misses', () => {
    const flagged = negatives.filter((n) => engine.check(n.text).findings.some((f) => f.category === 'sensitive-data'));
    expect(flagged.length / negatives.length, flagged.map((n) => `${n.category}: ${n.text}`).join('\n')).toBeLessThanOrEqual(0.01);
  });
});
