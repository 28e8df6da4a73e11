// Response times in one-second buckets up to an hour (and one bucket beyond), so that means,
// percentiles and the distribution chart come out of constant memory.

const LIMIT = 3600;

export interface Band {
  label: string;
  /** Seconds, inclusive lower and exclusive upper bound (Infinity for the last band). */
  from: number;
  to: number;
  count: number;
}

export const BANDS: ReadonlyArray<Omit<Band, 'count'>> = [
  { label: '≤10秒', from: 0, to: 11 },
  { label: '11–30秒', from: 11, to: 31 },
  { label: '31–60秒', from: 31, to: 61 },
  { label: '1–3分钟', from: 61, to: 181 },
  { label: '3–10分钟', from: 181, to: 601 },
  { label: '10–60分钟', from: 601, to: 3601 },
  { label: '>1小时', from: 3601, to: Infinity },
];

export class Histogram {
  private readonly counts = new Float64Array(LIMIT + 2);
  count = 0;
  total = 0;

  add(seconds: number): void {
    const b = Math.min(LIMIT + 1, Math.max(0, Math.round(seconds)));
    this.counts[b]!++;
    this.count++;
    this.total += seconds;
  }

  /** The smallest whole second s with at least q of the values ≤ s (values above an hour: 3601). */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const want = q * this.count;
    let seen = 0;
    for (let s = 0; s < this.counts.length; s++) {
      seen += this.counts[s]!;
      if (seen >= want) return s;
    }
    return LIMIT + 1;
  }

  bands(): Band[] {
    return BANDS.map((b) => {
      let count = 0;
      for (let s = b.from; s < Math.min(b.to, this.counts.length); s++) count += this.counts[s]!;
      return { ...b, count };
    });
  }
}
