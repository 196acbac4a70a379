import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countCandles, loadCandles, type Candles } from '../candles/candles.js';
import { ComputeBudgetExceededError, InvalidRequestError } from '../errors.js';
import type { AxisValue, GridSpec } from '../grid/grid.js';
import { COMPUTE_KEYS, OVERHEAD_BYTES, planRequest, requireRequest, type MemoryModel, type Plan } from '../engine/request.js';
import type { Dtype, Layout } from '../engine/result.js';

/** Options of compute() that make no sense across machines, refused rather than ignored. */
const LOCAL_ONLY = ['signal', 'onProgress', 'timeoutMs', 'out'] as const;

/** What a worker needs to compute any shard of a job; stored once as `results/<id>/request.json`. */
export interface JobSpec {
  version: 1;
  /** ta-grid version that planned it: results of another version are another job. */
  taGrid: string;
  indicator: string;
  t: number;
  variants: number;
  axes: { name: string; values: AxisValue[] }[];
  outputs: string[];
  dtype: Dtype;
  layout: Layout;
  /** Store key of the candles (content-addressed). */
  candles: string;
  /** Shards cut along this axis: axes before it are fixed, after it whole. */
  splitAxis: number;
  /** Values of the split axis per shard (the last shard of a run may hold fewer). */
  splitWidth: number;
  reducer: string | null;
  /** sha256 of the reducer's source at submit: a changed reducer is another job, and workers check they load the same. */
  reducerHash: string | null;
  keepTensor: boolean;
}

export interface Shard {
  index: number;
  v0: number;
  v1: number;
}

export interface ShardLimits {
  /** A worker's maxComputeBytesTotal: each shard's estimate stays under it. */
  workerBudgetBytes: number;
  /** Target output bytes per shard (smaller shards: finer retries and progress, more jobs). */
  shardBytes: number;
  maxVariants: number;
}

export interface ClusterRequest {
  indicator: string;
  candles: unknown;
  grid?: GridSpec;
  outputs?: readonly string[];
  layout?: Layout;
  dtype?: Dtype;
  /** Module path the workers load (they must allow it) to turn each shard into a per-variant summary. */
  reducer?: string;
  /** With a reducer, also store the raw tensor (default false: only summaries are kept). */
  keepTensor?: boolean;
}

/**
 * Validates a request exactly as compute() does (same planner, same coded
 * errors, same order: indicator and grid, then candles, then lengths and
 * inputs), except the memory guard, which applies per shard.
 */
export function validateRequest(request: unknown, limits: ShardLimits): { plan: Plan; candles: Candles; reducer: string | null; reducerHash: string | null; keepTensor: boolean } {
  const req = requireRequest(request, 'submit()', [...COMPUTE_KEYS, 'reducer', 'keepTensor']);
  for (const k of LOCAL_ONLY) {
    if (req[k] !== undefined) {
      throw new InvalidRequestError(`submit() does not take '${k}': a cluster job is cancelled with job.cancel(), watched with job.on('progress') and has no caller buffer`, { option: k });
    }
  }
  if (req.reducer !== undefined && (typeof req.reducer !== 'string' || req.reducer.length === 0)) {
    throw new InvalidRequestError(`reducer must be a module path the workers allow (ta-grid worker --reducer PATH), got ${JSON.stringify(req.reducer)}`, { reducer: req.reducer });
  }
  if (req.keepTensor !== undefined && typeof req.keepTensor !== 'boolean') {
    throw new InvalidRequestError(`keepTensor must be true or false, got ${JSON.stringify(req.keepTensor)}`, { keepTensor: req.keepTensor });
  }
  const unbounded = { maxVariants: limits.maxVariants, maxComputeBytesTotal: Number.MAX_SAFE_INTEGER, indicatorGrids: {} };
  // The memory guard applies per shard (planShards), so the whole plan is only checked for its shape here.
  const noMemory: MemoryModel = { threads: 0, scratchBytes: () => 0, pooledBytes: () => 0 };
  const plan = planRequest(req, countCandles(req.candles), unbounded, noMemory);
  const candles = loadCandles(req.candles);
  // A missing column fails here, as in compute(), before anything is stored.
  for (const s of plan.sources) candles.checkReadable(s);
  const reducer = (req.reducer as string | undefined) ?? null;
  return { plan, candles, reducer, reducerHash: reducer === null ? null : reducerHash(reducer), keepTensor: req.keepTensor === true || reducer === null };
}

/** The reducer's source hash; the module must be readable where the job is submitted. */
export function reducerHash(file: string): string {
  let source: Buffer;
  try {
    source = readFileSync(path.resolve(file));
  } catch (e) {
    throw new InvalidRequestError(`reducer ${file} cannot be read here (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); give a path to the same module the workers load`, { reducer: file });
  }
  return sha256(source);
}

