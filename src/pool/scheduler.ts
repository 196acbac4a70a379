import type { KernelJob } from '../backends/types.js';
import type { Executor } from './executor.js';
import type { Chunk } from './planner.js';

/**
 * How a call is stopped, from anywhere (its AbortSignal, its timeout,
 * close(), a failed chunk): the first reason wins, the shared flag tells
 * running kernels to stop at their next check, and `signal` abandons waits
 * (for a thread, for candle loading, for warmup).
 */
export class CallStop {
  /** Int32Array over shared memory; the kernels stop when it is non-zero. */
  readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly controller = new AbortController();
  private why: Error | null = null;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get reason(): Error | null {
    return this.why;
  }

  halt(e: Error): void {
    if (this.why) return;
    this.why = e;
    Atomics.store(this.flag, 0, 1);
    this.controller.abort(e);
  }

  throwIfStopped(): void {
    if (this.why) throw this.why;
  }

  /** Settles with p, or rejects with the stop reason as soon as the call is halted. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.why) return Promise.reject(this.why);
    return new Promise<T>((resolve, reject) => {
      const onStop = () => reject(this.why);
      this.signal.addEventListener('abort', onStop, { once: true });
      p.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', onStop));
    });
  }
}

/**
 * Runs a call's chunks with up to numThreads in flight, continuously (a free
 * lane takes the next chunk at once). When the call is stopped no new chunk
 * starts, waits for a thread are abandoned, running kernels stop at their
 * next check, and this rejects only once every lane has stopped, so nothing
 * is written after the rejection. `onChunk` runs after each chunk (progress).
 */
export async function runChunks(
  chunks: readonly Chunk[], executor: Executor, makeJob: (c: Chunk) => KernelJob, stop: CallStop, onChunk: (c: Chunk) => void,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < chunks.length && !stop.reason) {
      const c = chunks[next++]!;
      try {
        await executor.run(makeJob(c), stop.signal);
      } catch (e) {
        stop.halt(e as Error);
        return;
      }
      if (stop.reason) return;
      try {
        onChunk(c);
      } catch (e) {
        stop.halt(e as Error);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(executor.numThreads, chunks.length) }, lane));
  stop.throwIfStopped();
}
