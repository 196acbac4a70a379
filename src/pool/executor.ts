import type { Backend, BackendName, KernelJob } from '../backends/types.js';
import { KernelError } from '../errors.js';

/** Runs kernel jobs somewhere: inline on this thread, or on the worker pool. */
export interface Executor {
  readonly backend: BackendName;
  readonly numThreads: number;
  /** Runs one job; `signal` abandons a job still waiting for a thread (never one already running). */
  run(job: KernelJob, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** A backend that threw while running a job: a bug in a kernel or its binding. */
export function kernelFailure(job: KernelJob, message: string): KernelError {
  // The addon and the wasm loader report a kernel's status code in their message.
  const status = /status (-?\d+)/.exec(message)?.[1];
  return new KernelError(
    `kernel ${job.kernel} failed on variants ${job.v0}..${job.v1 - 1}${status === undefined ? '' : ` with status ${status}`}: ${message}; this is a bug, please report it with the request`,
    { kernel: job.kernel, status: status === undefined ? null : Number(status), v0: job.v0, v1: job.v1, cause: message },
  );
}

/**
 * Runs each job on the calling thread. Used for tiny requests (where a
 * worker round trip costs more than the work) and by tests.
 */
export class InlineExecutor implements Executor {
  readonly numThreads = 1;
  constructor(private readonly impl: Backend) {}
  get backend(): BackendName {
    return this.impl.name;
  }
  async run(job: KernelJob, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    try {
      this.impl.run(job);
    } catch (e) {
      throw kernelFailure(job, e instanceof Error ? e.message : String(e));
    }
  }
  async close(): Promise<void> {}
}
