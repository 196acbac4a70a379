// Streaming grids: push a bar, revise the forming bar, checkpoint and
// restore, with every row equal bit for bit to the row compute() gives over
// the same bars. Indicators with a stepper (steppers/index.ts) advance
// O(1) per bar and variant; every other one keeps the bars its current
// gap-free runs need and recomputes them with the batch kernel on this
// thread: exact by construction, because every kernel restarts at a NaN bar
// (test/nan-gap.test.ts) and native and wasm give the same bits.
import { performance } from 'node:perf_hooks';
import { isSharedArrayBuffer } from 'node:util/types';
import type { Backend, BackendName, KernelJob, OutputArray } from '../backends/types.js';
import type { Chunk } from '../pool/planner.js';
import { DERIVED, derive, loadCandles, refusedValue, sharedFloat64, type Candles, type CandlesInput } from '../candles/candles.js';
import { EngineClosedError, GridValidationError, InvalidCandlesError, InvalidRequestError, MissingInputError, StreamClosedError } from '../errors.js';
import type { Grid, AxisValue, GridSpec, VariantParams } from '../grid/grid.js';
import { CANDLE_COLUMNS, isSourceInput, type CandleColumn, type SourceName } from '../registry/index.js';
import type { ComputeRequest } from '../engine/engine.js';
import { resultLookback } from '../engine/history.js';
import { planRequest, requireRequest, type Limits, type Plan } from '../engine/request.js';
import { ComputeResult, type Dtype } from '../engine/result.js';
import { KeptBars, type Ts } from './bars.js';
import { encodeCheckpoint } from './checkpoint.js';
import { STEPPERS, type Stepper, type StepperFactory } from './steppers/index.js';

/**
 * A copy of a Float64Array: a new one and set(), not slice() (in a
 * microbenchmark, 30 against 12 µs for 10,000 values over shared memory,
 * about equal over plain memory).
 */
function copyOf(a: Float64Array): Float64Array {
  const copy = new Float64Array(a.length);
  copy.set(a);
  return copy;
}

export interface StreamRequest {
  indicator: string;
  grid?: GridSpec;
  /** Default: every output of the indicator (one that looks ahead is refused: list the others). */
  outputs?: readonly string[];
  dtype?: Dtype;
  /** Past bars to warm the state on (any candles input compute() takes). */
  history?: CandlesInput;
}

/** One bar: its open time and the columns the indicator reads (NaN marks a missing value). */
export interface StreamCandle {
  ts_open: number | bigint;
  open?: number;
  high?: number;
  low?: number;
  close?: number;
  volume?: number;
}

export const STREAM_KEYS = ['indicator', 'grid', 'outputs', 'dtype', 'history'] as const;

/** What a stream uses of its engine. */
export interface StreamHost {
  /** The engine's backend on this thread (warm.inline). */
  backend: Backend;
  limits: Limits;
  /** Counts bytes of stream state against maxComputeBytesTotal (negative: gives them back); throws when over it. */
  reserve(bytes: number, indicator: string): void;
  compute(request: ComputeRequest): Promise<ComputeResult>;
  /** One kernel call per chunk of the grid over t bars, as compute() runs its chunks (the pool, or this thread when tiny). */
  runKernels(plan: Plan, t: number, job: (chunk: Chunk) => KernelJob): Promise<{ backend: BackendName; numThreads: number; chunks: number }>;
  /** Memory for a result of at least `bytes`, from the engine's output pool (not zeroed). */
  outputBuffer(bytes: number): ArrayBuffer | SharedArrayBuffer;
  closed(): boolean;
}

/** The values of every variant at one bar; the arrays are reused by the stream's next call. */
export class StreamRow {
  constructor(private readonly stream: IndicatorStream, private readonly arrays: ReadonlyMap<string, OutputArray>) {}

  /** Open time of the bar. */
  get ts_open(): Ts {
    return this.stream.lastTs!;
  }

  /** The V values of one output at this bar (a view: copy it to keep it past the next push or update). */
  values(output?: string): OutputArray {
    const name = output ?? this.stream.outputs[0]!;
    const a = this.arrays.get(name);
    if (!a) throw new GridValidationError(`${this.stream.indicator}: no output '${name}' in this stream; it has ${this.stream.outputs.join(', ')}`, { output: name });
    return a;
  }
}

