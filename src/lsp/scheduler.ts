// When a document is linted after edits: a short debounce gathers a burst of keystrokes, at most
// one lint per document runs at a time, and edits made during a run cause exactly one more run
// afterwards. So typing never queues a lint per keystroke, and the last text is always linted.

export class LintScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    /** The debounce; the client may set it when it initialises the server. */
    public delayMs: number,
    private readonly run: (key: string) => Promise<void>,
  ) {}

  /** Asks for a lint of `key` after the debounce. */
  schedule(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.start(key);
      }, this.delayMs),
    );
  }

  /** Forgets a document (closed): a pending lint is dropped; a running one finishes unpublished by the caller. */
  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.again.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async start(key: string): Promise<void> {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    this.running.add(key);
    try {
      do {
        this.again.delete(key);
        await this.run(key);
      } while (this.again.has(key));
    } finally {
      this.running.delete(key);
    }
  }
}
