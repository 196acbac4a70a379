import type { Table } from 'apache-arrow';
import type { OutputArray } from '../backends/types.js';
import { ComputeResult, type ResultMeta } from '../engine/result.js';
import { ComputeBudgetExceededError, GridValidationError } from '../errors.js';
import { buildGrid, Grid, listAxis, type AxisValue, type VariantParams } from '../grid/grid.js';
import { resultLookback } from '../engine/history.js';
import { getIndicator, isSourceInput, resolveIndicator } from '../registry/index.js';
import { column, readIpc } from './arrow-io.js';
import { ResultUnavailableError } from './errors.js';
import { shardGrid, shardKey, specShards, type JobSpec, type Shard } from './plan.js';
import type { ClusterStore } from './store.js';

/** What a worker records in each shard file beside the values (no timing or host: a redelivery writes the same bytes). */
export interface ShardMeta { job: string; v0: number; v1: number; t: number; part: string }

/**
 * One shard of a finished job: variants [v0, v1) of the whole grid. Nothing
 * is read until asked for; each call reads its file from the store.
 */
export class ShardResult {
  readonly index: number;
  readonly v0: number;
  readonly v1: number;
  private readonly spec: JobSpec;
  private readonly job: string;
  private readonly store: ClusterStore;
  private readonly tsOpen: () => Promise<BigInt64Array | Float64Array>;

  constructor(spec: JobSpec, job: string, shard: Shard, store: ClusterStore, tsOpen: () => Promise<BigInt64Array | Float64Array>) {
    this.spec = spec;
    this.job = job;
    this.index = shard.index;
    this.v0 = shard.v0;
    this.v1 = shard.v1;
    this.store = store;
    this.tsOpen = tsOpen;
  }

  get variants(): number {
    return this.v1 - this.v0;
  }

  private async read(part: string): Promise<{ values: OutputArray; meta: ShardMeta }> {
    if (!this.spec.keepTensor) {
      throw new ResultUnavailableError(`job ${this.job} kept only the reducer's summaries (submit with keepTensor: true to keep the tensor too); use result.summary()`, { job: this.job });
    }
    const key = shardKey(this.job, this, part);
    const { table, meta } = readIpc(await this.store.get(key), key);
    if (meta.job !== this.job || meta.v0 !== this.v0 || meta.v1 !== this.v1 || meta.part !== part) {
      throw new ResultUnavailableError(`${key} holds ${JSON.stringify({ job: meta.job, v0: meta.v0, v1: meta.v1 })}, not this shard; the store was altered`, { key });
    }
    return { values: column(table, part, this.spec.t * this.variants, this.spec.dtype === 'float64', key), meta: meta as unknown as ShardMeta };
  }

  /** This shard's values of one output: t x (v1 - v0), in the job's layout. */
  async values(output?: string): Promise<OutputArray> {
    return (await this.read(checkOutput(this.spec, output))).values;
  }

  /**
   * The shard as a ComputeResult over its own sub-grid (variant k here is
   * variant v0 + k of the job). It was computed on a worker: meta has no
   * timing (computeMs NaN, numThreads 0); the worker's log has it.
   */
  async result(): Promise<ComputeResult> {
    const arrays = new Map<string, OutputArray>();
    for (const o of this.spec.outputs) arrays.set(o, (await this.read(o)).values);
    const def = getIndicator(this.spec.indicator);
    const grid = buildGrid(def, shardGrid(this.spec, this.v0, this.v1), { maxVariants: this.variants });
    return new ComputeResult({
      indicator: this.spec.indicator, grid, layout: this.spec.layout, dtype: this.spec.dtype, t: this.spec.t, arrays,
      tsOpen: await this.tsOpen(), meta: WORKER_META,
      lookback: resultLookback(resolveIndicator(this.spec.indicator), this.spec.t),
    });
  }

  /** ts_open and one column per (output, variant), as ComputeResult.toArrow(). */
  async toArrow(): Promise<Table> {
    return (await this.result()).toArrow();
  }
}

function checkOutput(spec: JobSpec, output: string | undefined): string {
  const name = output ?? spec.outputs[0]!;
  if (!spec.outputs.includes(name)) throw new GridValidationError(`${spec.indicator}: no output '${name}' in this result; it has ${spec.outputs.join(', ')}`, { output: name });
  return name;
}

const WORKER_META: ResultMeta = { computeMs: NaN, backend: 'native', numThreads: 0, chunks: 0, neverWarm: NaN };

/** Default cap for assembling a whole tensor in memory. */
export const MAX_RESULT_BYTES = 2 ** 31;

/**
 * The result of a cluster job: the grid (variant(i), indexOf(p)), and the
 * tensor as shard files in the store, read lazily. values() assembles the
 * whole tensor (or a variant range) when it fits; shards gives each piece.
 */
export class ClusterResult {
  readonly id: string;
  readonly indicator: string;
  readonly t: number;
  readonly variants: number;
  readonly outputs: readonly string[];
  readonly layout: JobSpec['layout'];
  readonly dtype: JobSpec['dtype'];
  readonly axes: readonly { name: string; values: readonly AxisValue[] }[];
  readonly shards: readonly ShardResult[];
  readonly reducer: string | null;
  private readonly grid: Grid;
  private readonly spec: JobSpec;
  private readonly store: ClusterStore;
  private readonly maxResultBytes: number;
  private ts: Promise<BigInt64Array | Float64Array> | null = null;

