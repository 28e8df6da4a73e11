// A bounded "top K" collection: keeps the K largest items seen so far in O(log K) per offer, so
// the worst conversations of a million can be found in constant memory.

export class TopK<T> {
  private readonly items: T[] = [];
  /** `better(a, b)` is true when a ranks above b. */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds `item` when it ranks among the K best; returns the item pushed out, if any. */
  offer(item: T): T | undefined {
    const h = this.items;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
      return undefined;
    }
    if (this.k === 0 || !this.better(item, h[0]!)) return item;
    const out = h[0]!;
    h[0] = item;
    this.down(0);
    return out;
  }

  /** Best first. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  // A min-heap by `better`: the root is the worst of the kept items.
  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p]!, h[i]!)) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.better(h[m]!, h[l]!)) m = l;
      if (r < h.length && this.better(h[m]!, h[r]!)) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}
