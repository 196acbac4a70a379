import type { SourceName } from '../registry/index.js';

export interface Chunk {
  source: SourceName | null;
  v0: number;
  v1: number;
}

/** Contiguous variant ranges sharing one input source. */
export interface SourceRun {
  source: SourceName | null;
  v0: number;
  v1: number;
}

/** Chunk sizes are multiples of this many variants (16 float32 = one 64-byte line of a time-major row). */
export const CHUNK_ALIGN = 16;

export interface CutOptions {
  /** Values (bars x variants x outputs) per variant. */
  valuesPerVariant: number;
  /** Threads the chunks run on: no chunk is wider than a thread's share of the grid. */
  threads: number;
  /** Expected cost before any chunk has run (the kernel's calibration). */
  nsPerValue: number;
  /** A chunk is at least this much work, so dispatch and per-call setup stay small... */
  minNs: number;
  /** ...and at most this much (progress, and aborts on kernels that only check between blocks). */
  maxNs: number;
}

/**
 * Cuts source runs into chunks as they are needed, sized by time rather than
 * by count. Chunks are as wide as the bounds allow: each kernel call redoes
 * its per-call work (prefix sums, true range, ...) and writes time-major rows
 * only as wide as its chunk. The cost per value is the calibration at first,
 * then what the last chunk of this call measured, so a kernel whose cost grows
 * with its window (CCI, percent rank) gets narrower chunks as the windows
 * grow.
 */
export class ChunkCutter {
  private run = 0;
  private at: number;
  private nsPerValue: number;
  private readonly perThread: number;

  constructor(private readonly runs: readonly SourceRun[], private readonly opts: CutOptions) {
    this.at = runs[0]?.v0 ?? 0;
    this.nsPerValue = opts.nsPerValue;
    const variants = runs.reduce((n, r) => n + r.v1 - r.v0, 0);
    this.perThread = Math.ceil(variants / Math.max(1, opts.threads));
  }

  /** The next chunk, or null when every variant has been handed out. */
  next(): Chunk | null {
    while (this.run < this.runs.length && this.at >= this.runs[this.run]!.v1) {
      this.run++;
      this.at = this.runs[this.run]?.v0 ?? 0;
    }
    const run = this.runs[this.run];
    if (!run) return null;
    const nsPerVariant = Math.max(1e-9, this.nsPerValue * this.opts.valuesPerVariant);
    const least = Math.ceil(this.opts.minNs / nsPerVariant);
    const most = Math.floor(this.opts.maxNs / nsPerVariant);
    // Whole cache lines of a time-major row: narrower chunks cost more per
    // value than they save in latency (kernels whose single variant is long
    // check the cancel flag inside it instead).
    const size = Math.max(CHUNK_ALIGN, Math.round(Math.max(least, Math.min(this.perThread, most)) / CHUNK_ALIGN) * CHUNK_ALIGN);
    const left = run.v1 - this.at;
    // No sliver at the end of a run: a remainder under half a chunk joins this one.
    const take = left - size < size / 2 ? left : size;
    const chunk = { source: run.source, v0: this.at, v1: this.at + take };
    this.at += take;
    return chunk;
  }

  /** Records how long a chunk took to run (on its thread, not counting the wait for one). */
  observe(chunk: Chunk, ms: number): void {
    const values = (chunk.v1 - chunk.v0) * this.opts.valuesPerVariant;
    if (values > 0 && ms > 0) this.nsPerValue = (ms * 1e6) / values;
  }
}
