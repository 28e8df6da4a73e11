// Which code units of a text are already taken by a value: overlap tests in time proportional to
// a span's length, so that a text with thousands of values is settled in linear time (a list of
// the values found so far, searched for each candidate, is quadratic).

export class Occupied {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  /** True when any unit of [start, end) is taken. */
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i] === 1) return true;
    return false;
  }

  /** Marks [start, end) as taken. */
  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }

  /** Takes [start, end) when it is free; true when it was. */
  claim(start: number, end: number): boolean {
    if (this.overlaps(start, end)) return false;
    this.take(start, end);
    return true;
  }
}
