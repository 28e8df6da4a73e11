// 1-based line and column (in UTF-16 code units) of an offset. Line breaks: \n, \r\n and \r.

/** Returns a lookup for `text`; line starts are computed once, on first use. */
export function lineColumn(text: string): (offset: number) => [number, number] {
  let starts: number[] | null = null;
  return (offset: number) => {
    if (starts === null) {
      starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - starts[lo]! + 1];
  };
}
