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
