// A pool worker: loads the backend once at start (so a broken build fails the
// warmup, not a request) and runs kernel jobs over shared memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { createBackend, type Backend, type BackendSpec, type KernelJob } from '../backends/index.js';
import { selfTest } from '../runtime/selftest.js';

export type WorkerTask =
  | { kind: 'job'; job: KernelJob }
  | { kind: 'selftest' }
  | { kind: 'touch'; memory: Uint8Array };

/** Bytes of a base page: one write per page faults the whole page in (or its 2 MiB huge page). */
const PAGE_BYTES = 4096;

/**
 * Faults a slice of output memory in on this thread: one zero per page, so
 * the kernel's zeroing of fresh pages runs on every worker at once, and a
 * kernel writing here later finds the pages resident. The memory is a
 * reserve no result owns yet: a zero changes nothing that is read.
 */
function touchPages(memory: Uint8Array): void {
  for (let i = 0; i < memory.length; i += PAGE_BYTES) memory[i] = 0;
}

/**
 * The backend warmup verified: a private copy of the tuned addon, the
 * packaged addon, or a compiled WebAssembly.Module. Nothing is read from the
 * cache dir here, so a replacement worker started after the dir was deleted
 * or rewritten loads exactly what the first one did; if it cannot, it takes
 * the next fallback and tells the pool (health() then says degraded).
 */
function loadVerified(): Backend {
  const { backend: spec, fallbacks = [] } = workerData as { backend: BackendSpec; fallbacks?: BackendSpec[] };
  const failures: string[] = [];
  for (const s of [spec, ...fallbacks]) {
    try {
      const b = createBackend(s);
      if (failures.length) parentPort?.postMessage({ backendFallback: `worker ${threadId} runs the ${s.file ? 'tuned ' : ''}${s.name} backend: ${failures.join('; ')}` });
      return b;
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  throw new Error(`no backend loads in worker ${threadId}: ${failures.join('; ')}`);
}

const backend = loadVerified();

/** What a 'job' task resolves to: null, or the message of the kernel failure. */
export type JobOutcome = null | { failed: string };

// Each job's typed arrays keep their SharedArrayBuffers alive until this
// worker collects garbage, and a worker that only runs kernels makes almost
// none, so without a nudge every result ever computed would stay resident.
// After every RELEASE_BYTES of shared memory seen, collect once the reply
// is sent (setImmediate: the task's message is garbage by then), so this
// worker's hold on an output ends with the job and a result the caller drops
// can go back to the addon's memory pool before the next call wants it.
// A minor collection (a scavenge) is enough: a job's message and typed
// arrays die young (nothing allocates while its kernel runs). A full one
// marked the whole heap on V8's helper threads: 2 to 25 ms of CPU per worker
// at every 1,176-variant call (each of a call's chunks counts the whole
// output), 12 to 80 ms of the worker's time on a loaded 2-core machine,
// which the next job waited out (a minor one: 1 to 13). Every FULL_EVERY-th
// collection is a full one, for a message that was promoted all the same.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const RELEASE_BYTES = 64 * 2 ** 20;
const FULL_EVERY = 8;
let seenBytes = 0;
let collections = 0;
let collectQueued = false;

function dropShared(bytes: number): void {
  seenBytes += bytes;
  if (seenBytes >= RELEASE_BYTES && !collectQueued) {
    seenBytes = 0;
    collectQueued = true;
    setImmediate(() => {
      collectQueued = false;
      collect({ type: ++collections % FULL_EVERY === 0 ? 'major' : 'minor' });
    });
  }
}

export default function handle(task: WorkerTask): number | JobOutcome {
  switch (task.kind) {
    // A kernel job whose failure is a result, not a thrown error: the pool
    // then knows that a rejected task means the worker died.
    case 'job':
      try {
        backend.run(task.job);
      } catch (e) {
        return { failed: e instanceof Error ? e.message : String(e) };
      } finally {
        dropShared(task.job.outputs.reduce((n, o) => n + (o?.byteLength ?? 0), 0));
      }
      return null;
    case 'selftest':
      selfTest(backend);
      return threadId;
    case 'touch':
      touchPages(task.memory);
      dropShared(task.memory.byteLength);
      return null;
  }
}
