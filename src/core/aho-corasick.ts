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
  /** Transitions of each state: code unit → next state. */
  private readonly next: Array<Map<number, number>>;
  /** Failure link of each state. */
  private readonly fail: Int32Array;
  /** Phrases ending at each state, including those reached through failure links. */
  private readonly out: Array<number[] | null>;
  private readonly lengths: Int32Array;

  constructor(phrases: readonly string[]) {
    this.next = [new Map()];
    const outs: Array<number[] | null> = [null];
    this.lengths = new Int32Array(phrases.length);
    phrases.forEach((p, id) => {
      this.lengths[id] = p.length;
      if (p.length === 0) return;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let t = this.next[s]!.get(c);
        if (t === undefined) {
          t = this.next.length;
          this.next.push(new Map());
          outs.push(null);
          this.next[s]!.set(c, t);
        }
        s = t;
      }
      (outs[s] ??= []).push(id);
    });

    // Breadth-first: a state's failure link is the longest proper suffix that is also a prefix.
    this.fail = new Int32Array(this.next.length);
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) queue.push(t);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, t] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const g = this.next[f]!.get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const inherited = outs[this.fail[t]!];
        if (inherited) outs[t] = outs[t] ? [...outs[t]!, ...inherited] : inherited;
        queue.push(t);
      }
    }
    this.out = outs;
  }

  get stateCount(): number {
    return this.next.length;
  }

  /** Calls `onHit(phrase, start, end)` for every occurrence, in order of end position. */
  scan(text: string, onHit: (phrase: number, start: number, end: number) => void): void {
    const next = this.next;
    const fail = this.fail;
    const out = this.out;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = next[s]!.get(c);
      while (t === undefined && s !== 0) {
        s = fail[s]!;
        t = next[s]!.get(c);
      }
      s = t ?? 0;
      const o = out[s];
      if (o) for (let k = 0; k < o.length; k++) onHit(o[k]!, i + 1 - this.lengths[o[k]!]!, i + 1);
    }
  }

  /** All occurrences, for tests and tools. */
  findAll(text: string): AcHit[] {
    const hits: AcHit[] = [];
    this.scan(text, (phrase, start, end) => hits.push({ phrase, start, end }));
    return hits;
  }
}
