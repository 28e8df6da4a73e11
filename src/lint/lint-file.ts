// Lints the content of one reply-template file: finds its replies, checks each, and reports the
// findings at their place in the file (line, column, and fixes in file offsets).

import type { Engine } from '../engine.js';
import type { Finding } from '../types.js';
import { lineColumn } from '../core/line-column.js';
import { segmentsOf, type Segment } from './segments.js';
import { maskedDisplay, type FileReport } from './report.js';

/** Moves a finding of a segment to file coordinates; a fix survives only if the span is exact. */
function toFile(f: Finding, seg: Segment, lc: (offset: number) => [number, number]): Finding {
  const start = seg.offsets[f.start]!;
  const end = f.end > f.start ? seg.offsets[f.end - 1]! + 1 : start;
  const exact = end - start === f.end - f.start;
  const [line, column] = lc(start);
  const moved: Finding = { ...f, start, end, line, column };
  if (f.fix) {
    if (exact) moved.fix = { start, end, replacement: f.fix.replacement };
    else delete moved.fix;
  }
  return moved;
}

export function lintReplies(engine: Engine, file: string, content: string, segments: readonly Segment[]): Finding[] {
  const lc = lineColumn(content);
  const findings: Finding[] = [];
  for (const seg of segments) {
    const result = engine.check(seg.text);
    for (const f of result.findings) findings.push(toFile(f, seg, lc));
  }
  return findings;
}

export function lintContent(engine: Engine, file: string, content: string): FileReport {
  const { segments, problems } = segmentsOf(file, content);
  const findings = lintReplies(engine, file, content, segments);
  return { file, text: maskedDisplay(content, findings), findings, problems };
}
