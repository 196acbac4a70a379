// A pool worker: loads the backend once at start (so a broken build fails the
// warmup, not a request) and runs kernel jobs over shared memory.
import { threadId, workerData } from 'node:worker_threads';
import { createBackend, type BackendSpec, type KernelJob } from '../backends/index.js';
import { selfTest } from '../runtime/selftest.js';

export type WorkerTask =
  | { kind: 'run'; job: KernelJob }
  | { kind: 'selftest' };

const backend = createBackend((workerData as { backend: BackendSpec }).backend);

export default function handle(task: WorkerTask): number | null {
  switch (task.kind) {
    case 'run':
      backend.run(task.job);
      return null;
    case 'selftest':
      selfTest(backend);
      return threadId;
  }
}
