// Checks the replies of a file and moves their findings to their place in the file (line, column,
// and fixes in file offsets).

import type { Engine } from '../engine.js';
import type { Finding } from '../types.js';
import { lineColumn } from '../core/line-column.js';
import type { Segment } from './segment.js';

/** One reply of a file and its findings, in the reply's own offsets (what `--fix` works on). */
export interface SegmentCheck {
  seg: Segment;
  findings: Finding[];
}

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

export function checkSegments(engine: Engine, segments: readonly Segment[]): SegmentCheck[] {
  return segments.map((seg) => ({ seg, findings: engine.check(seg.text).findings }));
}

/** The findings of checked segments in file coordinates, in file order. */
export function fileFindings(content: string, checks: readonly SegmentCheck[]): Finding[] {
  const lc = lineColumn(content);
  const findings: Finding[] = [];
  for (const { seg, findings: fs } of checks) for (const f of fs) findings.push(toFile(f, seg, lc));
  return findings;
}
