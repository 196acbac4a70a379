import type { Grid } from '../grid/grid.js';
import type { SourceName } from '../registry/index.js';

export interface Chunk {
  /** Source axis name -> the series this chunk's variants read (empty without source axes). */
  sources: Readonly<Record<string, SourceName>>;
  v0: number;
  v1: number;
}

/** Chunk sizes are multiples of this many variants (16 float32 = one 64-byte line of a time-major row). */
export const CHUNK_ALIGN = 16;

/**
 * What cutting a wasm time-major block into chunks costs per bar, in values
 * of a cheap kernel: each chunk's tile rows are no longer whole output rows,
 * so they go out with one TypedArray.set per row instead of one per tile, and
 * each chunk's kernel call redoes its per-bar work over fewer lanes. Measured
 * with the second core idle (wall time at T = 525,600): the default grids of
 * cheap chains gain by splitting (196 variants: TRIX 499 -> 340 ms, SUM 431
 * -> 320 ms), and so do costly kernels of 27 variants cut 16 + 11 (ULTOSC
 * 1096 -> 727 ms); MOM's 100 variants (50 values saved per bar) measured no
 * gain under load and stay one chunk.
 */
export const WASM_SPLIT_ROW_VALUES = 60;

/**
 * Whether a wasm time-major block of `variants` (one chunk by default, its
 * tiles copied out whole) is better cut over `threads`: when the compute it
 * moves to the other threads per bar, variants x cost x (1 - 1/k) in values
 * of a cheap kernel (`cost`: IndicatorDef.cost), is more than the split costs.
 * The last chunk may be narrower than CHUNK_ALIGN (27 variants: 16 + 11).
 */
export function wasmSplitPays(variants: number, cost: number, threads: number): boolean {
  const k = Math.min(threads, Math.ceil(variants / CHUNK_ALIGN));
  return k >= 2 && variants * cost * (1 - 1 / k) > WASM_SPLIT_ROW_VALUES;
}

/**
 * Groups variants by input sources (contiguous, since the source axes come
 * first) and cuts the groups into chunks. Chunks are as wide as balance
 * allows: each kernel call redoes its per-call work (prefix sums, true
 * range, ...) and writes time-major rows only as wide as its chunk, so
 * splitting a group costs real time (narrow time-major rows are written
 * several times slower). A group is split only to give every thread work,
 * or to keep a chunk under `maxValuesPerChunk` (progress is reported between
 * chunks; native kernels check for cancellation inside blocks, wasm kernels
 * between blocks).
 */
export function planChunks(grid: Grid, t: number, threads: number, opts: { minValuesPerChunk?: number; maxValuesPerChunk?: number } = {}): Chunk[] {
  const perThread = Math.ceil(grid.variants / Math.max(1, threads));
  const most = Math.max(CHUNK_ALIGN, Math.floor((opts.maxValuesPerChunk ?? Infinity) / Math.max(1, t)));
  const least = Math.ceil((opts.minValuesPerChunk ?? 0) / Math.max(1, t));
  const size = Math.max(CHUNK_ALIGN, least, Math.min(perThread, most));
  const chunks: Chunk[] = [];
  for (const run of grid.sourceRuns()) {
    const len = run.v1 - run.v0;
    const parts = Math.ceil(len / size);
    const step = Math.ceil(len / parts / CHUNK_ALIGN) * CHUNK_ALIGN;
    for (let v0 = run.v0; v0 < run.v1; v0 += step) chunks.push({ sources: run.sources, v0, v1: Math.min(run.v1, v0 + step) });
  }
  return chunks;
}
