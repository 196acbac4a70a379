import { performance } from 'node:perf_hooks';
import { isSharedArrayBuffer } from 'node:util/types';
import type { Backend, BackendName, KernelJob, OutputArray } from '../backends/index.js';
import { Candles, countCandles, loadCandlesAsync, sharedFloat64, type CandlesInput } from '../candles/candles.js';
import { drainAsync } from '../candles/steps.js';
import { ComputeBudgetExceededError, ComputeCancelledError, ComputeTimeoutError, EngineClosedError, InvalidRequestError, TaGridError } from '../errors.js';
import type { GridSpec } from '../grid/grid.js';
import { logConfig, resolveConfig, type EffectiveConfig, type EngineOptions, type ResolvedConfig } from '../runtime/config.js';
import { defaultLogger, type Logger } from '../runtime/logger.js';
import { cacheHealth, warmup, type CacheHealth, type LoadStep, type WarmState, type WarmupReport } from '../runtime/warmup.js';
import { EngineMetrics } from '../runtime/metrics.js';
import { InlineExecutor, type Executor } from '../pool/executor.js';
import type { PoolExecutor } from '../pool/pool.js';
import { planChunks, wasmSplitPays, type Chunk } from '../pool/planner.js';
import { isSourceInput } from '../registry/index.js';
import { CallStop, runChunks } from '../pool/scheduler.js';
import {
  callOptions, checkBudget, checkT, COMPUTE_KEYS, gridWindow, planRequest, requireEstimateRequest, requireRequest,
  type CallOptions, type Estimate, type EstimateRequest, type Plan, type MemoryModel,
} from './request.js';
import { clampLengths, countNeverWarm, fillNaN, nothingFits, resultLookback } from './history.js';
import { ComputeResult, type Dtype, type Layout } from './result.js';
export type { WarmupReport };
export { Candles as PreparedCandles };
import { OutputPool, addonMemoryOf, advisorOf, releaseBuffer } from './outputs.js';
import { openStream, type IndicatorStream, type StreamHost, type StreamRequest } from '../stream/stream.js';
import { decodeCheckpoint, type StreamExpectation } from '../stream/checkpoint.js';

export interface ComputeRequest {
  indicator: string;
  /** Candles as columns, an Arrow Table or RecordBatch, or the result of engine.prepare(). */
  candles: CandlesInput;
  grid?: GridSpec;
  outputs?: readonly string[];
  layout?: Layout;
  dtype?: Dtype;
  signal?: AbortSignal;
  /** Called after each chunk; if it throws, the error is logged, it is not called again, and the compute goes on. */
  onProgress?: (p: { processed: number; total: number }) => void;
  /** Milliseconds from the call's entry (loading and warmup included); Infinity or absent for none. */
  timeoutMs?: number;
  /**
   * Caller-owned buffer to write into: the result's arrays are views over it,
   * so the next call into the same buffer overwrites them. A buffer another
   * call is still writing is refused. Reuse a SharedArrayBuffer to skip page
   * faults; a plain ArrayBuffer gets one copy at the end (no speed benefit).
   */
  out?: ArrayBuffer | SharedArrayBuffer;
}


export interface EngineHealth {
  status: 'ok' | 'degraded' | 'cold' | 'closed';
  backend: { name: string; build: string; fallback: string | null; load: LoadStep[] } | null;
  pool: { threads: number; configured: number; active: number; queued: number; degraded: string | null } | null;
  cache: CacheHealth;
}

/** Requests estimated below this run on the calling thread. */
const INLINE_BELOW_NS = 250_000;
/** Chunks are at least this much work, so dispatch and per-call setup stay small. */
const MIN_CHUNK_NS = 10_000_000;
/**
 * ...and at most this much, so progress is reported often (but a kernel that
 * sums every window up to a call's longest, IndicatorDef.sharesWindowSums,
 * splits a source's variants only over the threads). (Kernels check the
 * cancel flag inside a block: native every few thousand values, wasm at
 * every output tile it hands over.)
 */
const MAX_CHUNK_NS = 150_000_000;
/**
 * Variants a wasm chunk spans at least (a block of asm/abi.ts) in a
 * time-major output: its tiles are copied out with one TypedArray.set per row
 * of the chunk's variants, or one per tile when the chunk spans whole output
 * rows, and a set of a short row costs as much as computing a hundred cheap
 * values. So a grid of up to one block per source is one chunk, unless its
 * kernel is costly enough that a second thread pays for that
 * (wasmSplitPays), and a wider one is cut into as few chunks as that allows.
 */
