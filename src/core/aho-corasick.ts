// Multi-phrase matcher: finds every occurrence of every phrase (overlaps included) in one pass.
// Written here rather than taken from npm because the hot path needs UTF-16 code units, integer
// phrase ids and no per-match allocation beyond the hit itself; no maintained package offers that.

export interface AcHit {
  /** Index of the phrase in the array given to the constructor. */
  phrase: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  // Transitions, compiled for the scan: from the root, a table by code unit; from every other
  // state, an open-addressing hash table keyed by (state, code unit). No Map lookups on the hot path.
  private readonly root: Int32Array;
  private readonly keyState: Int32Array;
  private readonly keyUnit: Int32Array;
  private readonly target: Int32Array;
  private readonly slotMask: number;
  /** Failure link of each state. */
  private readonly fail: Int32Array;
  /** Phrases ending at each state, including those reached through failure links: outList[outStart[s] … outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outList: Int32Array;
  private readonly lengths: Int32Array;
  private readonly states: number;

  constructor(phrases: readonly string[]) {
    const next: Array<Map<number, number>> = [new Map()];
    const outs: Array<number[] | null> = [null];
    this.lengths = new Int32Array(phrases.length);
    phrases.forEach((p, id) => {
      this.lengths[id] = p.length;
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = next[s]!.get(c);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          outs.push(null);
          next[s]!.set(c, t);
        }
        s = t;
      }
      (outs[s] ??= []).push(id);
    });

    // Breadth-first: a state's failure link is the longest proper suffix that is also a prefix.
    this.fail = new Int32Array(next.length);
    const queue: number[] = [];
    for (const t of next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !next[f]!.has(c)) f = this.fail[f]!;
        const g = next[f]!.get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = outs[this.fail[t]!];
        if (inherited) outs[t] = outs[t] ? [...outs[t]!, ...inherited] : inherited;
        queue.push(t);
      }
    }
    this.states = next.length;

    this.outStart = new Int32Array(next.length + 1);
    let total = 0;
    for (let s = 0; s < next.length; s++) {
      this.outStart[s] = total;
      total += outs[s]?.length ?? 0;
    }
    this.outStart[next.length] = total;
    this.outList = new Int32Array(total);
    for (let s = 0; s < next.length; s++) this.outList.set(outs[s] ?? [], this.outStart[s]!);

    this.root = new Int32Array(0x10000);
    for (const [c, t] of next[0]!) this.root[c] = t;
    let edges = 0;
    for (let s = 1; s < next.length; s++) edges += next[s]!.size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.slotMask = size - 1;
    this.keyState = new Int32Array(size).fill(-1);
    this.keyUnit = new Int32Array(size);
    this.target = new Int32Array(size);
    for (let s = 1; s < next.length; s++) {
      for (const [c, t] of next[s]!) {
        let h = slot(s, c) & this.slotMask;
        while (this.keyState[h] !== -1) h = (h + 1) & this.slotMask;
        this.keyState[h] = s;
        this.keyUnit[h] = c;
        this.target[h] = t;
      }
    }
  }

  get stateCount(): number {
    return this.states;
  }

  /** The state after `c` from state `s` (> 0), or -1 when there is no transition. */
  private step(s: number, c: number): number {
    const keyState = this.keyState;
    const mask = this.slotMask;
    for (let h = slot(s, c) & mask; ; h = (h + 1) & mask) {
      const k = keyState[h]!;
      if (k === -1) return -1;
      if (k === s && this.keyUnit[h] === c) return this.target[h]!;
    }
  }

  /** Calls `onHit(phrase, start, end)` for every occurrence, in order of end position. */
  scan(text: string, onHit: (phrase: number, start: number, end: number) => void): void {
    const { root, fail, outStart, outList, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = -1;
      while (s !== 0) {
        t = this.step(s, c);
        if (t !== -1) break;
        s = fail[s]!;
      }
      s = t !== -1 ? t : root[c]!;
      for (let k = outStart[s]!, end = outStart[s + 1]!; k < end; k++) {
        const p = outList[k]!;
        onHit(p, i + 1 - lengths[p]!, i + 1);
      }
    }
  }

  /** All occurrences, for tests and tools. */
  findAll(text: string): AcHit[] {
    const hits: AcHit[] = [];
    this.scan(text, (phrase, start, end) => hits.push({ phrase, start, end }));
    return hits;
  }
}

const slot = (state: number, unit: number): number => {
  const h = Math.imul((state << 16) ^ unit, 0x9e3779b1);
  return h ^ (h >>> 15);
};
