import { describe, expect, it } from 'vitest';
import { applyEdits, encodeReplacement, planFixes, verifyFixed } from '../../src/lint/fix.js';
import { unifiedDiff } from '../../src/lint/diff.js';
import { segmentsOf } from '../../src/lint/segments.js';
import type { SegmentCheck } from '../../src/lint/lint-file.js';
import type { Finding } from '../../src/types.js';

/** A finding that fixes every occurrence of `from` in a reply to `to` (what a rule with a fix reports). */
function fixesOf(text: string, from: string, to: string): Finding[] {
  const out: Finding[] = [];
  for (let i = text.indexOf(from); i >= 0; i = text.indexOf(from, i + from.length)) {
    out.push({ ruleId: 'r/x', category: 'style', severity: 'warning', message: 'm', start: i, end: i + from.length, line: 1, column: i + 1, excerpt: from, suggestions: [], fix: { start: i, end: i + from.length, replacement: to } });
  }
  return out;
}

/** Lints nothing: plans the replacement of `from` by `to` in every reply of the file, applies and verifies it. */
function fixFile(file: string, content: string, from: string, to: string): { after: string; ok: boolean; skipped: number } {
  const { segments, problems } = segmentsOf(file, content);
  expect(problems).toEqual([]);
  const checks: SegmentCheck[] = segments.map((seg) => ({ seg, findings: fixesOf(seg.text, from, to) }));
  const plan = planFixes(content, checks);
  const after = applyEdits(content, plan.edits);
  return { after, ok: verifyFixed(file, content, after, plan.values), skipped: plan.skipped };
}

describe('fix: splice at exact offsets, encoded for the scalar, verified by re-parsing', () => {
  it.each([
    ['plain', 'a: 好的！！！ # 注释\n', 'a: 好的！ # 注释\n'],
    ['double-quoted', 'a: "好的！！！\\t"  # 注释\n', 'a: "好的！\\t"  # 注释\n'],
    ['single-quoted', "a: '好的！！！'\n", "a: '好的！'\n"],
    ['literal block', 'a: |\n  第一行！！！\n  第二行\n# end\n', 'a: |\n  第一行！\n  第二行\n# end\n'],
    ['folded block', 'a: >-\n  第一行！！！\n  第二行\n', 'a: >-\n  第一行！\n  第二行\n'],
    ['flow sequence', 'a: [好的！！！, "是的！！！"]\n', 'a: [好的！, "是的！"]\n'],
  ])('YAML %s scalar keeps everything else byte for byte', (_name, before, expected) => {
    const r = fixFile('r.yaml', before, '！！！', '！');
    expect(r).toEqual({ after: expected, ok: true, skipped: 0 });
  });

  it('a replacement with quotes is escaped for the scalar it lands in', () => {
    expect(fixFile('r.yaml', 'a: "不知道"\n', '不知道', '说"好"').after).toBe('a: "说\\"好\\""\n');
    expect(fixFile('r.yaml', "a: '不知道'\n", '不知道', "it's").after).toBe("a: 'it''s'\n");
    expect(fixFile('r.json', '{"a": "不知道"}', '不知道', 'a"\\b').after).toBe('{"a": "a\\"\\\\b"}');
    expect(fixFile('r.csv', 'text\n"不知道,嗯"\n', '不知道', '说"好"').after).toBe('text\n"说""好"",嗯"\n');
  });

  it('refuses what would change the structure: verification catches it, or the encoder declines', () => {
    // ": " inside a plain scalar would turn it into a mapping
    expect(fixFile('r.yaml', 'a: 不知道\n', '不知道', 'x: y').ok).toBe(false);
    // " #" would start a comment and cut the value
    expect(fixFile('r.yaml', 'a: 不知道啊\n', '不知道', 'x #y').ok).toBe(false);
    // a comma in an unquoted CSV field, a line break in a text file
    expect(fixFile('r.csv', 'text\n不知道\n', '不知道', 'a,b').skipped).toBe(1);
    expect(fixFile('r.txt', '不知道\n', '不知道', 'a\nb').skipped).toBe(1);
  });

  it('a span written with an escape in the file is not exact and is skipped', () => {
    const r = fixFile('r.json', '{"a": "\\u4e0d知道"}', '不知道', '好');
    expect(r).toMatchObject({ after: '{"a": "\\u4e0d知道"}', skipped: 1 });
  });

  it('overlapping fixes: the first is taken, the other waits for the next pass', () => {
    const { segments } = segmentsOf('r.txt', '好的！！！\n');
    const seg = segments[0]!;
    const a = fixesOf(seg.text, '！！！', '！')[0]!;
    const b = { ...a, start: 3, end: 5, fix: { start: 3, end: 5, replacement: '。' } };
    const plan = planFixes('好的！！！\n', [{ seg, findings: [a, b] }]);
    expect(plan.deferred).toBe(1);
    expect(applyEdits('好的！！！\n', plan.edits)).toBe('好的！\n');
  });

  it('unified diff of changed lines with context, hunks merged when close', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'].join('\n') + '\n';
    const after = before.replace('b', 'B').replace('d', 'D').replace('m', 'M');
    expect(unifiedDiff('x.txt', before, after)).toBe(
      ['--- a/x.txt', '+++ b/x.txt', '@@ -1,7 +1,7 @@', ' a', '-b', '+B', ' c', '-d', '+D', ' e', ' f', ' g', '@@ -10,4 +10,4 @@', ' j', ' k', ' l', '-m', '+M', ''].join('\n'),
    );
    expect(unifiedDiff('x.txt', before, before)).toBe('');
  });
});

describe('encodeReplacement', () => {
  it.each([
    ['json', 'a"b\n', 'a\\"b\\n'],
    ['yaml-double', 'a"b', 'a\\"b'],
    ['yaml-single', "a'b", "a''b"],
    ['csv-quoted', 'a"b', 'a""b'],
    ['csv-plain', 'a"b', null],
    ['yaml-plain', 'a\nb', null],
    ['raw', '好', '好'],
  ] as const)('%s %j → %j', (encoding, s, expected) => {
    expect(encodeReplacement(encoding, s)).toBe(expected);
  });
});
