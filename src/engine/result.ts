import { Float32, Float64, Int64, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import { GridValidationError, ResultReleasedError } from '../errors.js';
import type { Axis, AxisValue, Grid, VariantParams } from '../grid/grid.js';
import type { BackendName, OutputArray } from '../backends/types.js';
import { leaseOf, releaseLease, type Lease } from './outputs.js';

export type Layout = 'time-major' | 'variant-major';
export type Dtype = 'float32' | 'float64';

export interface ResultMeta {
  computeMs: number;
  backend: BackendName;
  numThreads: number;
  /** Kernel calls the request was cut into. */
  chunks: number;
  /** Variants NaN throughout because the candles are shorter than their lookback (e.g. a window longer than the series). */
  neverWarm: number;
}

/**
 * A computed tensor: for each selected output, t x variants values over one
 * buffer (time-major: value (t, v) at t * variants + v; variant-major: at
 * v * t + t). The arrays are views, not copies.
 *
 * release() (or `using r = await engine.compute(...)`) hands the buffer back
 * to the engine for the next call of a fitting size, which then skips the
 * page faults of fresh memory. After it the accessors throw
 * ResultReleasedError; arrays taken from the result before (values(), a
 * variant-major series(), toArrow() columns) are views of a buffer another
 * call may now be writing, and must not be used. A result that is never
 * released is collected as usual.
 */
export class ComputeResult {
  readonly indicator: string;
  readonly t: number;
  readonly variants: number;
  readonly layout: Layout;
  readonly dtype: Dtype;
  readonly axes: readonly { name: string; values: readonly AxisValue[] }[];
  readonly outputs: readonly string[];
  readonly meta: ResultMeta;
  readonly tsOpen: BigInt64Array | Float64Array;
  private readonly grid: Grid;
  private readonly arrays: ReadonlyMap<string, OutputArray>;
  private readonly lookbackOf: (output: string, params: VariantParams) => number;
  /** The pool lease of the buffer, when the engine allocated it (not a caller-owned `out`). */
  private readonly lease: Lease | null;
  private isReleased = false;

  constructor(args: {
    indicator: string; grid: Grid; layout: Layout; dtype: Dtype; t: number;
    arrays: Map<string, OutputArray>; meta: ResultMeta; tsOpen: BigInt64Array | Float64Array;
    /** First valid bar of an output for a variant's params (variantLookback for this call). */
    lookback: (output: string, params: VariantParams) => number;
  }) {
    this.indicator = args.indicator;
    this.grid = args.grid;
    this.t = args.t;
    this.variants = args.grid.variants;
    this.layout = args.layout;
    this.dtype = args.dtype;
    this.axes = args.grid.axes.map((a: Axis) => ({ name: a.name, values: a.values }));
    this.arrays = args.arrays;
    this.lookbackOf = args.lookback;
    this.outputs = [...args.arrays.keys()];
    this.meta = args.meta;
    this.tsOpen = args.tsOpen;
    const first = args.arrays.values().next().value;
    this.lease = first ? leaseOf(first.buffer) : null;
  }

  /** True once release() was called. */
  get released(): boolean {
    return this.isReleased;
  }

  /**
   * Gives the output buffer back for reuse by a later call. Idempotent. The
   * values are gone for this result: copy what you keep first.
   */
  release(): void {
    if (this.isReleased) return;
    this.isReleased = true;
    const first = this.arrays.values().next().value;
    if (first) releaseLease(this.lease, first.buffer);
  }

  /** release(), for `using result = await engine.compute(...)`. */
  [Symbol.dispose](): void {
    this.release();
  }

  /** All values of one output, length t * variants, in the result's layout. */
  values(output?: string): OutputArray {
    if (this.isReleased) {
      throw new ResultReleasedError(`${this.indicator}: this result was released and its buffer may hold another call's output; read values before release(), or copy them (values().slice())`, { indicator: this.indicator });
    }
    return this.arrays.get(this.outputName(output))!;
  }

  private outputName(output: string | undefined): string {
    const name = output ?? this.outputs[0]!;
    if (!this.arrays.has(name)) throw new GridValidationError(`${this.indicator}: no output '${name}' in this result; it has ${this.outputs.join(', ')}`, { output: name });
    return name;
  }

  /**
   * First valid bar of one output of variant v on gap-free candles: the
   * output's lookback formula (listIndicators()[i].lookback) evaluated on the
   * variant's params. Bars before it are NaN. A variant with a length longer
   * than the series is NaN throughout and gives at least t; in general a value
   * >= t means no value on these candles. After a NaN gap in the candles the
   * output warms up again, that many valid bars after the gap.
   */
  lookback(output: string, v: number): number {
    return this.lookbackOf(this.outputName(output), this.grid.variant(v));
  }

  /** Parameters of variant i. */
  variant(i: number): VariantParams {
    return this.grid.variant(i);
  }

  /** Index of the variant with these parameters, or -1. */
  indexOf(params: Readonly<Record<string, AxisValue>>): number {
    return this.grid.indexOf(params);
  }

  /** The value at bar t of variant v (convenient, not fast: use values() in loops). */
  at(output: string, t: number, v: number): number {
    const a = this.values(output);
    return this.layout === 'time-major' ? a[t * this.variants + v]! : a[v * this.t + t]!;
  }

  /** The t values of one variant; a view in variant-major layout, a copy in time-major. */
  series(output: string, v: number): OutputArray {
    const a = this.values(output);
    if (this.layout === 'variant-major') return a.subarray(v * this.t, (v + 1) * this.t);
    const out = this.dtype === 'float64' ? new Float64Array(this.t) : new Float32Array(this.t);
    for (let i = 0; i < this.t; i++) out[i] = a[i * this.variants + v]!;
    return out;
  }

  /** Column name used by toArrow(): `output{axis=value,...}`. */
  columnName(output: string, v: number): string {
    const p = this.variant(v);
    return `${output}{${Object.entries(p).map(([k, x]) => `${k}=${x}`).join(',')}}`;
  }

  /**
   * An Arrow Table: ts_open (int64) and one column per (output, variant).
   * In variant-major layout the columns are zero-copy views of the result.
   */
  toArrow(): Table {
    const cols: Record<string, Vector> = {};
    const ts = this.tsOpen instanceof BigInt64Array ? this.tsOpen : BigInt64Array.from(this.tsOpen, (x) => BigInt(Math.round(x)));
    cols['ts_open'] = makeVector(makeData({ type: new Int64(), data: ts, length: this.t }));
    for (const name of this.outputs) {
      for (let v = 0; v < this.variants; v++) {
        const data = this.series(name, v);
        const type = this.dtype === 'float64' ? new Float64() : new Float32();
        cols[this.columnName(name, v)] = makeVector(makeData({ type, data, length: this.t } as never));
      }
    }
    return new Table(cols);
  }
}
