// A unified diff of a file before and after `lint --fix --dry-run`. Fixes never add or remove a
// line (see fix.ts), so line i of the old text is line i of the new one and the diff is a pairwise
// comparison grouped into hunks with three lines of context. Every line shown goes through `mask`
// (personal values masked, same length), like every other output.

const CONTEXT = 3;

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function unifiedDiff(file: string, before: string, after: string, mask: (line: string) => string = (l) => l): string {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length !== b.length) throw new Error(`${file}: a fix changed the number of lines`);
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push(i);
  if (changed.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - CONTEXT);
    let last = changed[k]!;
    // Hunks whose contexts touch are merged into one.
    while (k + 1 < changed.length && changed[k + 1]! - last <= 2 * CONTEXT) last = changed[++k]!;
    k++;
    const to = Math.min(a.length, last + CONTEXT + 1);
    const body: string[] = [];
    for (let i = from; i < to; i++) {
      if (a[i] === b[i]) body.push(' ' + mask(a[i]!));
      else body.push('-' + mask(a[i]!), '+' + mask(b[i]!));
    }
    out.push(`@@ -${from + 1},${to - from} +${from + 1},${to - from} @@`, ...body);
  }
  return out.join('\n') + '\n';
}
