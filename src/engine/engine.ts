import { performance } from 'node:perf_hooks';
import { loadBackend, type Backend, type BackendChoice, type KernelJob, type OutputArray } from '../backends/index.js';
import { loadCandles, type Candles, type CandlesInput } from '../candles/candles.js';
import { ComputeCancelledError, ComputeTimeoutError, EngineClosedError, InvalidRequestError } from '../errors.js';
import type { GridSpec } from '../grid/grid.js';
import { logConfig, resolveConfig, type EffectiveConfig, type EngineOptions, type ResolvedConfig } from '../runtime/config.js';
import { defaultLogger, type Logger } from '../runtime/logger.js';
import { selfTest } from '../runtime/selftest.js';
import { InlineExecutor, type Executor } from './executor.js';
import { planChunks, type Chunk } from './planner.js';
import { checkT, planRequest, requireObject, type Estimate, type EstimateRequest, type Plan } from './request.js';
import { ComputeResult, type Dtype, type Layout } from './result.js';

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

export interface WarmupReport {
  warmupSeconds: number;
  numThreadsEffective: number;
  cacheDir: string;
  backend: string;
  backendFallback: string | null;
  artifacts: { hits: number; misses: number; rebuilt: number };
  kernels: { checked: number; ok: boolean };
}

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
  private executor: Executor | null = null;
  private warming: Promise<WarmupReport> | null = null;
  private closed = false;

  constructor(resolved: ResolvedConfig, logger: Logger) {
    this.config = resolved.config;
    this.origins = resolved.origins;
    this.logger = logger;
  }

  /** Loads the backend, runs every kernel once on a small input and checks it. Idempotent. */
  warmup(): Promise<WarmupReport> {
    if (this.closed) return Promise.reject(new EngineClosedError());
    this.warming ??= this.doWarmup();
    return this.warming;
  }

  private async doWarmup(): Promise<WarmupReport> {
    const started = performance.now();
    const { backend, fallbackReason } = loadBackend(this.config.backend as BackendChoice);
    if (fallbackReason) this.logger.warn({ reason: fallbackReason }, 'ta-grid native backend unavailable, using wasm');
    const checked = selfTest(backend);
    this.executor = new InlineExecutor(backend);
    const report: WarmupReport = {
      warmupSeconds: (performance.now() - started) / 1000,
      numThreadsEffective: this.executor.numThreads,
      cacheDir: this.config.cacheDir,
      backend: backend.name,
      backendFallback: fallbackReason ?? null,
      artifacts: { hits: 0, misses: 0, rebuilt: 0 },
      kernels: { checked, ok: true },
    };
    this.logger.info({
      warmup_seconds: report.warmupSeconds, num_threads_effective: report.numThreadsEffective, cache_dir: report.cacheDir,
      backend: report.backend, artifact_hits: report.artifacts.hits, artifact_misses: report.artifacts.misses,
    }, 'ta-grid warmup complete');
    return report;
  }

  /** Size of a request's output and memory estimate; throws the same guard errors compute() would. */
  estimate(request: EstimateRequest): Estimate {
    const req = requireObject(request, 'estimate()');
    return planRequest(req, checkT(req.t), this.limits()).estimate;
  }

  private limits() {
    return { maxVariants: this.config.maxVariants, maxComputeBytesTotal: this.config.maxComputeBytesTotal, indicatorGrids: this.config.indicatorGrids };
  }

  async compute(request: ComputeRequest): Promise<ComputeResult> {
    if (this.closed) throw new EngineClosedError();
    const req = requireObject(request, 'compute()');
    const started = performance.now();
    // Guards first: the plan needs only the row count, not the converted candles.
    const plan = planRequest(req, numRows(req.candles) || 1, this.limits());
    const candles = loadCandles(req.candles);
    if (candles.t !== plan.estimate.t) Object.assign(plan, planRequest(req, candles.t, this.limits()));
    const signal = req.signal as AbortSignal | undefined;
    if (signal?.aborted) throw new ComputeCancelledError('compute cancelled before it started: the AbortSignal had already fired');
    await this.warmup();
    const executor = this.executor!;
    const arrays = this.allocateOutputs(plan, candles.t, req.out);
    const inputsFor = this.inputResolver(plan, candles);
    const chunks = planChunks(plan.grid, candles.t, executor.numThreads);
    const params = plan.def.params.map((p) => plan.grid.paramColumn(p.name));
    const V = plan.grid.variants;
    const [timeStride, variantStride] = plan.layout === 'time-major' ? [V, 1] : [1, candles.t];
    const outList: (OutputArray | null)[] = plan.def.outputs.map((o) => arrays.get(o.name) ?? null);
    const makeJob = (c: Chunk): KernelJob => ({
      kernel: plan.def.id, inputs: inputsFor(c), t: candles.t, params, v0: c.v0, v1: c.v1,
      outputs: outList, float64: plan.dtype === 'float64', timeStride, variantStride,
    });
    await this.runChunks(chunks, executor, makeJob, {
      signal, timeoutMs: req.timeoutMs as number | undefined, total: V,
      onProgress: req.onProgress as ComputeRequest['onProgress'],
    });
    return new ComputeResult({
      indicator: plan.def.id, grid: plan.grid, layout: plan.layout, dtype: plan.dtype, t: candles.t, arrays, tsOpen: candles.tsOpen,
      meta: { computeMs: performance.now() - started, backend: executor.backend, numThreads: executor.numThreads, chunks: chunks.length },
    });
  }

  private inputResolver(plan: Plan, candles: Candles): (c: Chunk) => Float64Array[] {
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
      buffer = new SharedArrayBuffer(Math.max(1, bytes * plan.outputs.length));
    }
    const arrays = new Map<string, OutputArray>();
    plan.outputs.forEach((name, k) => arrays.set(name, new Ctor(buffer as ArrayBuffer, k * bytes, per)));
    return arrays;
  }

  /**
   * Runs chunks with up to numThreads in flight, continuously (a free slot
   * takes the next chunk at once). Cancellation and the timeout are checked
   * between chunks; progress is reported after each.
   */
  private async runChunks(
    chunks: Chunk[], executor: Executor, makeJob: (c: Chunk) => KernelJob,
    opts: { signal?: AbortSignal; timeoutMs?: number; total: number; onProgress?: ComputeRequest['onProgress'] },
  ): Promise<void> {
    const deadline = opts.timeoutMs !== undefined ? performance.now() + opts.timeoutMs : Infinity;
    let next = 0;
    let processed = 0;
    const check = () => {
      if (opts.signal?.aborted) throw new ComputeCancelledError('compute cancelled by its AbortSignal; no chunk started after it fired', { processed, total: opts.total });
      if (performance.now() > deadline) throw new ComputeTimeoutError(`compute exceeded timeoutMs ${opts.timeoutMs} after ${processed} of ${opts.total} variants; raise timeoutMs or shrink the grid`, { timeoutMs: opts.timeoutMs, processed, total: opts.total });
    };
    const lane = async () => {
      while (next < chunks.length) {
        check();
        const c = chunks[next++]!;
        await executor.run(makeJob(c));
        processed += c.v1 - c.v0;
        opts.onProgress?.({ processed, total: opts.total });
      }
    };
    await Promise.all(Array.from({ length: Math.min(executor.numThreads, chunks.length) }, lane));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.executor?.close();
    this.executor = null;
  }
}

/** Resolves the configuration (options > env > YAML > defaults) and makes an engine. */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const resolved = resolveConfig(options);
  const logger = options.logger ?? defaultLogger();
  logConfig(logger, resolved);
  return new Engine(resolved, logger);
}

export type { Backend };
