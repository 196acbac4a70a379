/**
 * A counting semaphore with a FIFO wait queue. The pool takes one permit per
 * chunk, so concurrent computes interleave chunk by chunk (continuous and
 * fair) instead of one call's whole plan queuing ahead of the next. A wait
 * can be abandoned through an AbortSignal: the waiter leaves the queue and
 * rejects with the signal's reason at once.
 */
export class Semaphore {
  private waiting: { grant: () => void }[] = [];
  constructor(private permits: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.permits > 0) {
      this.permits--;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.permits++;
  }
}