const WASM_CHUNK_VARIANTS = 256;
/** Kernel scratch per thread assumed before warmup has loaded a backend (above every kernel's: see estimate()). */
const COLD_SCRATCH_BYTES_PER_BAR = 8 * 32;
const COLD_SCRATCH_BYTES = 48 * 2 ** 20;
/** ...plus this per bar of the longest window that fits (stoch_rsi's three rings of a block of 256 variants). */
const COLD_SCRATCH_BYTES_PER_WINDOW_BAR = 8 * 3 * 256;

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
  /** Calls from entry to settlement, so close() can stop them wherever they are. */
  private readonly running = new Set<{ stop: CallStop; done: Promise<unknown> }>();
  /** Variants done so far per call (for the figures of a cancel or timeout). */
  private readonly progress = new WeakMap<CallStop, number>();
  /** `out` buffers of calls that have not settled. */
  private readonly outInFlight = new WeakSet<ArrayBuffer | SharedArrayBuffer>();
  private closing: Promise<unknown> | null = null;
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

  /** Pool, backend and cache state, for a health endpoint. Cheap: a few stats, nothing read or hashed. */
  health(): EngineHealth {
    const warm = this.warm;
    const cache = cacheHealth(this.config.cacheDir, warm);
    const degraded = warm && (warm.pool.threads < warm.pool.numThreads || warm.pool.degradedReason !== null || !cache.trusted);
    const status: EngineHealth['status'] = this.closed ? 'closed' : !warm ? 'cold' : degraded ? 'degraded' : 'ok';
    return {
      status,
      backend: warm ? { name: warm.report.backend, build: warm.report.backendBuild, fallback: warm.report.backendFallback, load: warm.report.load } : null,
      pool: warm ? { threads: warm.pool.threads, configured: warm.pool.numThreads, active: warm.pool.activeWorkers, queued: warm.pool.queueDepth, degraded: warm.pool.degradedReason } : null,
      cache,
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
      this.warm = await warmup(this.config, this.logger, (inline, pool) => this.prepareOutputs(inline, pool));
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
    return this.warm.report;
  }

  /**
   * Output memory from the backend just loaded, and the configured reserve:
   * mapped and faulted in on every worker at once, so the first call of
   * about that size writes into resident memory.
   */
  private async prepareOutputs(inline: Backend, pool: PoolExecutor): Promise<number> {
    this.outputPool.useAddonMemory(addonMemoryOf(inline));
    const bytes = this.config.reserveOutputBytes;
    if (bytes > 0) await this.outputPool.reserve(bytes, advisorOf(inline), (buffer) => pool.touch(buffer));
    return bytes;
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

  /**
   * Size of a request's output and an upper bound of the memory it takes;
   * throws the same guard errors compute() would. Costs O(axes), never O(t)
   * or O(variants) beyond building the axis values.
   */
  estimate(request: EstimateRequest): Estimate {
    const req = requireEstimateRequest(request);
    const t = req.t === undefined && req.candles !== undefined ? countCandles(req.candles) : checkT(req.t);
    return planRequest(req, t, this.limits(), this.memoryModel()).estimate;
  }

  private limits() {
    return { maxVariants: this.config.maxVariants, maxComputeBytesTotal: this.config.maxComputeBytesTotal, indicatorGrids: this.config.indicatorGrids };
  }

  /** Kernel scratch per thread, from the loaded backend (a generous bound before warmup), and the output pool's idle bytes. */
  private memoryModel(): MemoryModel {
    const backend = this.warm?.inline;
    return {
      threads: this.config.numThreads,
      scratchBytes: (kernel, t, window) => (backend ? backend.scratchBytes(kernel, t, window) : COLD_SCRATCH_BYTES_PER_BAR * t + COLD_SCRATCH_BYTES_PER_WINDOW_BAR * Math.min(t, window) + COLD_SCRATCH_BYTES),
      pooledBytes: (bytesOut, besides) => this.outputPool.bytesHeldBeside(bytesOut, besides),
    };
  }

  /**
   * Validates and converts candles once, off the hot path of later calls:
   * the result is accepted wherever `candles` is, and the shared columns and
   * derived sources a call reads are made on first use and kept with it.
   * Long series are processed in slices that give the event loop a turn.
   */
  async prepare(candles: CandlesInput): Promise<Candles> {
    if (this.closed) throw new EngineClosedError();
    return loadCandlesAsync(candles);
  }

  async compute(request: ComputeRequest): Promise<ComputeResult> {
    // Stoppable from its first line: close() stops it wherever it is.
    const stop = new CallStop();
    const call = { stop, done: Promise.resolve() as Promise<unknown> };
    const settled = this.computeOnce(request, stop);
    call.done = settled.catch(() => undefined);
    this.running.add(call);
    try {
      const result = await settled;
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
    } finally {
      this.running.delete(call);
    }
  }

  private async computeOnce(request: ComputeRequest, stop: CallStop): Promise<ComputeResult> {
    const started = performance.now();
    if (this.closed) throw new EngineClosedError();
    const req = requireRequest(request, 'compute()', COMPUTE_KEYS);
    const opts = callOptions(req);
    // The guards first: the plan needs only the row count, not the converted candles.
    const t = countCandles(req.candles);
    const plan = planRequest(req, t, this.limits(), this.memoryModel());
    const out = opts.out;
    if (out !== undefined) this.checkOut(out, plan);
    if (opts.signal?.aborted) throw new ComputeCancelledError('compute cancelled before it started: the AbortSignal had already fired');

    // From here on the call can be stopped: by its signal, its timeout (counted from entry), or close().
    const onAbort = () => stop.halt(new ComputeCancelledError('compute cancelled by its AbortSignal; kernels stopped and no chunk started after it fired', { processed: this.processedOf(stop), total: plan.grid.variants }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
      stop.halt(new ComputeTimeoutError(`compute exceeded timeoutMs ${opts.timeoutMs} (counted from the call) after ${this.processedOf(stop)} of ${plan.grid.variants} variants; raise timeoutMs or shrink the grid`, { timeoutMs: opts.timeoutMs, processed: this.processedOf(stop), total: plan.grid.variants }));
    }, Math.max(0, opts.timeoutMs - (performance.now() - started)));
    if (out) this.outInFlight.add(out);
    try {
      const candles = await stop.race(loadCandlesAsync(req.candles, stop.signal));
      for (const s of plan.sources) candles.checkReadable(s); // a missing column fails here, before any allocation
      // Now the exact figure: what loading allocated (nothing, for prepared candles) and the columns still to make.
      plan.memory.columns = (req.candles === candles ? 0 : candles.loadedBytes) + candles.bytesToRead(plan.sources);
      checkBudget(plan, this.limits());
      await stop.race(this.warmup());
      const warm = this.warm!;
      plan.memory.scratch = this.memoryModel().threads * warm.inline.scratchBytes(plan.def.id, t, gridWindow(plan.def, plan.grid));
      const inputs = new Map<string, Float64Array>();
      for (const s of plan.sources) inputs.set(s, await candles.columnAsync(s, stop.signal));
      stop.throwIfStopped();
      return await this.run(plan, candles, inputs, opts, stop, warm, started);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (out) this.outInFlight.delete(out);
    }
  }

  private processedOf(stop: CallStop): number {
    return this.progress.get(stop) ?? 0;
  }

  /** The kernels of one call, on the pool (or inline when it is tiny). */
  private async run(plan: Plan, candles: Candles, inputs: Map<string, Float64Array>, opts: CallOptions, stop: CallStop, warm: WarmState, started: number): Promise<ComputeResult> {
    const t = candles.t, V = plan.grid.variants;
    const { executor, chunks: planned } = this.schedule(plan, t, warm);
    // Workers can only write into shared memory: a plain ArrayBuffer `out` is filled by one copy at the end.
    const copyBack = opts.out && !isSharedArrayBuffer(opts.out) && executor === warm.pool ? (opts.out as ArrayBuffer) : undefined;
    const arrays = await this.allocateOutputs(plan, t, copyBack ? undefined : opts.out);
    // Shared, like the candles and outputs: workers read them in place.
    const params = plan.def.params.map((p) => plan.grid.paramColumn(p.name, sharedFloat64(V)));
    // Windows longer than the series: clamped for the kernels, NaN in the result.
    const none = nothingFits(plan, t);
    const tooLong = none ? null : clampLengths(plan, t, params);
    const [timeStride, variantStride] = plan.layout === 'time-major' ? [V, 1] : [1, t];
    // Kernel order; the arrays carry the request's output names (an alias's, for an alias).
    const outList: (OutputArray | null)[] = plan.def.outputs.map((o) => {
      const k = plan.kernelOutputs.indexOf(o.name);
      return k < 0 ? null : arrays.get(plan.outputs[k]!)!;
    });
    const columnsOf = (c: Chunk) => plan.def.inputs.map((i) => inputs.get(isSourceInput(i) ? c.sources[i]! : i)!);
    const makeJob = (c: Chunk): KernelJob => ({
      kernel: plan.def.id, inputs: columnsOf(c), t, params, v0: c.v0, v1: c.v1,
      outputs: outList, float64: plan.dtype === 'float64', timeStride, variantStride, cancel: stop.flag,
    });
    const chunks = none ? [] : planned;
    let processed = 0;
    let progressFailed = false;
    await runChunks(chunks, executor, makeJob, stop, (c) => {
      processed += c.v1 - c.v0;
      this.progress.set(stop, processed);
      if (!opts.onProgress || progressFailed) return;
      try {
        opts.onProgress({ processed, total: V });
      } catch (e) {
        // The caller's callback is not the compute: log it once, stop calling it, go on.
        progressFailed = true;
        this.logger.warn({ err: (e as Error)?.message ?? String(e), indicator: plan.def.id }, 'ta-grid onProgress threw; it is not called again for this compute');
      }
    });
    if (none || tooLong) await drainAsync(fillNaN(arrays, tooLong, t, V, plan.layout === 'time-major'), stop.signal);
    const neverWarm = none ? V : await drainAsync(countNeverWarm(plan, t, tooLong), stop.signal);
    // close() may have come after the last chunk: no compute resolves after close.
    if (this.closed) throw new EngineClosedError('the engine was closed during this call; nothing more was written');
    const resultArrays = copyBack ? this.copyInto(copyBack, arrays) : arrays;
    if (copyBack) releaseBuffer(arrays.values().next().value!.buffer);
    return new ComputeResult({
      indicator: plan.indicator.id, grid: plan.grid, layout: plan.layout, dtype: plan.dtype, t, arrays: resultArrays, tsOpen: candles.tsOpen,
      lookback: resultLookback(plan.indicator, t),
      meta: { computeMs: performance.now() - started, backend: executor.backend, numThreads: executor.numThreads, chunks: chunks.length, neverWarm },
    });
  }

  /** Where a call of t bars runs (this thread when tiny, else the pool) and its chunks of variants. */
  private schedule(plan: Plan, t: number, warm: WarmState): { executor: Executor; chunks: Chunk[] } {
    const V = plan.grid.variants;
    const nsPerValue = warm.calibration[plan.def.id] ?? 1;
    // Work far below a millisecond costs less on this thread than a worker round trip.
    const executor: Executor = t * V * plan.outputs.length * nsPerValue < INLINE_BELOW_NS ? new InlineExecutor(warm.inline) : warm.pool;
    const widest = plan.def.sharesWindowSums ? Infinity : Math.max(MAX_CHUNK_NS / nsPerValue, warm.inline.name === 'wasm' ? WASM_CHUNK_VARIANTS * t : 0);
    const block = Math.min(V, WASM_CHUNK_VARIANTS);
    const wasmRows = warm.inline.name === 'wasm' && plan.layout === 'time-major' && !wasmSplitPays(block, plan.def.cost ?? 1, executor.numThreads) ? block * t : 0;
    const chunks = planChunks(plan.grid, t, executor.numThreads, { minValuesPerChunk: Math.max(MIN_CHUNK_NS / nsPerValue, wasmRows), maxValuesPerChunk: widest });
    return { executor, chunks };
  }

  /**
   * A stream's kernel calls over t bars (pushMany and history through the
   * kernels, with their state): compute()'s chunks and executor, stoppable
   * by close() like a compute.
   */
  private async runKernels(plan: Plan, t: number, job: (c: Chunk) => KernelJob): Promise<{ backend: BackendName; numThreads: number; chunks: number }> {
    if (this.closed) throw new EngineClosedError();
    const stop = new CallStop();
    const call = { stop, done: Promise.resolve() as Promise<unknown> };
    const { executor, chunks } = this.schedule(plan, t, this.warm!);
    const settled = runChunks(chunks, executor, (c) => ({ ...job(c), cancel: stop.flag }), stop, () => {});
    call.done = settled.catch(() => undefined);
    this.running.add(call);
    try {
      await settled;
    } finally {
      this.running.delete(call);
    }
    if (this.closed) throw new EngineClosedError('the engine was closed during this call; nothing more was written');
    return { backend: executor.backend, numThreads: executor.numThreads, chunks: chunks.length };
  }

  /** `out` is refused before any work when it is too small or another call is writing into it. */
  private checkOut(out: ArrayBuffer | SharedArrayBuffer, plan: Plan): void {
    if (this.outInFlight.has(out)) {
      throw new InvalidRequestError('out is already being written by another compute() that has not settled; wait for it, or pass another buffer (results are views over out, so a buffer holds one result at a time)', { key: 'out' });
    }
    const bytesOut = plan.estimate.bytesOut;
    if (out.byteLength < bytesOut) {
      throw new InvalidRequestError(`out holds ${out.byteLength} bytes but this request writes ${bytesOut}; pass a buffer of at least estimate().bytesOut bytes`, { byteLength: out.byteLength, bytesOut });
    }
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

  /** The output arrays of a call: views over `out` (checked by checkOut) or over a new shared buffer. */
  private async allocateOutputs(plan: Plan, t: number, out: ArrayBuffer | SharedArrayBuffer | undefined): Promise<Map<string, OutputArray>> {
    const per = t * plan.grid.variants;
    const Ctor = plan.dtype === 'float64' ? Float64Array : Float32Array;
    const bytes = per * Ctor.BYTES_PER_ELEMENT;
    if (!out) await this.outputPool.reclaim(bytes * plan.outputs.length);
    const m = plan.memory;
    const buffer = out ?? this.outputPool.acquire(bytes * plan.outputs.length, advisorOf(this.warm?.inline), m.params + m.columns + m.scratch + m.overhead);
    const arrays = new Map<string, OutputArray>();
    plan.outputs.forEach((name, k) => arrays.set(name, new Ctor(buffer as ArrayBuffer, k * bytes, per)));
    return arrays;
  }

  /**
   * An incremental grid: push() a bar, update() the forming one, pushMany(),
   * checkpoint(); every row equals the row compute() gives over the same bars.
   * Rows are computed on the calling thread (see docs/streaming.md).
   */
  async stream(request: StreamRequest): Promise<IndicatorStream> {
    if (this.closed) throw new EngineClosedError();
    await this.warmup();
    return openStream(this.streamHost(), request);
  }

  /**
   * A stream from checkpoint() bytes, continuing bit for bit; refuses bytes of
   * another version or a corrupted buffer, and, when `expect` names the
   * indicator, grid, outputs or dtype, bytes of another request, with
   * STATE_INCOMPATIBLE.
   */
  async restoreStream(bytes: Uint8Array, expect?: StreamExpectation): Promise<IndicatorStream> {
    if (this.closed) throw new EngineClosedError();
    await this.warmup();
    return decodeCheckpoint(this.streamHost(), bytes, expect);
  }

  /** Bytes of stream state held by every open stream, together kept within maxComputeBytesTotal. */
  private streamBytes = 0;

  private streamHost(): StreamHost {
    return {
      backend: this.warm!.inline,
      limits: this.limits(),
      reserve: (bytes, indicator) => {
        const total = this.streamBytes + bytes;
        if (bytes > 0 && total > this.config.maxComputeBytesTotal) {
          const mib = (x: number) => `${(x / 2 ** 20).toFixed(1)} MiB`;
          throw new ComputeBudgetExceededError(
            `${indicator}: stream state would grow to ${mib(total)} (all streams of this engine), above maxComputeBytesTotal ${mib(this.config.maxComputeBytesTotal)}; close() streams you no longer push to, shrink the grid, or raise maxComputeBytesTotal`,
            { streamBytes: this.streamBytes, requested: bytes, maxComputeBytesTotal: this.config.maxComputeBytesTotal },
          );
        }
        this.streamBytes = Math.max(0, total);
      },
      compute: (request) => this.compute(request),
      runKernels: (plan, t, job) => this.runKernels(plan, t, job),
      // pushMany()'s result memory: the pool compute() draws from (its release() hands it back).
      outputBuffer: (bytes) => this.outputPool.acquire(bytes, advisorOf(this.warm?.inline)),
      closed: () => this.closed,
    };
  }

  /**
   * Stops the engine: every call in flight, queued or still loading rejects
   * with ENGINE_CLOSED (running kernels stop at their next check), no compute
   * resolves after it, and the workers have exited when it resolves. Idempotent.
   */
  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      const running = [...this.running];
      for (const call of running) call.stop.halt(new EngineClosedError('the engine was closed during this call; nothing more was written'));
      this.closing = Promise.all(running.map((c) => c.done))
        .then(() => this.warming?.catch(() => undefined))
        .then(() => this.warm?.pool.close())
        .then(() => this.outputPool.clear());
    }
    await this.closing;
  }
}

/** Resolves the configuration (options > env > YAML > defaults) and makes an engine. */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const resolved = resolveConfig(options);
  const logger = options.logger ?? defaultLogger();
  logConfig(logger, resolved);
  return new Engine(resolved, logger);
}

