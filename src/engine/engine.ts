import { performance } from 'node:perf_hooks';
import type { KernelJob, OutputArray } from '../backends/index.js';
import { loadCandles, sharedFloat64, type Candles, type CandlesInput } from '../candles/candles.js';
import { ComputeCancelledError, ComputeTimeoutError, EngineClosedError, InvalidRequestError, TaGridError } from '../errors.js';
import type { GridSpec } from '../grid/grid.js';
import { logConfig, resolveConfig, type EffectiveConfig, type EngineOptions, type ResolvedConfig } from '../runtime/config.js';
import { defaultLogger, type Logger } from '../runtime/logger.js';
import { warmup, type WarmState, type WarmupReport } from '../runtime/warmup.js';
import { EngineMetrics } from '../runtime/metrics.js';
import { ArtifactStore } from '../runtime/cache.js';
import { existsSync } from 'node:fs';
import { InlineExecutor, type Executor } from './executor.js';
export type { WarmupReport };
import { planChunks, type Chunk } from './planner.js';
import { checkLengths, checkT, planRequest, requireObject, type Estimate, type EstimateRequest, type Plan } from './request.js';
import { ComputeResult, type Dtype, type Layout } from './result.js';
import { OutputPool, advisorOf, releaseBuffer } from './outputs.js';

export interface ComputeRequest {
  indicator: string;
  candles: CandlesInput;
  grid?: GridSpec;
  outputs?: readonly string[];
  layout?: Layout;
  dtype?: Dtype;
  signal?: AbortSignal;
  onProgress?: (p: { processed: number; total: number }) => void;
  timeoutMs?: number;
  /** Caller-owned buffer to write into (reuse it across calls to skip page faults). */
  out?: ArrayBuffer | SharedArrayBuffer;
}


export interface EngineHealth {
  status: 'ok' | 'degraded' | 'cold' | 'closed';
  backend: { name: string; build: string; fallback: string | null } | null;
  pool: { threads: number; configured: number; active: number; queued: number } | null;
  cache: { dir: string; exists: boolean; artifacts: { name: string; status: string }[] };
}

/** Requests estimated below this run on the calling thread. */
const INLINE_BELOW_NS = 250_000;
/** Chunks are at least this much work, so dispatch and per-call setup stay small. */
const MIN_CHUNK_NS = 10_000_000;
/** ...and at most this much, so cancellation and progress stay responsive. */
const MAX_CHUNK_NS = 150_000_000;

function numRows(candles: unknown): number {
  if (typeof candles !== 'object' || candles === null) return 0;
  const c = candles as { numRows?: unknown; ts_open?: { length?: unknown } };
  if (typeof c.numRows === 'number') return c.numRows;
  return typeof c.ts_open?.length === 'number' ? c.ts_open.length : 0;
}

export class Engine {
  readonly config: EffectiveConfig;
  readonly origins: ResolvedConfig['origins'];
  private readonly logger: Logger;
  private warm: WarmState | null = null;
  private warming: Promise<WarmupReport> | null = null;
  private closed = false;
  private readonly stats: EngineMetrics;
  /** Errors already counted and logged (a warmup failure seen again by compute()). */
  private readonly reported = new WeakSet<object>();
  /** Calls with kernels in flight, so close() can stop them first. */
  private readonly running = new Set<{ halt: (e: Error) => void; done: Promise<void> }>();
  /** Released output buffers for reuse; idle bytes count against maxComputeBytesTotal. */
  readonly outputPool: OutputPool;

  constructor(resolved: ResolvedConfig, logger: Logger) {
    this.config = resolved.config;
    this.origins = resolved.origins;
    this.logger = logger;
    this.stats = new EngineMetrics(() => this.warm?.pool ?? null);
    this.outputPool = new OutputPool({ maxIdleBytes: this.config.maxComputeBytesTotal });
  }

  /** prom-client collectors to register on the service's registry. */
  metrics(): ReturnType<EngineMetrics['all']> {
    return this.stats.all();
  }

