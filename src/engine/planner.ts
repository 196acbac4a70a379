import type { Grid } from '../grid/grid.js';
import type { SourceName } from '../registry/index.js';

export interface Chunk {
  source: SourceName | null;
  v0: number;
  v1: number;
}

/** Variants per kernel block (native/abi.h kBlock); chunks are cut on its multiples. */
export const KERNEL_BLOCK = 16;

/**
 * Groups variants by input source (contiguous, since source is the first
 * axis) and cuts each group into chunks of similar work: about
 * `chunksPerThread` chunks per thread overall, so threads stay busy to the
 * end, each a multiple of the kernel block.
 */
export function planChunks(grid: Grid, t: number, threads: number, opts: { chunksPerThread?: number; minValuesPerChunk?: number } = {}): Chunk[] {
  const chunksPerThread = opts.chunksPerThread ?? 4;
  const minValues = opts.minValuesPerChunk ?? 1 << 20;
  const target = Math.ceil(grid.variants / (threads * chunksPerThread));
  const floor = Math.ceil(minValues / Math.max(1, t));
  let size = Math.max(target, floor, 1);
  size = Math.ceil(size / KERNEL_BLOCK) * KERNEL_BLOCK;
  const chunks: Chunk[] = [];
  for (const run of grid.sourceRuns()) {
    for (let v0 = run.v0; v0 < run.v1; v0 += size) chunks.push({ source: run.source, v0, v1: Math.min(run.v1, v0 + size) });
  }
  return chunks;
}