const isNumberTs = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export class IndicatorStream {
  readonly indicator: string;
  readonly variants: number;
  readonly outputs: readonly string[];
  readonly dtype: Dtype;
  readonly axes: readonly { name: string; values: readonly AxisValue[] }[];
  /** 'stepped': O(1) per bar and variant; 'recompute': the current gap-free run per bar. */
  readonly mode: 'stepped' | 'recompute';
  /**
   * How pushMany() and `history` run their bars: 'kernel', the batch kernel
   * on the pool with the stepper's state in and out; 'prelude', the batch
   * kernel over the last bars seen and the new ones; 'steps', the stepper
   * in TypeScript on the calling thread; 'recompute', the batch kernel over
   * the current gap-free run.
   */
  get batchRoute(): 'kernel' | 'prelude' | 'steps' | 'recompute' {
    if (!this.stepper) return 'recompute';
    if (this.throughKernel()) return 'kernel';
    return this.stepper.prelude ? 'prelude' : 'steps';
  }
  /** @internal */
  readonly plan: Plan;
  /** @internal */
  lastTs: Ts | null = null;
  private seen = 0;
  private isClosed = false;
  /** Bytes reserved against the engine's budget; given back by close(), or when the stream is collected unclosed. */
  private readonly budget = { reserved: 0 };
  private readonly host: StreamHost;
  private readonly params: Float64Array[];
  /** Base columns a bar must give, and the sources the kernels read (plan.sources order). */
  private readonly baseColumns: CandleColumn[];
  private readonly sources: SourceName[];
  /** Per source run of the grid: its variants and the indexes of its kernel inputs in `sources`. */
  private readonly runs: { v0: number; v1: number; inputs: number[] }[];
  /**
   * Per source run, the last bar with a NaN input, through the last bar and through the one before:
   * where a recompute starts. A stepper restarts its runs in its own state, so a stepped stream keeps
   * them at -1 (pushMany() would scan every column of a batch for them: 20 to 45 µs over 10,000 bars).
   */
  private gapNow: number[];
  private gapBefore: number[];
  /** Longest int param (a length in bars) of each variant, and of the grid. */
  private readonly longest: Float64Array;
  private readonly longestAll: number;
  private readonly row: Map<string, OutputArray>;
  private readonly rowView: StreamRow;
  /** Selected outputs in kernel order, with the index of each among the definition's outputs. */
  private readonly selected: { name: string; k: number; barIndex: boolean }[];
  // The stepped state, and the state before the last bar (update() rolls back to it).
  private readonly stepper: Stepper | null;
  private readonly committed: Float64Array | null;
  private readonly rows64: (Float64Array | null)[];
  /** Each selected output's stream row and the stepper's float64 row it is copied from. */
  private readonly emits: { row: OutputArray; from: Float64Array }[] = [];
  // The recomputed state: the kept bars, and the kernel's output over them.
  private readonly kept: KeptBars | null;
  private runOut: OutputArray[] = [];
  private readonly bar: Float64Array;
  private readonly baseBar: Float64Array;
  /** baseBar's columns as one-row views, for derive(); barAt: source k's one-row view of this.bar. */
  private readonly baseView: (c: CandleColumn) => Float64Array;
  private readonly barAt: Float64Array[];
  /** Per source: its index in baseBar, or -1 for a derived source. */
  private readonly sourceAt: Int32Array;
  /** A candle's five fields in CANDLE_COLUMNS order (NaN where absent); baseField[k]: base column k's index in it; baseMask: their bits. */
  private readonly fields = new Float64Array(CANDLE_COLUMNS.length);
  private readonly baseField: Int32Array;
  private readonly baseMask: number;
  /** The base columns of the last bar (a checkpoint re-applies it). */
  private readonly lastBase: Float64Array;
  /** The params in shared memory, for kernel calls on the pool (made on first use). */
  private sharedParams: Float64Array[] | null = null;
  /** A pushMany() is waiting for its kernel calls: other calls would interleave with it. */
  private busy = false;
  /**
   * For a kernel state whose stream keeps its tail (KernelStateMap.streamKeepsTail): the last
   * `tailBars` bars of each source, bar t of source k at k * tailBars + t % tailBars, those from bar
   * tailFrom on (a restored stream none from before the restore).
   */
  private readonly tailRing: Float64Array | null;
  private readonly tailBars: number;
  private tailFrom = 0;

  /** @internal: engine.stream() and engine.restoreStream() make streams. */
  constructor(host: StreamHost, request: Omit<StreamRequest, 'history'>) {
    this.host = host;
    // The grid's guards (maxVariants, axis bounds); the state's bytes are counted by reserveFor, not by a call's estimate.
    const plan = planRequest({ indicator: request.indicator, grid: request.grid, outputs: request.outputs, dtype: request.dtype }, 1, { ...host.limits, maxComputeBytesTotal: Infinity }, NO_MEMORY);
    this.plan = plan;
    const def = plan.def;
    this.indicator = plan.indicator.id;
    this.variants = plan.grid.variants;
    this.outputs = plan.outputs;
    this.dtype = plan.dtype;
    this.axes = plan.grid.axes.map((a) => ({ name: a.name, values: a.values }));
    this.selected = plan.kernelOutputs.map((of, i) => {
      const k = def.outputs.findIndex((o) => o.name === of);
      const o = def.outputs[k]!;
      if (o.looksAhead) {
        const others = plan.indicator.outputs.filter((x) => !def.outputs.find((d) => d.name === x.of)?.looksAhead).map((x) => x.name);
        throw new GridValidationError(
          `${this.indicator}: output '${plan.outputs[i]}' looks ahead (its value at a bar reads later candles), so it cannot be streamed; select the others with outputs: [${others.map((n) => `'${n}'`).join(', ')}]`,
          { indicator: this.indicator, output: plan.outputs[i], streamable: others },
        );
      }
      return { name: plan.outputs[i]!, k, barIndex: o.barIndex === true };
    });
    this.params = def.params.map((p) => plan.grid.paramColumn(p.name));
    this.sources = plan.sources;
    this.baseColumns = CANDLE_COLUMNS.filter((c) => this.sources.some((s) => s === c || DERIVED[s]?.includes(c)));
    const sourceRuns = plan.grid.sourceRuns();
    this.runs = sourceRuns.map((r) => ({
      v0: r.v0, v1: r.v1,
      inputs: def.inputs.map((i) => this.sources.indexOf(isSourceInput(i) ? r.sources[i]! : i)),
    }));
    this.gapNow = this.runs.map(() => -1);
    this.gapBefore = this.runs.map(() => -1);
    this.longest = new Float64Array(this.variants);
    def.params.forEach((p, k) => {
      if (p.kind !== 'int') return;
      const col = this.params[k]!;
      for (let v = 0; v < this.variants; v++) this.longest[v] = Math.max(this.longest[v]!, col[v]!);
    });
    this.longestAll = this.longest.reduce((m, x) => Math.max(m, x), 0);
    const Row = this.dtype === 'float64' ? Float64Array : Float32Array;
    this.row = new Map(this.outputs.map((name) => [name, new Row(this.variants)]));
    this.rowView = new StreamRow(this, this.row);
    this.bar = new Float64Array(this.sources.length);
    this.baseBar = new Float64Array(this.baseColumns.length);
    this.lastBase = new Float64Array(this.baseColumns.length);
    this.baseField = Int32Array.from(this.baseColumns, (c) => CANDLE_COLUMNS.indexOf(c));
    this.baseMask = this.baseField.reduce((m, i) => m | (1 << i), 0);
    this.sourceAt = Int32Array.from(this.sources, (s) => this.baseColumns.indexOf(s as CandleColumn));
    const views = new Map(this.baseColumns.map((c, i) => [c, this.baseBar.subarray(i, i + 1)]));
    this.baseView = (c) => views.get(c)!;
    this.barAt = this.sources.map((_, k) => this.bar.subarray(k, k + 1));
    // A factory returns null for a grid it cannot step (say, an MA type it does not mirror): that grid recomputes.
    const factory = STEPPERS[def.id] as StepperFactory | undefined;
    const stepper = factory?.({ def, grid: plan.grid, params: this.params, runs: sourceRuns, sourceIndex: (s) => this.sources.indexOf(s), outputs: this.selected.map((s) => def.outputs[s.k]!.name), backend: host.backend }) ?? null;
    this.mode = stepper ? 'stepped' : 'recompute';
    if (stepper) {
      this.stepper = stepper;
      this.committed = new Float64Array(this.stepper.state.length);
      this.rows64 = def.outputs.map((_, k) => (this.selected.some((s) => s.k === k) ? new Float64Array(this.variants) : null));
      this.emits = this.selected.map((s) => ({ row: this.row.get(s.name)!, from: this.rows64[s.k]! }));
      this.kept = null;
    } else {
      this.stepper = null;
      this.committed = null;
      this.rows64 = [];
      this.kept = new KeptBars(this.baseColumns, this.sources.length);
    }
    const map = this.stepper?.kernel;
    this.tailBars = map?.streamKeepsTail ? map.lead ?? 0 : 0;
    this.tailRing = this.tailBars > 0 ? new Float64Array(this.sources.length * this.tailBars) : null;
    this.reserveFor(0);
    UNCLOSED.register(this, { host, budget: this.budget }, this);
  }

  /** Bars pushed so far (history included; an update does not add one). */
  get barsSeen(): number {
    return this.seen;
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /**
   * Bytes of state this stream holds: the stepper's state and its committed
   * copy, or the kept bars and the kernel output over them. An upper bound
   * of it is reserved against maxComputeBytesTotal, all open streams of the
   * engine together.
   */
  get stateBytes(): number {
    const rows = this.variants * this.outputs.length * (this.dtype === 'float64' ? 8 : 4);
    if (this.stepper) return rows + 8 * (2 * this.stepper.state.length + this.rows64.filter(Boolean).length * this.variants + (this.tailRing?.length ?? 0));
    return rows + this.kept!.bytes + this.runOut.reduce((n, a) => n + a.byteLength, 0);
  }

  /** Parameters of variant i. */
  variant(i: number): VariantParams {
    return this.plan.grid.variant(i);
  }

  /** Index of the variant with these parameters, or -1. */
  indexOf(params: Readonly<Record<string, AxisValue>>): number {
    return this.plan.grid.indexOf(params);
  }

  /** A new bar, after the last one: returns the row of every variant at it. */
  push(candle: StreamCandle): StreamRow {
    this.checkOpen();
    const ts = this.readCandle(candle, 'push');
    if (this.lastTs !== null && !(ts > this.lastTs)) {
      throw new InvalidCandlesError(
        `push(): ts_open ${String(ts)} is not after the last bar's ${String(this.lastTs)}; push bars in time order, and revise the last bar with update()`,
        { ts_open: String(ts), last: String(this.lastTs) },
      );
    }
    if (this.kept) this.reserveFor(this.kept.length + 1);
    this.commit();
    this.apply(ts);
    this.emitRow();
    return this.rowView;
  }

  /** Revises the last bar (same ts_open), e.g. the forming candle: returns its new row. Any number of times. */
  update(candle: StreamCandle): StreamRow {
    this.checkOpen();
    const ts = this.readCandle(candle, 'update');
    if (this.lastTs === null) throw new InvalidCandlesError('update(): no bar was pushed yet; push() the first bar, then update() it', {});
    if (ts !== this.lastTs) {
      throw new InvalidCandlesError(
        `update(): ts_open ${String(ts)} is not the last bar's ${String(this.lastTs)}; update() revises the last bar, push() adds a new one`,
        { ts_open: String(ts), last: String(this.lastTs) },
      );
    }
    this.rollback();
    this.apply(this.lastTs);
    this.emitRow();
    return this.rowView;
  }

  /**
   * Many bars at once, after the last one: a ComputeResult over just those
   * bars (time-major), whose rows are the rows of compute() over every bar
   * the stream has seen. The last of them can be revised with update().
   */
  async pushMany(candles: CandlesInput): Promise<ComputeResult> {
    this.checkOpen();
    const started = performance.now();
    const c = loadCandles(candles);
    for (const col of this.baseColumns) {
      if (!c.has(col)) throw new MissingInputError(`pushMany(): the candles have no '${col}' column, which ${this.indicator} reads with this grid; add it`, { column: col });
    }
    const first = c.tsOpen[0]!;
    if (this.lastTs !== null && !(first > this.lastTs)) {
      throw new InvalidCandlesError(`pushMany(): the first ts_open ${String(first)} is not after the last bar's ${String(this.lastTs)}; pass only new bars`, { ts_open: String(first), last: String(this.lastTs) });
    }
    const n = c.t;
    if (this.kept) this.reserveFor(this.kept.length + n);
    // Read a row at a time (the last bar, or every bar of a recomputed stream): as given, not copied into shared memory.
    const cols = this.baseColumns.map((col) => c.base(col));
    const from = this.seen;
    // Recomputed: append the bars, then one batch compute over the runs they need.
    const startAt = this.kept ? this.recomputeStart(from) : 0;
    const undo = this.undoPoint();
    const V = this.variants;
    const Ctor = this.dtype === 'float64' ? Float64Array : Float32Array;
    // Stepped: every bar but the last at batch speed, straight into the result; the last one as push() applies it.
    let outs: (OutputArray | null)[] | null = null;
    // Through a prelude (Stepper.prelude), or the kernel after a tail (KernelStateMap.tail): the kernel's rows of
    // those bars come first in each output, then dropped.
    const prelude = this.throughKernel() ? this.tailLength(n - 1) : this.throughPrelude(n - 1) ? this.preludeLength() : 0;
    let whole: (OutputArray | null)[] = [];
    if (this.stepper) {
      const rows = (prelude + n) * V;
      const buffer = this.host.outputBuffer(this.selected.length * rows * Ctor.BYTES_PER_ELEMENT);
      whole = this.plan.def.outputs.map((_, k) => {
        const at = this.selected.findIndex((s) => s.k === k);
        return at < 0 ? null : new Ctor(buffer as ArrayBuffer, at * rows * Ctor.BYTES_PER_ELEMENT, rows);
      });
      outs = whole.map((a) => a?.subarray(prelude * V) ?? null);
    }
    let backend = this.host.backend.name, chunks = 0, numThreads = 1;
    if (outs) {
      // The last bar is applied after the kernels: read it now, before the first await, as the kernels' shared
      // copies are made (a caller may refill its arrays once it has the promise).
      const lastCols = cols.map((col) => Float64Array.of(col[n - 1]!)), lastTs = c.tsOpen[n - 1]!;
      this.busy = true;
      try {
        const columns = this.sources.map((s) => c.column(s));
        if (this.throughKernel()) ({ backend, chunks, numThreads } = await this.kernelBars(columns, n - 1, whole, prelude));
        else if (this.throughPrelude(n - 1)) ({ backend, chunks, numThreads } = await this.preludeBars(columns, n - 1, whole, prelude));
        else this.stepBars(columns, 0, n - 1, outs);
        this.busy = false;
        this.checkOpen();
        this.lastBar(lastCols, 0, lastTs);
        for (const s of this.selected) outs[s.k]!.set(this.rows64[s.k]!, (n - 1) * V);
      } catch (e) {
        undo();
        throw e;
      } finally {
        this.busy = false;
      }
    } else {
      for (let i = 0; i < n; i++) this.lastBar(cols, i, c.tsOpen[i]!);
    }
    const stepped = outs ? new Map(this.selected.map((s) => [s.name, outs[s.k]!])) : null;
    // Rows of compute() over every bar seen now: lengths longer than that are NaN throughout.
    // (Only while a length is longer than the bars seen: 10,000 calls that return at once took 0.4 ms.)
    if (stepped && this.seen < this.longestAll) for (let i = 0; i < n; i++) this.maskLong(stepped, i * V);
    let arrays: Map<string, OutputArray>;
    if (stepped) arrays = stepped;
    else {
      const kept = this.kept!;
      const ts = kept.times(startAt);
      const input: Record<string, unknown> = { ts_open: ts };
      this.baseColumns.forEach((col, k) => { input[col] = kept.column(k, startAt); });
      let whole: ComputeResult;
      try {
        whole = await this.host.compute({ indicator: this.indicator, candles: input as never, grid: this.gridSpec(), outputs: this.outputs, dtype: this.dtype });
      } catch (e) {
        // The compute failed (its budget, close()): back to the state before the call.
        for (let i = 0; i < n; i++) kept.pop();
        undo();
        throw e;
      }
      backend = whole.meta.backend;
      chunks = whole.meta.chunks;
      numThreads = whole.meta.numThreads;
      const skip = ts.length - n;
      arrays = new Map(this.selected.map((s) => {
        const a = whole.values(s.name).subarray(skip * V);
        if (s.barIndex) for (let i = 0; i < a.length; i++) a[i] = a[i]! + startAt;
        return [s.name, a];
      }));
      this.kept!.dropBefore(this.recomputeStart(this.seen - 1));
    }
    for (const s of this.selected) this.row.get(s.name)!.set(arrays.get(s.name)!.subarray((n - 1) * V, n * V));
    // The batch's own open times, as compute() gives its candles' (not a copy).
    const tsOpen = c.tsOpen;
    const lookback = resultLookback(this.plan.indicator, this.seen);
    return new ComputeResult({
      indicator: this.indicator, grid: this.plan.grid, layout: 'time-major', dtype: this.dtype, t: n, arrays, tsOpen,
      lookback: (output, params) => Math.max(0, lookback(output, params) - from),
      meta: { computeMs: performance.now() - started, backend, numThreads, chunks, neverWarm: 0 },
    });
  }

  /**
   * The state as bytes (versioned, with a sha256): engine.restoreStream()
   * makes a stream that continues bit for bit from here, on either backend.
   */
  checkpoint(): Uint8Array {
    this.checkOpen();
    return encodeCheckpoint(this);
  }

  /** The row of the last bar (its arrays are the ones push() returns). */
  get lastRow(): StreamRow | null {
    return this.seen === 0 ? null : this.rowView;
  }

  /** Gives the state's memory back; later calls throw STREAM_CLOSED. Idempotent. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    UNCLOSED.unregister(this);
    this.host.reserve(-this.budget.reserved, this.indicator);
    this.budget.reserved = 0;
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** @internal: warms the state on past bars (no rows are returned). */
  async warm(candles: CandlesInput): Promise<void> {
    const c = loadCandles(candles);
    for (const col of this.baseColumns) {
      if (!c.has(col)) throw new MissingInputError(`history: the candles have no '${col}' column, which ${this.indicator} reads with this grid; add it`, { column: col });
    }
    if (this.kept) this.reserveFor(this.kept.length + c.t);
    const cols = this.baseColumns.map((col) => c.base(col));
    // The last bar is applied after any kernel call or compute: read it now (see pushMany()).
    const last = c.t > 0 ? { cols: cols.map((col) => Float64Array.of(col[c.t - 1]!)), ts: c.tsOpen[c.t - 1]! } : null;
    let i0 = 0;
    // Through the kernel, unless resume() steps the sources alone (cheaper than every window's values).
    if (this.throughKernel() && c.t >= 2 && !(this.stepper!.resume && !this.stepper!.resumeNeedsRows)) {
      await this.kernelBars(this.sources.map((s) => c.column(s)), c.t - 1, this.plan.def.outputs.map(() => null), this.tailLength(c.t - 1));
      i0 = c.t - 1;
    } else if (this.stepper?.prelude && c.t >= 2) {
      // A finite-memory state: set from the last bars alone.
      const columns = this.sources.map((s) => c.column(s));
      this.stepper.prelude.skip(columns, 0, c.t - 1);
      this.advance(columns, 0, c.t - 1);
      i0 = c.t - 1;
    } else if (this.stepper?.resume && c.t >= 2) i0 = await this.resume(c, cols);
    // A stepper without resume(): every bar but the last at batch speed, without rows.
    if (this.stepper && i0 < c.t - 1) {
      this.stepBars(this.sources.map((s) => c.column(s)), i0, c.t - 1, this.plan.def.outputs.map(() => null));
      i0 = c.t - 1;
    }
    // Bars before the last one are left only to a stream without a stepper, which has awaited nothing.
    for (let i = i0; i < c.t - 1; i++) this.lastBar(cols, i, c.tsOpen[i]!);
    if (last) this.lastBar(last.cols, 0, last.ts);
    if (this.kept) this.kept.dropBefore(this.recomputeStart(this.seen - 1));
    if (c.t > 0) this.emitRow();
  }

  // --- internals -----------------------------------------------------------

  /**
   * The stepper's state after all history bars but the last, at batch speed
   * (Stepper.resume: from the sources, and the float64 rows of compute() over
   * those bars when it needs them); returns the bar to step from.
   */
  private async resume(c: Candles, cols: readonly (Float64Array | Float32Array)[]): Promise<number> {
    const n = c.t - 1;
    const stepper = this.stepper!;
    const columns = this.sources.map((s) => c.column(s).subarray(0, n));
    const lastTs = c.tsOpen[n - 1]!;
    let last64: (Float64Array | null)[] | null = null;
    if (stepper.resumeNeedsRows) {
      const input: Record<string, unknown> = { ts_open: c.tsOpen.subarray(0, n) };
      this.baseColumns.forEach((col, k) => { input[col] = cols[k]!.subarray(0, n); });
      const r = await this.host.compute({ indicator: this.indicator, candles: input as never, grid: this.gridSpec(), outputs: this.outputs, dtype: 'float64' });
      const V = this.variants;
      last64 = this.plan.def.outputs.map((_, k) => {
        const s = this.selected.find((x) => x.k === k);
        return s ? (r.values(s.name).slice((n - 1) * V, n * V) as Float64Array) : null;
      });
      r.release();
    }
    stepper.resume!(columns, last64);
    this.keepTail(columns, 0, n);
    this.seen = n;
    this.lastTs = this.tsOf(lastTs);
    return n;
  }

  /**
   * Bar i of the base columns as push() applies it, committing the state
   * before it (update() rolls back to that); a kept bar is not dropped and
   * no row is emitted (the caller finishes the batch).
   */
  private lastBar(cols: readonly (Float64Array | Float32Array)[], i: number, ts: Ts): void {
    for (let k = 0; k < cols.length; k++) this.baseBar[k] = cols[k]![i]!;
    this.deriveBar();
    this.commit();
    this.apply(this.tsOf(ts), 'keep');
  }

  /** The params in shared memory (made once), which workers read in place. */
  private shareParams(): Float64Array[] {
    return (this.sharedParams ??= this.params.map((col) => {
      const x = sharedFloat64(col.length);
      x.set(col);
      return x;
    }));
  }

  /** Whether batches go through the kernel with its state (Stepper.kernel, and a backend that passes state). */
  private throughKernel(): boolean {
    return this.stepper?.kernel !== undefined && this.host.backend.kernelState === true;
  }

  /**
   * Bars a batch of n through the kernel starts with, the last bars seen
   * (KernelStateMap.tail, streamKeepsTail): its lead, none without a tail
   * (or while the stream's own does not hold them).
   */
  private tailLength(n: number): number {
    const map = this.stepper!.kernel!, lead = map.lead ?? 0;
    if (n <= 0 || lead === 0) return 0;
    if (map.tail) return lead;
    return this.tailRing && (this.seen === 0 || this.tailFrom <= this.seen - lead) ? lead : 0;
  }

  /** Bars [from, to) of the source columns, the bars from this.seen on, into the stream's tail (when it keeps one). */
  private keepTail(columns: readonly Float64Array[], from: number, to: number): void {
    const ring = this.tailRing, L = this.tailBars;
    if (!ring) return;
    const first = Math.max(from, to - L);
    columns.forEach((col, k) => {
      for (let i = first; i < to; i++) ring[k * L + ((this.seen + i - from) % L)] = col[i]!;
    });
  }

  /** The last into[k].length bars seen of each source k from the stream's tail, oldest first. */
  private readTail(into: readonly Float64Array[]): void {
    const ring = this.tailRing!, L = this.tailBars;
    into.forEach((to, k) => {
      const first = this.seen - to.length;
      for (let j = 0; j < to.length; j++) to[j] = ring[k * L + ((first + j) % L)]!;
    });
  }

  /**
   * Bars [0, n) of the source columns (indexed as this.bar) through the
   * batch kernel, on the pool as compute() runs it, continuing from the
   * stepper's state and leaving it where stepBars() would; bar i's row goes
   * into outputs at (P + i) * variants (time-major; null: not wanted), after
   * the rows of the P = tailLength(n) bars before the batch, which the call
   * reads first (not wanted). A per-run
   * state (or the per-run part beside a per-variant one) goes out of the
   * first chunk of each source run only (every chunk of the run makes the
   * same); the state comes back into the stepper only once every chunk is
   * done.
   */
  private async kernelBars(columns: readonly Float64Array[], n: number, outputs: readonly (OutputArray | null)[], P: number): Promise<{ backend: BackendName; numThreads: number; chunks: number }> {
    const map = this.stepper!.kernel!, L = map.length, V = this.variants, def = this.plan.def, T = P + n;
    // A state with a lead (KernelStateMap.lead) but no tail: its bars step here first, their rows set aside (the kernel writes NaN there).
    const lead = P > 0 ? 0 : map.lead ?? 0;
    if (n <= lead) {
      this.stepBars(columns, 0, n, outputs);
      return { backend: this.host.backend.name, numThreads: 1, chunks: 0 };
    }
    const leadRows = outputs.map((o) => (lead > 0 ? o?.slice(0, lead * V) ?? null : null));
    this.stepBars(columns, 0, lead, leadRows);
    const shared = new SharedArrayBuffer(Math.max(1, 16 * L));
    const input = new Float64Array(shared, 0, L), output = new Float64Array(shared, 8 * L, L);
    map.save(input);
    // Workers read shared inputs in place (a plain array would be copied whole, with any buffer it is a view of);
    // the loaded candles' columns are shared already. A tail: the last bars seen (NaN before the first), then the batch.
    const inputs = columns.map((col) => {
      if (P === 0 && isSharedArrayBuffer(col.buffer)) return col.subarray(0, n);
      const x = sharedFloat64(T);
      x.set(col.subarray(0, n), P);
      return x;
    });
    if (P > 0) {
      const seen = Math.min(this.seen, P);
      inputs.forEach((x) => x.fill(NaN, 0, P - seen));
      const into = inputs.map((x) => x.subarray(P - seen, P));
      if (map.tail) map.tail(into);
      else this.readTail(into);
    }
    const params = this.shareParams();
    const runOf = (v0: number) => this.runs.findIndex((r) => v0 >= r.v0 && v0 < r.v1);
    const meta = await this.host.runKernels(this.plan, T, (chunk) => {
      const r = runOf(chunk.v0), part = map.runs?.[r];
      const run = part && { input: input.subarray(part.at, part.at + part.length), output: chunk.v0 === this.runs[r]!.v0 ? output.subarray(part.at, part.at + part.length) : null };
      const state = !run ? { input, output, perVariant: map.perVariant }
        : map.perVariant === 0 ? { ...run, perVariant: 0 }
        : { input, output, perVariant: map.perVariant, run };
      return {
        kernel: def.id, inputs: this.runs[r]!.inputs.map((k) => inputs[k]!), t: T, params, v0: chunk.v0, v1: chunk.v1,
        outputs: outputs as (OutputArray | null)[], float64: this.dtype === 'float64', timeStride: V, variantStride: 1, state,
      };
    });
    map.load(output, n - lead, lead > 0 ? columns.map((c) => c.subarray(lead)) : columns);
    this.advance(columns, lead, n);
    leadRows.forEach((rows, k) => { if (rows) outputs[k]!.set(rows); });
    return meta;
  }

  /** Whether a batch of n bars goes through the kernel over a prelude (Stepper.prelude; not worth a kernel call for a few bars). */
  private throughPrelude(n: number): boolean {
    return this.stepper?.prelude !== undefined && n >= PRELUDE_MIN_BARS;
  }

  /** Bars of the prelude a batch starts with: the last bars - 1 seen (fewer at the stream's start). */
  private preludeLength(): number {
    return Math.min(this.seen, this.stepper!.prelude!.bars - 1);
  }

  /**
   * Bars [0, n) of the source columns through the batch kernel without
   * state, after a prelude of the last P bars seen (Stepper.prelude): bar
   * i's row goes into outputs at (P + i) * variants (the prelude's rows
   * first, not wanted), the state is then set as stepBars() would leave it.
   */
  private async preludeBars(columns: readonly Float64Array[], n: number, outputs: readonly (OutputArray | null)[], P: number): Promise<{ backend: BackendName; numThreads: number; chunks: number }> {
    const route = this.stepper!.prelude!, V = this.variants, def = this.plan.def, T = P + n;
    // Without a prelude (a stream's first batch), workers read the loaded candles' shared columns in place.
    const inputs = columns.map((col) => (P === 0 && isSharedArrayBuffer(col.buffer) ? col.subarray(0, n) : sharedFloat64(T)));
    route.tail(inputs.map((x) => x.subarray(0, P)));
    inputs.forEach((x, k) => { if (x.buffer !== columns[k]!.buffer) x.set(columns[k]!.subarray(0, n), P); });
    const params = this.shareParams();
    const meta = await this.host.runKernels(this.plan, T, (chunk) => {
      const r = this.runs.find((x) => chunk.v0 >= x.v0 && chunk.v0 < x.v1)!;
      return {
        kernel: def.id, inputs: r.inputs.map((k) => inputs[k]!), t: T, params, v0: chunk.v0, v1: chunk.v1,
        outputs: outputs as (OutputArray | null)[], float64: this.dtype === 'float64', timeStride: V, variantStride: 1,
      };
    });
    route.skip(columns, 0, n);
    this.advance(columns, 0, n);
    return meta;
  }

  /**
   * Steps bars [from, to) of the source columns (indexed as this.bar) as
   * apply() steps them one by one, bar count included, writing bar
   * i's row into outputs (kernel output order, time-major at (i - from) *
   * variants; null: not wanted): the stepper's stepMany(), or step() bar by
   * bar with its float64 row copied (a float32 store rounds as the kernels'
   * static_cast<float> does).
   */
  private stepBars(columns: readonly Float64Array[], from: number, to: number, outputs: readonly (OutputArray | null)[]): void {
    if (to <= from) return;
    const stepper = this.stepper!;
    if (stepper.stepMany) stepper.stepMany(columns, from, to, outputs);
    else {
      const V = this.variants, bar = this.bar, rows = this.rows64;
      const copy = this.selected.filter((s) => outputs[s.k]).map((s) => ({ row: rows[s.k]!, out: outputs[s.k]! }));
      for (let i = from; i < to; i++) {
        for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
        stepper.step(bar, rows);
        for (const x of copy) x.out.set(x.row, (i - from) * V);
      }
    }
    this.advance(columns, from, to);
  }

  /** The bar count and the stream's tail after bars [from, to) of the source columns, as apply() leaves them. */
  private advance(columns: readonly Float64Array[], from: number, to: number): void {
    this.keepTail(columns, from, to);
    this.seen += to - from;
  }

  /** Captures the stream's state; the returned function puts it back (a call that fails part-way). */
  private undoPoint(): () => void {
    const { seen, lastTs } = this;
    const gapNow = this.gapNow.slice(), gapBefore = this.gapBefore.slice(), lastBase = copyOf(this.lastBase);
    const state = this.stepper && copyOf(this.stepper.state), committed = this.committed && copyOf(this.committed);
    return () => {
      // The tail's slots may hold the batch's bars now: it holds none before the next bar.
      Object.assign(this, { seen, lastTs, gapNow, gapBefore, tailFrom: seen });
      this.lastBase.set(lastBase);
      if (state) this.stepper!.state.set(state);
      if (committed) this.committed!.set(committed);
    };
  }

  private checkOpen(): void {
    if (this.isClosed) throw new StreamClosedError(`${this.indicator}: this stream was closed; open another with engine.stream() or engine.restoreStream()`, { indicator: this.indicator });
    if (this.host.closed()) throw new EngineClosedError('the engine of this stream was closed: create a new engine, and restoreStream() a checkpoint to continue');
    if (this.busy) throw new InvalidRequestError(`${this.indicator}: a pushMany() of this stream is still running; await it before the next call`, { indicator: this.indicator });
  }

  /** Validates a candle into this.baseBar and this.bar (nothing else changes), returning its open time. */
  private readCandle(candle: StreamCandle, what: string): Ts {
    if (typeof candle !== 'object' || candle === null) {
      throw new InvalidCandlesError(`${what}(): expects a candle object { ts_open, open, high, low, close, volume }, got ${candle === null ? 'null' : typeof candle}`, {});
    }
    const raw = candle.ts_open;
    if (!isNumberTs(raw) && typeof raw !== 'bigint') {
      throw new InvalidCandlesError(`${what}(): ts_open must be a finite number or a bigint (the bar's open time), got ${typeof raw === 'number' ? String(raw) : typeof raw}`, { column: 'ts_open' });
    }
    if (typeof this.lastTs === 'bigint' && typeof raw === 'number' && !Number.isInteger(raw)) {
      throw new InvalidCandlesError(`${what}(): ts_open ${raw} is not an integer, but this stream's open times are int64 (bigint)`, { column: 'ts_open' });
    }
    const ts = this.tsOf(raw);
    // The five fields by name, one property load each; a value to refuse takes refuseFields() (its message).
    const open = candle.open, high = candle.high, low = candle.low, close = candle.close, volume = candle.volume;
    if (!plainValue(open, false) || !plainValue(high, false) || !plainValue(low, false) || !plainValue(close, false) || !plainValue(volume, true)) refuseFields(candle, what);
    if (high !== undefined && low !== undefined && high < low) {
      throw new InvalidCandlesError(`${what}(): high ${high} is below low ${low}; check the fields`, { high, low });
    }
    const fields = this.fields;
    fields[0] = open ?? NaN;
    fields[1] = high ?? NaN;
    fields[2] = low ?? NaN;
    fields[3] = close ?? NaN;
    fields[4] = volume ?? NaN;
    const missing = (open === undefined ? 1 : 0) | (high === undefined ? 2 : 0) | (low === undefined ? 4 : 0) | (close === undefined ? 8 : 0) | (volume === undefined ? 16 : 0);
    if ((missing & this.baseMask) !== 0) {
      const col = this.baseColumns.find((c) => missing & (1 << CANDLE_COLUMNS.indexOf(c)))!;
      throw new MissingInputError(`${what}(): the candle has no '${col}', which ${this.indicator} reads with this grid; give it (NaN for a missing value)`, { column: col });
    }
    for (let k = 0; k < this.baseBar.length; k++) this.baseBar[k] = fields[this.baseField[k]!]!;
    this.deriveBar();
    return ts;
  }

  /** An open time in the kind of this stream's (bigint when its first bars gave bigints). */
  private tsOf(ts: Ts): Ts {
    if (this.lastTs === null) return ts;
    return typeof this.lastTs === 'bigint' ? BigInt(ts) : Number(ts);
  }

  /** this.bar from this.baseBar: each source, derived as the candle loader derives it. */
  private deriveBar(): void {
    for (let k = 0; k < this.sources.length; k++) {
      const at = this.sourceAt[k]!;
      if (at >= 0) this.bar[k] = this.baseBar[at]!;
      else derive(this.sources[k] as SourceName, this.baseView, this.barAt[k]!, 0, 1);
    }
  }

  /** The state before the next bar becomes the one update() rolls back to. */
  private commit(): void {
    if (this.stepper) this.committed!.set(this.stepper.state);
    else copyGaps(this.gapBefore, this.gapNow);
  }

  private rollback(): void {
    this.seen--;
    if (this.stepper) this.stepper.state.set(this.committed!);
    else {
      copyGaps(this.gapNow, this.gapBefore);
      this.kept!.pop();
    }
  }

  /**
   * Applies this.bar as bar number `seen`. 'row': computes its row now
   * (push, update); 'keep': neither the row nor dropping kept bars (a batch
   * of bars, finished by the caller).
   */
  private apply(ts: Ts, mode: 'row' | 'keep' = 'row'): void {
    const t = this.seen;
    this.seen = t + 1;
    this.lastTs = ts;
    this.lastBase.set(this.baseBar);
    if (this.stepper) {
      if (this.tailRing) this.keepBar(t);
      this.stepper.step(this.bar, this.rows64);
      return;
    }
    for (let i = 0; i < this.runs.length; i++) {
      for (const k of this.runs[i]!.inputs) if (this.bar[k] !== this.bar[k]) this.gapNow[i] = t;
    }
    const kept = this.kept!;
    kept.append(this.baseBar, this.bar, ts);
    if (mode === 'keep') return;
    // Keep what a revision of this bar could need: the runs as they were before it.
    kept.dropBefore(this.recomputeStart(t));
  }

  /** this.bar, bar t, into the stream's tail. */
  private keepBar(t: number): void {
    const ring = this.tailRing!, L = this.tailBars, at = t % L;
    for (let k = 0; k < this.bar.length; k++) ring[k * L + at] = this.bar[k]!;
  }

  /**
   * First bar a recompute of bar t (or a revision of it) reads: the start of
   * the earliest current run (every kernel restarts at a NaN bar, so the
   * values of a run do not depend on the bars before it), and at least the
   * grid's longest length back, so that no length is clamped to fewer bars
   * than compute() over every bar would clamp it to.
   */
  private recomputeStart(t: number): number {
    let s = t;
    for (const g of this.gapBefore) s = Math.min(s, g + 1);
    return Math.max(0, Math.min(s, t + 1 - this.longestAll));
  }

  /** Recomputes the kept bars with the batch kernel on this thread and writes the last row. */
  private recomputeLast(): void {
    const kept = this.kept!;
    const t = this.seen - 1;
    let from = t;
    for (const g of this.gapNow) from = Math.min(from, g + 1);
    from = Math.max(kept.front, Math.max(0, Math.min(from, t + 1 - this.longestAll)));
    const L = this.seen - from;
    const V = this.variants;
    const def = this.plan.def;
    // Lengths longer than the bars: clamped for the kernel and NaN in the row, as compute() does.
    let params = this.params;
    let mask: Uint8Array | null = null;
    if (L < this.longestAll) {
      params = this.params.map((c) => c.slice());
      def.params.forEach((p, k) => {
        if (p.kind !== 'int') return;
        const col = params[k]!;
        for (let v = 0; v < V; v++) {
          if (col[v]! <= L) continue;
          mask ??= new Uint8Array(V);
          mask[v] = 1;
          col[v] = Math.max(L, p.min);
        }
      });
    }
    const none = def.params.some((p) => p.kind === 'int' && p.min > L);
    const Ctor = this.dtype === 'float64' ? Float64Array : Float32Array;
    if (!none) {
      if (!this.runOut[0] || this.runOut[0].length < L * V) {
        this.runOut = def.outputs.map(() => new Ctor(Math.min(2 * L * V, Math.max(L * V, 2 * (this.runOut[0]?.length ?? 0)))));
      }
      const outs = def.outputs.map((_, k) => (this.selected.some((s) => s.k === k) ? this.runOut[k]!.subarray(0, L * V) : null));
      for (const r of this.runs) {
        this.host.backend.run({
          kernel: def.id, inputs: r.inputs.map((k) => kept.source(k, from)), t: L, params, v0: r.v0, v1: r.v1,
          outputs: outs, float64: this.dtype === 'float64', timeStride: V, variantStride: 1,
        });
      }
    }
    for (const s of this.selected) {
      const row = this.row.get(s.name)!;
      if (none) {
        row.fill(NaN);
        continue;
      }
      row.set(this.runOut[s.k]!.subarray((L - 1) * V, L * V));
      if (s.barIndex) for (let v = 0; v < V; v++) row[v] = row[v]! + from;
      if (mask) for (let v = 0; v < V; v++) if (mask[v]) row[v] = NaN;
    }
  }

  /** The row of the last bar, from the stepper's float64 rows (or recomputed). */
  private emitRow(): void {
    if (!this.stepper) {
      this.recomputeLast();
      return;
    }
    for (const { row, from } of this.emits) copyRow(row, from);
    this.maskLong(this.row, 0);
  }

  /** NaN for the variants with a length longer than the bars seen (compute() clamps and NaN-fills them). */
  private maskLong(arrays: Map<string, OutputArray>, at: number): void {
    if (this.seen >= this.longestAll) return;
    for (let v = 0; v < this.variants; v++) {
      if (this.longest[v]! <= this.seen) continue;
      for (const s of this.selected) arrays.get(s.name)![at + v] = NaN;
    }
  }

  /**
   * Reserves, before any change of state, an upper bound of the bytes the
   * state takes with `bars` kept bars (the recomputed path: bars, sources and
   * the kernel output over them, arrays at most twice their length) against
   * the engine's maxComputeBytesTotal; throws COMPUTE_BUDGET_EXCEEDED.
   */
  private reserveFor(bars: number): void {
    const rows = this.variants * this.outputs.length * (this.dtype === 'float64' ? 8 : 4);
    const want = this.stepper
      ? this.stateBytes
      : rows + 2 * bars * 8 * (this.baseColumns.length + this.sources.length + 1) + 2 * bars * this.variants * this.plan.def.outputs.length * (this.dtype === 'float64' ? 8 : 4);
    if (want <= this.budget.reserved) return;
    this.host.reserve(want - this.budget.reserved, this.indicator);
    this.budget.reserved = want;
  }

  /** The grid as explicit axis values (checkpoints, pushMany's compute). */
  gridSpec(): GridSpec {
    return Object.fromEntries(this.plan.grid.axes.map((a) => [a.name, [...a.values]]));
  }

  /** @internal: the state for a checkpoint (see checkpoint.ts). */
  exportState(): StreamState {
    return {
      barsSeen: this.seen, lastTs: this.lastTs, gapNow: this.gapNow.slice(), gapBefore: this.gapBefore.slice(),
      lastBase: this.lastBase.slice(),
      committed: this.committed ? this.committed.slice() : null,
      kept: this.kept ? this.kept.snapshot() : null,
    };
  }

  /** @internal: the shape a checkpoint's state must have to load into this stream. */
  stateShape(): { baseColumns: number; sources: number; runs: number; committed: number | null } {
    return { baseColumns: this.baseColumns.length, sources: this.sources.length, runs: this.runs.length, committed: this.committed ? this.committed.length : null };
  }

  /**
   * @internal: loads a checkpoint's state (its shape already checked). A
   * stepped stream rolls back to the committed state and re-applies the last
   * bar, which gives its row (and its state) again.
   */
  importState(s: StreamState): void {
    this.lastTs = s.lastTs;
    this.gapBefore = s.gapBefore;
    this.gapNow = s.gapNow;
    this.seen = s.barsSeen;
    this.tailFrom = s.barsSeen;
    if (this.stepper) {
      this.committed!.set(s.committed!);
      if (this.seen === 0) return;
      this.stepper.state.set(this.committed!);
      this.gapNow = this.gapBefore.slice();
      this.seen--;
      this.baseBar.set(s.lastBase);
      this.deriveBar();
      this.apply(s.lastTs!);
      this.emitRow();
      return;
    }
    this.lastBase.set(s.lastBase);
    const k = s.kept!;
    this.reserveFor(k.ts.length);
    this.kept!.restore(k.front, k.base, k.sources, k.ts);
    if (this.seen > 0) this.recomputeLast();
  }
}

/** A candle field push() takes as it is: absent, NaN (missing) or finite (a volume also >= 0). */
function plainValue(v: unknown, isVolume: boolean): boolean {
  return v === undefined || (typeof v === 'number' && !refusedValue(v, isVolume));
}

/** Throws the error for the first field of the candle, in CANDLE_COLUMNS order, that push() refuses. */
function refuseFields(candle: StreamCandle, what: string): void {
  for (const col of CANDLE_COLUMNS) {
    const v = (candle as unknown as Record<string, unknown>)[col];
    if (v === undefined) continue;
    if (typeof v !== 'number') throw new InvalidCandlesError(`${what}(): ${col} must be a number (NaN for a missing value), got ${v === null ? 'null' : typeof v}`, { column: col });
    if (!refusedValue(v, col === 'volume')) continue;
    if (col === 'volume' && v < 0 && Number.isFinite(v)) throw new InvalidCandlesError(`${what}(): volume is negative (${v}); volume must be >= 0`, { column: col, value: v });
    throw new InvalidCandlesError(`${what}(): ${col} is ${v}; use NaN for a missing value`, { column: col });
  }
}

/** One list's numbers into another of the same length, in place (push() allocates nothing for it). */
function copyGaps(to: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) to[i] = from[i]!;
}

