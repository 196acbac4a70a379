import type { Backend, BackendName, KernelJob } from '../backends/types.js';

/** Runs kernel jobs somewhere: inline on this thread, or on the worker pool. */
export interface Executor {
  readonly backend: BackendName;
  readonly numThreads: number;
  run(job: KernelJob): Promise<void>;
  close(): Promise<void>;
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
  async run(job: KernelJob): Promise<void> {
    this.impl.run(job);
  }
  async close(): Promise<void> {}
}
