/**
 * A counting semaphore with a FIFO wait queue. The pool takes one permit per
 * chunk, so concurrent computes interleave chunk by chunk (continuous and
 * fair) instead of one call's whole plan queuing ahead of the next.
 */
export class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private permits: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(): Promise<void> {
    if (this.permits > 0) {
      this.permits--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.permits++;
  }
}