/** Most variants one shard may hold under the limits (at least 1, or the request cannot run anywhere). */
export function shardVariants(plan: Plan, limits: ShardLimits): number {
  const { t, outputs } = plan.estimate;
  const perVariant = t * outputs * (plan.dtype === 'float64' ? 8 : 4);
  const estimate = (v: number) => v * perVariant + Math.ceil(0.2 * v * perVariant) + OVERHEAD_BYTES;
  // Arrow vectors and typed arrays index with 32 bits: one output of one shard stays below 2^31 values.
  let most = Math.min(Math.floor(limits.shardBytes / perVariant), Math.floor((2 ** 31 - 1) / t), plan.grid.variants);
  most = Math.max(most, 1);
  while (most > 1 && estimate(most) > limits.workerBudgetBytes) most = Math.floor(most * 0.9);
  if (estimate(most) > limits.workerBudgetBytes) {
    const bytesOut = perVariant;
    throw new ComputeBudgetExceededError(
      `${plan.indicator.id}: one variant over ${t} candles needs about ${(estimate(1) / 2 ** 20).toFixed(1)} MiB, above the workers' budget of ${(limits.workerBudgetBytes / 2 ** 20).toFixed(1)} MiB; split the candles or raise workerBudgetBytes (and the workers' maxComputeBytesTotal)`,
      { t, variants: 1, bytesOut, bytesTotalEst: estimate(1), maxComputeBytesTotal: limits.workerBudgetBytes },
    );
  }
  return most;
}

/**
 * Cuts the variant order into shards that are each a sub-grid: the axes
 * before the split axis hold one value, the split axis a run of values, the
 * axes after it all their values. So a shard is a contiguous variant range
 * [v0, v1) and, at the same time, a grid a worker computes with compute().
 */
export function cutShards(axisSizes: readonly number[], most: number): { splitAxis: number; splitWidth: number; shards: Shard[] } {
  if (axisSizes.length === 0) return { splitAxis: -1, splitWidth: 1, shards: [{ index: 0, v0: 0, v1: 1 }] };
  const radix = radixes(axisSizes);
  let a = 0;
  while (radix[a]! > most) a++;
  const size = axisSizes[a]!;
  // Balanced: the fewest slices that fit, as even as possible.
  const slices = Math.ceil(size / Math.max(1, Math.floor(most / radix[a]!)));
  const width = Math.ceil(size / slices);
  return { splitAxis: a, splitWidth: width, shards: shardsOf(axisSizes, a, width) };
}

function radixes(axisSizes: readonly number[]): number[] {
  const radix = new Array<number>(axisSizes.length);
  let r = 1;
  for (let a = axisSizes.length - 1; a >= 0; a--) { radix[a] = r; r *= axisSizes[a]!; }
  return radix;
}

function shardsOf(axisSizes: readonly number[], a: number, width: number): Shard[] {
  if (a < 0) return [{ index: 0, v0: 0, v1: 1 }];
  const radix = radixes(axisSizes);
  const size = axisSizes[a]!;
  const outer = axisSizes.slice(0, a).reduce((x, y) => x * y, 1);
  const shards: Shard[] = [];
  for (let p = 0; p < outer; p++) {
    for (let k = 0; k < size; k += width) {
      const v0 = (p * size + k) * radix[a]!;
      shards.push({ index: shards.length, v0, v1: v0 + Math.min(width, size - k) * radix[a]! });
    }
  }
  return shards;
}

/** The explicit grid of shard [v0, v1) of a job (every axis given, so worker defaults never apply). */
export function shardGrid(spec: JobSpec, v0: number, v1: number): GridSpec {
  const grid: Record<string, AxisValue[]> = {};
  const radix = radixes(spec.axes.map((a) => a.values.length));
  spec.axes.forEach((axis, a) => {
    const digit = (v: number) => Math.floor(v / radix[a]!) % axis.values.length;
    if (a < spec.splitAxis) grid[axis.name] = [axis.values[digit(v0)]!];
    else if (a === spec.splitAxis) grid[axis.name] = axis.values.slice(digit(v0), digit(v1 - 1) + 1);
    else grid[axis.name] = axis.values;
  });
  return grid;
}

/** Shards of a stored spec, in order (the same cut the client made). */
export function specShards(spec: JobSpec): Shard[] {
  return shardsOf(spec.axes.map((a) => a.values.length), spec.splitAxis, spec.splitWidth);
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Job id: a hash of everything that decides the result, so one request is one job however often it is submitted. */
export function jobId(spec: JobSpec): string {
  return `tg-${sha256(JSON.stringify(spec)).slice(0, 32)}`;
}

export const shardJobId = (job: string, s: Shard): string => `${job}-${s.v0}-${s.v1}`;
export const shardKey = (job: string, s: { v0: number; v1: number }, part: string): string => `results/${job}/${s.v0}-${s.v1}.${part}.arrow`;
export const specKey = (job: string): string => `results/${job}/request.json`;
export const manifestKey = (job: string): string => `results/${job}/manifest.json`;