  constructor(id: string, spec: JobSpec, store: ClusterStore, opts: { maxResultBytes?: number } = {}) {
    this.id = id;
    this.spec = spec;
    this.store = store;
    this.indicator = spec.indicator;
    this.t = spec.t;
    this.variants = spec.variants;
    this.outputs = spec.outputs;
    this.layout = spec.layout;
    this.dtype = spec.dtype;
    this.axes = spec.axes;
    this.reducer = spec.reducer;
    this.maxResultBytes = opts.maxResultBytes ?? MAX_RESULT_BYTES;
    this.grid = new Grid(spec.axes.map((a) => listAxis(a.name, isSourceInput(a.name) ? 'source' : typeof a.values[0] === 'string' ? 'choice' : 'float', a.values)));
    const tsOpen = () => (this.ts ??= this.readTsOpen());
    this.shards = specShards(spec).map((s) => new ShardResult(spec, id, s, store, tsOpen));
  }

  private async readTsOpen(): Promise<BigInt64Array | Float64Array> {
    const { table } = readIpc(await this.store.get(this.spec.candles), this.spec.candles);
    const ts = table.getChild('ts_open')?.toArray() as BigInt64Array | Float64Array | undefined;
    if (!ts || ts.length !== this.t) throw new ResultUnavailableError(`${this.spec.candles} has no ts_open of ${this.t} rows`, { key: this.spec.candles });
    return ts;
  }

  variant(i: number): VariantParams {
    return this.grid.variant(i);
  }

  indexOf(params: Readonly<Record<string, AxisValue>>): number {
    return this.grid.indexOf(params);
  }

  /** The shard holding variant v. */
  shardOf(v: number): ShardResult {
    this.grid.variant(v); // range check with the usual error
    let lo = 0, hi = this.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.shards[mid]!.v0 <= v) lo = mid; else hi = mid - 1;
    }
    return this.shards[lo]!;
  }

  /**
   * Values of one output for variants [v0, v1) (default: all), assembled
   * from the shards in the job's layout: time-major t x (v1 - v0), or
   * variant-major (v1 - v0) x t. Refused above maxResultBytes: read
   * result.shards one at a time instead.
   */
  async values(output?: string, range: { v0: number; v1: number } = { v0: 0, v1: this.variants }): Promise<OutputArray> {
    const name = checkOutput(this.spec, output);
    const { v0, v1 } = range;
    if (!Number.isInteger(v0) || !Number.isInteger(v1) || v0 < 0 || v1 > this.variants || v0 >= v1) {
      throw new GridValidationError(`variant range [${v0}, ${v1}) is not inside [0, ${this.variants})`, { v0, v1, variants: this.variants });
    }
    const width = v1 - v0;
    const Ctor = this.dtype === 'float64' ? Float64Array : Float32Array;
    const bytes = this.t * width * Ctor.BYTES_PER_ELEMENT;
    if (bytes > this.maxResultBytes) {
      throw new ComputeBudgetExceededError(
        `values('${name}') of ${width} variants x ${this.t} candles is ${(bytes / 2 ** 30).toFixed(2)} GiB, above maxResultBytes ${(this.maxResultBytes / 2 ** 30).toFixed(2)} GiB; read a variant range or result.shards one at a time`,
        { t: this.t, variants: width, bytesOut: bytes, bytesTotalEst: bytes, maxComputeBytesTotal: this.maxResultBytes },
      );
    }
    const out = new Ctor(this.t * width);
    for (const s of this.shards) {
      if (s.v1 <= v0 || s.v0 >= v1) continue;
      const a = await s.values(name);
      const w = s.variants, lo = Math.max(s.v0, v0), hi = Math.min(s.v1, v1);
      if (this.layout === 'variant-major') {
        out.set(a.subarray((lo - s.v0) * this.t, (hi - s.v0) * this.t), (lo - v0) * this.t);
      } else {
        // Rows of a shard are narrow (tens to thousands of values): a plain loop beats a subarray per row.
        const n = hi - lo;
        for (let t = 0, src = lo - s.v0, dst = lo - v0; t < this.t; t++, src += w, dst += width) {
          for (let k = 0; k < n; k++) out[dst + k] = a[src + k]!;
        }
      }
    }
    return out;
  }

  /**
   * The reducer's per-variant summaries of every shard, in variant order:
   * one row per variant, a `variant` column and the reducer's columns.
   */
  async summary(): Promise<Table> {
    if (!this.reducer) throw new ResultUnavailableError(`job ${this.id} ran without a reducer: there is no summary; submit with reducer: PATH`, { job: this.id });
    const { tableFromArrays } = await import('apache-arrow');
    const merged: Record<string, Float64Array> = {};
    const variant = new Float64Array(this.variants);
    for (let v = 0; v < this.variants; v++) variant[v] = v;
    for (const s of this.shards) {
      const key = shardKey(this.id, s, 'summary');
      const { table } = readIpc(await this.store.get(key), key);
      for (const f of table.schema.fields) {
        merged[f.name] ??= new Float64Array(this.variants).fill(NaN);
        merged[f.name]!.set(column(table, f.name, s.variants, true, key), s.v0);
      }
    }
    return tableFromArrays({ variant, ...merged });
  }
}