  /** Pool, backend and cache state, for a health endpoint. Cheap: no I/O beyond a stat. */
  health(): EngineHealth {
    const warm = this.warm;
    const cacheDirExists = existsSync(this.config.cacheDir);
    const status: EngineHealth['status'] = this.closed ? 'closed' : !warm ? 'cold' : warm.pool.threads < warm.pool.numThreads || !cacheDirExists ? 'degraded' : 'ok';
    return {
      status,
      backend: warm ? { name: warm.report.backend, build: warm.report.backendBuild, fallback: warm.report.backendFallback } : null,
      pool: warm ? { threads: warm.pool.threads, configured: warm.pool.numThreads, active: warm.pool.activeWorkers, queued: warm.pool.queueDepth } : null,
      cache: { dir: this.config.cacheDir, exists: cacheDirExists, artifacts: cacheDirExists ? new ArtifactStore(this.config.cacheDir).list().map((a) => ({ name: a.name, status: a.status })) : [] },
    };
  }

  /** Loads the backend, runs every kernel once on a small input and checks it. Idempotent. */
  warmup(): Promise<WarmupReport> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    this.warming ??= this.doWarmup();
    return this.warming;
  }

  private async doWarmup(): Promise<WarmupReport> {
    try {
      this.warm = await warmup(this.config, this.logger);
      const r = this.warm.report;
      this.stats.warmupSeconds.set(r.warmupSeconds);
      this.stats.artifacts.inc({ result: 'hit' }, r.artifacts.hits);
      this.stats.artifacts.inc({ result: 'miss' }, r.artifacts.misses);
      this.stats.artifacts.inc({ result: 'rebuilt' }, r.artifacts.rebuilt);
    } catch (e) {
      this.stats.errors.inc({ code: (e as { code?: string }).code ?? 'UNKNOWN' });
      if (typeof e === 'object' && e !== null) this.reported.add(e);
      this.warming = null; // a later call may retry, e.g. after the cache dir is fixed
      this.logger.error({ err: (e as Error).message, code: (e as { code?: string }).code }, 'ta-grid warmup failed');
      throw e;
    }
    if (this.closed) await this.warm.pool.close();
    return this.warm.report;
  }

  /**
   * Fault drills only: terminates one pool worker (as if it had been killed),
   * optionally after a delay. The call running on it fails with
   * WorkerCrashedError and the pool replaces the worker.
   * @internal
   */
  async killWorkerForDrill(delayMs = 0): Promise<void> {
    if (!this.warm) throw new EngineClosedError('warm the engine up before a drill');
    await new Promise((r) => setTimeout(r, delayMs));
    await this.warm.pool.killOne();
  }

  /** The warmup report, or null before warmup. */
  get warmupReport(): WarmupReport | null {
    return this.warm?.report ?? null;
  }

  /** Size of a request's output and memory estimate; throws the same guard errors compute() would. */
  estimate(request: EstimateRequest): Estimate {
    const req = requireObject(request, 'estimate()');
    const t = checkT(req.t);
    const plan = planRequest(req, t, this.limits());
    checkLengths(plan, t);
    return plan.estimate;
  }

  private limits() {
    return { maxVariants: this.config.maxVariants, maxComputeBytesTotal: this.config.maxComputeBytesTotal, indicatorGrids: this.config.indicatorGrids };
  }

  async compute(request: ComputeRequest): Promise<ComputeResult> {
    try {
      const result = await this.computeOnce(request);
      const labels = { indicator: result.indicator };
      this.stats.computeSeconds.observe({ ...labels, backend: result.meta.backend }, result.meta.computeMs / 1000);
      this.stats.variants.inc(labels, result.variants);
      this.stats.bytes.inc(labels, result.t * result.variants * result.outputs.length * (result.dtype === 'float64' ? 8 : 4));
      return result;
    } catch (e) {
      // A warmup failure was counted and logged where it happened.
      if (typeof e === 'object' && e !== null && this.reported.has(e)) throw e;
      const code = (e as { code?: string }).code ?? 'INTERNAL';
      this.stats.errors.inc({ code });
      // One line per failure; a caller's bad input is a warning, anything else an error.
      const level = e instanceof TaGridError && !['WORKER_CRASHED', 'KERNEL_FAILED', 'WARMUP_FAILED'].includes(code) ? 'warn' : 'error';
      this.logger[level]({ code, indicator: (request as { indicator?: unknown } | null)?.indicator, err: (e as Error).message }, 'ta-grid compute failed');
      throw e;
    }
  }

  private async computeOnce(request: ComputeRequest): Promise<ComputeResult> {
    if (this.closed) throw new EngineClosedError();
    const req = requireObject(request, 'compute()');
    const started = performance.now();
    // Guards first: the plan needs only the row count, not the converted candles.
    const plan = planRequest(req, numRows(req.candles) || 1, this.limits());
    const candles = loadCandles(req.candles);
    if (candles.t !== plan.estimate.t) Object.assign(plan, planRequest(req, candles.t, this.limits()));
    const inputsFor = this.inputResolver(plan, candles);
    for (const run of plan.grid.sourceRuns()) inputsFor(run); // a missing column fails here, before any allocation
    checkLengths(plan, candles.t);
    const signal = req.signal as AbortSignal | undefined;
    if (signal?.aborted) throw new ComputeCancelledError('compute cancelled before it started: the AbortSignal had already fired');
    await this.warmup();
    const warm = this.warm!;
    const values = candles.t * plan.grid.variants * plan.outputs.length;
    const nsPerValue = warm.calibration[plan.def.id] ?? 1;
    // Work far below a millisecond costs less on this thread than a worker round trip.
    const executor: Executor = values * nsPerValue < INLINE_BELOW_NS ? new InlineExecutor(warm.inline) : warm.pool;
    // Workers can only write into shared memory: a plain ArrayBuffer `out` is filled by one copy at the end.
    const out = req.out;
    const copyBack = out instanceof ArrayBuffer && executor === warm.pool ? out : undefined;
    const arrays = this.allocateOutputs(plan, candles.t, copyBack ? undefined : out);
    const chunks = planChunks(plan.grid, candles.t, executor.numThreads, { minValuesPerChunk: MIN_CHUNK_NS / nsPerValue, maxValuesPerChunk: MAX_CHUNK_NS / nsPerValue });
    // Shared, like the candles and outputs: workers read them in place.
    const params = plan.def.params.map((p) => { const col = plan.grid.paramColumn(p.name); const shared = sharedFloat64(col.length); shared.set(col); return shared; });
    const V = plan.grid.variants;
    const [timeStride, variantStride] = plan.layout === 'time-major' ? [V, 1] : [1, candles.t];
    const outList: (OutputArray | null)[] = plan.def.outputs.map((o) => arrays.get(o.name) ?? null);
    const makeJob = (c: Chunk, cancel: Int32Array): KernelJob => ({
      kernel: plan.def.id, inputs: inputsFor(c), t: candles.t, params, v0: c.v0, v1: c.v1,
      outputs: outList, float64: plan.dtype === 'float64', timeStride, variantStride, cancel,
    });
    await this.runChunks(chunks, executor, makeJob, {
      signal, timeoutMs: req.timeoutMs as number | undefined, total: V,
      onProgress: req.onProgress as ComputeRequest['onProgress'],
    });
    const resultArrays = copyBack ? this.copyInto(copyBack, arrays) : arrays;
    if (copyBack) releaseBuffer(arrays.values().next().value!.buffer);
    return new ComputeResult({
      indicator: plan.def.id, grid: plan.grid, layout: plan.layout, dtype: plan.dtype, t: candles.t, arrays: resultArrays, tsOpen: candles.tsOpen,
      meta: { computeMs: performance.now() - started, backend: executor.backend, numThreads: executor.numThreads, chunks: chunks.length },
    });
  }

  private inputResolver(plan: Plan, candles: Candles): (c: { source: Chunk['source'] }) => Float64Array[] {
    const cache = new Map<string, Float64Array[]>();
    return (c) => {
      const key = c.source ?? '';
      let cols = cache.get(key);
      if (!cols) {
        cols = plan.def.inputs.map((i) => candles.column(i === 'source' ? c.source! : i));
        cache.set(key, cols);
      }
      return cols;
    };
  }

  private copyInto(out: ArrayBuffer, arrays: Map<string, OutputArray>): Map<string, OutputArray> {
    const copies = new Map<string, OutputArray>();
    let offset = 0;
    for (const [name, a] of arrays) {
      const view = a instanceof Float64Array ? new Float64Array(out, offset, a.length) : new Float32Array(out, offset, a.length);
      view.set(a);
      copies.set(name, view);
      offset += a.byteLength;
    }
    return copies;
  }

  private allocateOutputs(plan: Plan, t: number, out: unknown): Map<string, OutputArray> {
    const per = t * plan.grid.variants;
    const Ctor = plan.dtype === 'float64' ? Float64Array : Float32Array;
    const bytes = per * Ctor.BYTES_PER_ELEMENT;
    let buffer: ArrayBuffer | SharedArrayBuffer;
    if (out !== undefined) {
      if (!(out instanceof ArrayBuffer || out instanceof SharedArrayBuffer)) {
        throw new InvalidRequestError(`out must be an ArrayBuffer or SharedArrayBuffer, got ${typeof out}`, {});
      }
      if (out.byteLength < bytes * plan.outputs.length) {
        throw new InvalidRequestError(`out holds ${out.byteLength} bytes but this request writes ${bytes * plan.outputs.length}; pass a buffer of at least estimate().bytesOut bytes`, { byteLength: out.byteLength, bytesOut: bytes * plan.outputs.length });
      }
      buffer = out;
    } else {
      buffer = this.outputPool.acquire(bytes * plan.outputs.length, advisorOf(this.warm?.inline));
    }
    const arrays = new Map<string, OutputArray>();
    plan.outputs.forEach((name, k) => arrays.set(name, new Ctor(buffer as ArrayBuffer, k * bytes, per)));
    return arrays;
  }

  /**
   * Runs chunks with up to numThreads in flight, continuously (a free lane
   * takes the next chunk at once). Abort and timeout raise a shared flag the
   * kernels check between blocks, no new chunk starts, and the call rejects
   * only once every in-flight kernel has stopped, so nothing is written after
   * the rejection. Progress is reported after each chunk.
   */
  private async runChunks(
    chunks: Chunk[], executor: Executor, makeJob: (c: Chunk, cancel: Int32Array) => KernelJob,
    opts: { signal?: AbortSignal; timeoutMs?: number; total: number; onProgress?: ComputeRequest['onProgress'] },
  ): Promise<void> {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    let stop: Error | null = null;
    let processed = 0;
    const halt = (e: Error) => {
      stop ??= e;
      Atomics.store(cancel, 0, 1);
    };
    const onAbort = () => halt(new ComputeCancelledError('compute cancelled by its AbortSignal; kernels stopped and no chunk started after it fired', { processed, total: opts.total }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort(); // fired while the call was warming up or loading candles
    const call = { halt, done: Promise.resolve() };
    this.running.add(call);
    const timer = opts.timeoutMs !== undefined
      ? setTimeout(() => halt(new ComputeTimeoutError(`compute exceeded timeoutMs ${opts.timeoutMs} after ${processed} of ${opts.total} variants; raise timeoutMs or shrink the grid`, { timeoutMs: opts.timeoutMs, processed, total: opts.total })), opts.timeoutMs)
      : undefined;
    let next = 0;
    const lane = async () => {
      while (next < chunks.length && !stop) {
        const c = chunks[next++]!;
        try {
          await executor.run(makeJob(c, cancel));
        } catch (e) {
          halt(e as Error);
          return;
        }
        if (stop) return;
        processed += c.v1 - c.v0;
        opts.onProgress?.({ processed, total: opts.total });
      }
    };
    const all = Promise.all(Array.from({ length: Math.min(executor.numThreads, chunks.length) }, lane));
    call.done = all.then(() => undefined);
    try {
      await all;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      this.running.delete(call);
    }
    if (stop) throw stop;
  }

  /**
   * Stops the engine: calls in flight stop at their next kernel block and
   * reject with ENGINE_CLOSED, then the workers exit. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const running = [...this.running];
    for (const call of running) call.halt(new EngineClosedError('the engine was closed during this call; nothing more was written'));
    await Promise.all(running.map((c) => c.done));
    await this.warm?.pool.close();
    this.outputPool.clear();
  }
}

/** Resolves the configuration (options > env > YAML > defaults) and makes an engine. */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const resolved = resolveConfig(options);
  const logger = options.logger ?? defaultLogger();
  logConfig(logger, resolved);
  return new Engine(resolved, logger);
}