/**
 * A stepper's float64 row into a stream's row: a float32 row by a loop, which
 * rounds as set() does and, for a few hundred values, costs about half of
 * set()'s converting copy.
 */
function copyRow(to: OutputArray, from: Float64Array): void {
  if (to instanceof Float64Array) to.set(from);
  else for (let i = 0; i < from.length; i++) to[i] = from[i]!;
}

/** Everything a checkpoint holds besides the request. */
export interface StreamState {
  barsSeen: number;
  lastTs: Ts | null;
  /** Per source run: absolute index of the last bar with a NaN input, through the last bar and through the one before (-1 in a stepped stream). */
  gapNow: number[];
  gapBefore: number[];
  lastBase: Float64Array;
  /** A stepped stream's state before its last bar. */
  committed: Float64Array | null;
  kept: ReturnType<KeptBars['snapshot']> | null;
}

/** Streams dropped without close() give their budget back when collected. */
const UNCLOSED = new FinalizationRegistry<{ host: StreamHost; budget: { reserved: number } }>(({ host, budget }) => host.reserve(-budget.reserved, ''));

/** Shortest batch worth a kernel call over a prelude (fewer bars step in TypeScript). */
const PRELUDE_MIN_BARS = 64;

/** planRequest's memory model for a stream: its state is accounted by the stream itself. */
const NO_MEMORY = { threads: 0, scratchBytes: () => 0, pooledBytes: () => 0 };

/** Opens a stream on a warmed-up engine's host (engine.stream()). */
export async function openStream(host: StreamHost, request: StreamRequest): Promise<IndicatorStream> {
  const req = requireRequest(request, 'stream()', STREAM_KEYS) as unknown as StreamRequest;
  const history = req.history === undefined ? null : loadCandles(req.history);
  const stream = new IndicatorStream(host, req);
  try {
    if (history) await stream.warm(history);
  } catch (e) {
    stream.close();
    throw e;
  }
  return stream;
}
