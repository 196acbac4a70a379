import { Piscina } from 'piscina';
import type { BackendName, BackendSpec, KernelJob } from '../backends/index.js';
import { EngineClosedError, WarmupError, WorkerCrashedError } from '../errors.js';
import { kernelFailure, type Executor } from './executor.js';
import { Semaphore } from './semaphore.js';
import type { JobOutcome, WorkerTask } from './worker.js';

const WORKER_FILE = new URL('./worker.js', import.meta.url).href;

const HUGE_PAGE_BYTES = 2 * 2 ** 20;

/** [begin, end) byte ranges cutting `bytes` into at most `parts` slices of whole 2 MiB pages (the last takes the rest). */
export function sliceAtHugePages(bytes: number, parts: number): [number, number][] {
  const pages = Math.ceil(bytes / HUGE_PAGE_BYTES);
  const per = Math.ceil(pages / Math.max(1, parts));
  const slices: [number, number][] = [];
  for (let p = 0; p < pages; p += per) slices.push([p * HUGE_PAGE_BYTES, Math.min(bytes, (p + per) * HUGE_PAGE_BYTES)]);
  return slices;
}

/**
 * Exactly numThreads piscina workers, each with the backend loaded, spawned
 * by start() (at warmup). Jobs carry typed arrays over SharedArrayBuffers, so
 * structured clone shares them instead of copying. A worker that dies fails
 * only the job it was running; piscina starts a replacement.
 */
export class PoolExecutor implements Executor {
  readonly numThreads: number;
  readonly backend: BackendName;
  private readonly piscina: Piscina;
  private readonly permits: Semaphore;
  private active = 0;
  private degraded: string | null = null;
  private closing = false;

  /**
   * `fallbacks` are tried in order by a worker whose backend does not load;
   * `onDegraded` hears about it (and about worker errors outside any call),
   * so a replacement worker that cannot load never takes the process down.
   */
  constructor(spec: BackendSpec, numThreads: number, fallbacks: BackendSpec[] = [], onDegraded: (reason: string) => void = () => {}) {
    this.numThreads = numThreads;
    this.backend = spec.name;
    this.permits = new Semaphore(numThreads);
    this.piscina = new Piscina({
      filename: WORKER_FILE,
      minThreads: numThreads,
      maxThreads: numThreads,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: 1,
      // Idle workers return to their event loop instead of blocking in
      // Atomics.wait inside the last task's frame, which kept that task's
      // output buffers alive until the next task (worker.ts collects them).
      atomics: 'disabled',
      workerData: { backend: spec, fallbacks },
    });
    const degrade = (reason: string) => {
      this.degraded = reason;
      onDegraded(reason);
    };
    this.piscina.on('error', (e: unknown) => degrade(`pool worker error: ${e instanceof Error ? e.message : String(e)}`));
    this.piscina.on('message', (m: unknown) => {
      const fallback = (m as { backendFallback?: unknown } | null)?.backendFallback;
      if (typeof fallback === 'string') degrade(fallback);
    });
  }

  /** Chunks waiting for a free worker, across all calls. */
  get queueDepth(): number {
    return this.permits.queued;
  }

  get activeWorkers(): number {
    return this.active;
  }

  /** Why a worker runs a fallback backend or could not start, when one did (health() says degraded). */
  get degradedReason(): string | null {
    return this.degraded;
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  /** Runs the kernel self-test once per worker; resolves to the distinct worker thread ids. */
  async start(): Promise<number[]> {
    try {
      const ids = await Promise.all(Array.from({ length: this.numThreads }, () => this.piscina.run({ kind: 'selftest' } satisfies WorkerTask)));
      return [...new Set(ids as number[])];
    } catch (e) {
      throw new WarmupError(`a pool worker failed to start or to pass the kernel self-test: ${(e as Error).message}`, { backend: this.backend });
    }
  }

  /**
   * Faults `buffer` in on every worker at once, one slice each, cut at 2 MiB
   * boundaries (so no huge page is faulted by two threads): warmup's output
   * reserve.
   */
  async touch(buffer: SharedArrayBuffer): Promise<void> {
    await Promise.all(sliceAtHugePages(buffer.byteLength, this.numThreads).map(async ([begin, end]) => {
      await this.permits.acquire();
      try {
        await this.piscina.run({ kind: 'touch', memory: new Uint8Array(buffer, begin, end - begin) } satisfies WorkerTask);
      } finally {
        this.permits.release();
      }
    }));
  }

  async run(job: KernelJob, signal?: AbortSignal): Promise<void> {
    if (this.closing) throw new EngineClosedError();
    await this.permits.acquire(signal);
    this.active++;
    let outcome: JobOutcome;
    try {
      // A 'job' task reports a kernel failure as its result, so a rejected
      // task can only mean the worker itself went away (exited or was torn
      // down): no guessing from the message.
      outcome = (await this.piscina.run({ kind: 'job', job } satisfies WorkerTask)) as JobOutcome;
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      if (this.closing) throw new EngineClosedError('the engine was closed during this call; nothing more was written', { cause });
      throw new WorkerCrashedError(`a worker died while computing ${job.kernel} variants ${job.v0}..${job.v1 - 1} (${cause}); the pool has replaced it, retry the call`, { kernel: job.kernel, v0: job.v0, v1: job.v1, cause });
    } finally {
      this.active--;
      this.permits.release();
    }
    if (outcome !== null) throw kernelFailure(job, outcome.failed);
  }

  /** Fault drill: terminates one worker, busy or not, as a crash would. */
  async killOne(): Promise<void> {
    const worker = this.piscina.threads[0];
    if (worker) await worker.terminate();
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.piscina.destroy();
  }
}
