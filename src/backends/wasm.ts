import { readFileSync } from 'node:fs';
import type { Backend, KernelInfo, KernelJob, OutputArray } from './types.js';
import { WASM_PATH } from './paths.js';
import { jobWindow } from './window.js';

interface WasmExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  groupCount(): number;
  groupTablePtr(g: number): number;
  groupTableLength(g: number): number;
  scratchSize(kernel: number, t: number, window: number): number;
  run(
    kernel: number, inPtrs: number, t: number, paramPtrs: number, v0: number, v1: number,
    outPtrs: number, nOut: number, float64: number, timeStride: number, variantStride: number,
    scratch: number, scratchLen: number, rows: number, stateIn: number, stateOut: number, stateLen: number,
    runStateIn: number, runStateOut: number, runStateLen: number,
  ): number;
}

/** Output bytes a tile of every bar may take (kernels that write bars out of order). */
const CHUNK_BYTES = 32 * 2 ** 20;
/** Output bytes of a moving tile: small enough to stay in cache until it is copied out. */
export const TILE_BYTES = 2 ** 19;
/** Variants per call: BLOCK of asm/abi.ts for time-major output (rows of 256 values), fewer for variant-major. */
const BLOCK = 256;
const NARROW_BLOCK = 16;

/** Thrown through the wasm call by flushRows. */
const OUT_OF_ORDER = Symbol('kernel wrote a bar before its tile');
const CANCELLED = Symbol('cancelled');
/** flushRows' `next` when a kernel starts a pass over other variants (beginPass in asm/abi.ts). */
const NEXT_PASS = -1;

/** Compiles the packaged binary (or verified bytes handed in: no file is read again). */
export function loadWasmModule(bytes: Uint8Array = readFileSync(WASM_PATH)): WebAssembly.Module {
  return new WebAssembly.Module(bytes);
}

/**
 * The AssemblyScript kernels. Wasm code can only touch its own memory, so each
 * call copies the inputs in and runs the kernel over blocks of variants into
 * tiles in the caller's layout, which are copied out row by row as the kernel
 * moves past them.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly kernelState = true;
  readonly kernels: readonly KernelInfo[];
  private readonly x: WasmExports;
  private readonly index = new Map<string, number>();
  /** Kernels seen writing a bar before their tile: they get tiles of every bar. */
  private readonly disordered = new Set<number>();
  /** The current call's flushRows (see asm/abi.ts). */
  private flush: (rowStart: number, next: number, from: number, to: number) => void = () => {};

  /** tileBytes: output bytes of a moving tile (tests make it tiny, so every kernel moves its tiles often). */
  constructor(module: WebAssembly.Module = loadWasmModule(), private readonly tileBytes = TILE_BYTES) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort: (_msg: number, _file: number, line: number, col: number) => {
          throw new Error(`wasm kernel aborted at ${line}:${col}`);
        },
        flushRows: (rowStart: number, next: number, from: number, to: number) => this.flush(rowStart, next, from, to),
      },
    });
    this.x = instance.exports as unknown as WasmExports;
    const utf16 = new TextDecoder('utf-16le');
    const rows: string[] = [];
    for (let g = 0; g < this.x.groupCount(); g++) {
      const text = utf16.decode(new Uint8Array(this.x.memory.buffer, this.x.groupTablePtr(g), this.x.groupTableLength(g) * 2));
      if (text) rows.push(...text.split(','));
    }
    this.kernels = rows.map((row) => {
      const [id, inputs, params, outputs] = row.split(':');
      return { id: id!, inputs: Number(inputs), params: Number(params), outputs: Number(outputs) };
    });
    this.kernels.forEach((k, i) => this.index.set(k.id, i));
  }

  /** Ids of the kernels seen writing bars out of order (they run with tiles of every bar). */
  outOfOrderKernels(): string[] {
    return [...this.disordered].map((k) => this.kernels[k]!.id);
  }

  private reserve(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes > have) this.x.memory.grow(Math.ceil((bytes - have) / 65536));
  }

  scratchBytes(kernel: string, t: number, window: number): number {
    const k = this.index.get(kernel);
    if (k === undefined) return 0;
    const info = this.kernels[k]!;
    // Inputs copied in, scratch, and one block of local output (CHUNK_BYTES, or one variant when that is larger).
    return 8 * (info.inputs * t + this.x.scratchSize(k, t, window)) + Math.max(CHUNK_BYTES, 8 * t * info.outputs) + 8 * info.params * Math.max(1, Math.floor(CHUNK_BYTES / (4 * t)));
  }

  run(job: KernelJob): void {
    const k = this.index.get(job.kernel);
    if (k === undefined) throw new Error(`wasm backend has no kernel '${job.kernel}'`);
    if (job.t === 0 || job.v1 <= job.v0) return;
    try {
      this.runTiles(k, job, !this.disordered.has(k));
    } catch (e) {
      if (e === CANCELLED) return;  // as native: the rest stays unwritten
      if (e !== OUT_OF_ORDER) throw e;
      // The kernel wrote a bar before its tile: once per process, its calls
      // switch to tiles of every bar (no moves, any write order).
      this.disordered.add(k);
      this.runTiles(k, job, false);
    }
  }

  /**
   * Runs the job block by block. Each block's outputs are tiles of `rows`
   * bars in the caller's layout (rows of the block's variants for a
   * time-major output, runs of bars per variant for a variant-major one),
   * copied out with one TypedArray.set per row or run, or per tile when the
   * block spans whole rows. Moving tiles (`moving`) are small and stay in
   * cache; otherwise a tile holds every bar and blocks are as wide as
   * CHUNK_BYTES allows.
   */
  private runTiles(k: number, job: KernelJob, moving: boolean): void {
    const { t, inputs, params, outputs } = job;
    const nOut = outputs.length;
    const bpv = job.float64 ? 8 : 4;
    const span = job.v1 - job.v0;
    const selected = outputs.filter((o) => o !== null).length || 1;
    const timeMajor = job.variantStride === 1;
    const variantMajor = !timeMajor && job.timeStride === 1;
    const block = moving
      ? Math.min(span, timeMajor ? BLOCK : NARROW_BLOCK)
      : Math.max(1, Math.min(span, Math.floor(CHUNK_BYTES / (t * bpv * selected))));
    const rows = moving ? Math.max(1, Math.min(t, Math.floor(this.tileBytes / (block * bpv * selected)))) : t;
    const scratchLen = this.x.scratchSize(k, t, jobWindow(job));

    // Layout: [pointer tables][inputs][params][scratch][outputs], 8-byte aligned.
    let p = (this.x.heapBase() + 7) & ~7;
    const take = (bytes: number) => { const at = p; p += (bytes + 7) & ~7; return at; };
    const inPtrs = take(4 * inputs.length), paramPtrs = take(4 * params.length), outPtrs = take(4 * nOut);
    const inAt = inputs.map(() => take(8 * t));
    const paramAt = params.map(() => take(8 * block));
    const scratchAt = take(8 * scratchLen);
    const outAt = outputs.map((o) => (o ? take(bpv * rows * block) : 0));
    // Kernel state: a block's part of a per-variant state (copied like its params), or the call's whole state.
    const state = job.state;
    const stateLen = !state ? 0 : state.perVariant > 0 ? state.perVariant * block : state.input.length;
    const stateInAt = state ? take(8 * stateLen) : 0, stateOutAt = state?.output ? take(8 * stateLen) : 0;
    // The source run's state beside a per-variant one: the same for every block, copied in and out once.
    const run = state?.run, runLen = run ? run.input.length : 0;
    const runInAt = run ? take(8 * runLen) : 0, runOutAt = run?.output ? take(8 * runLen) : 0;
    this.reserve(p);

    const mem = this.x.memory.buffer;
    const u32 = new Uint32Array(mem);
    inputs.forEach((col, i) => { u32[(inPtrs >> 2) + i] = inAt[i]!; new Float64Array(mem, inAt[i], t).set(col.subarray(0, t)); });
    params.forEach((_, i) => { u32[(paramPtrs >> 2) + i] = paramAt[i]!; });
    outAt.forEach((at, i) => { u32[(outPtrs >> 2) + i] = at; });
    const Tile = job.float64 ? Float64Array : Float32Array;
    const tiles = outAt.map((at) => (at ? new Tile(mem, at, rows * block) : null));
    if (state && state.perVariant === 0) new Float64Array(mem, stateInAt, stateLen).set(state.input);
    if (run) new Float64Array(mem, runInAt, runLen).set(run.input);

    for (let b0 = job.v0; b0 < job.v1; b0 += block) {
      if (job.cancel && Atomics.load(job.cancel, 0) !== 0) return;
      const nb = Math.min(block, job.v1 - b0);
      params.forEach((col, i) => new Float64Array(mem, paramAt[i], nb).set(col.subarray(b0, b0 + nb)));
      const w = state?.perVariant ?? 0;
      if (state && w > 0) new Float64Array(mem, stateInAt, w * nb).set(state.input.subarray(w * b0, w * (b0 + nb)));
      const [ts, vs] = timeMajor ? [nb, 1] : [1, rows];
      // Pieces of each tile that land contiguously in the output: one per row
      // (time-major: its variants [from, to) of the pass flushed, all but in a
      // kernel making passes), per variant (variant-major), or the whole tile
      // when its rows are whole output rows. Row pieces are made once per
      // pass: a subarray costs more than the set of a short row.
      const whole = timeMajor && nb === job.timeStride;
      let piecesFrom = -1, piecesTo = -1;
      let pieces = tiles.map((tile) => (tile && variantMajor ? Array.from({ length: nb }, (_, j) => tile.subarray(j * rows, (j + 1) * rows)) : []));
      this.flush = (rowStart, next, from, to) => {
        if (next < rowStart && next !== NEXT_PASS) throw OUT_OF_ORDER;
        const n = Math.min(rows, t - rowStart);
        const all = from === 0 && to === nb;
        if (timeMajor && !(whole && all) && (from !== piecesFrom || to !== piecesTo)) {
          pieces = tiles.map((tile) => (tile ? Array.from({ length: rows }, (_, r) => tile.subarray(r * nb + from, r * nb + to)) : []));
          piecesFrom = from;
          piecesTo = to;
        }
        outputs.forEach((dest, i) => {
          const tile = tiles[i];
          if (!dest || !tile) return;
          if (whole && all) dest.set(n === rows ? tile : tile.subarray(0, n * nb), rowStart * job.timeStride + b0);
          else if (timeMajor) {
            const row0 = rowStart * job.timeStride + b0 + from;
            for (let r = 0; r < n; r++) dest.set(pieces[i]![r]!, row0 + r * job.timeStride);
          } else if (variantMajor) {
            for (let j = from; j < to; j++) {
              const run = pieces[i]![j]!;
              dest.set(n === rows ? run : run.subarray(0, n), (b0 + j) * job.variantStride + rowStart);
            }
          } else {
            // Any other strides (not a layout the engine makes): value by value.
            for (let j = from; j < to; j++) {
              for (let r = 0; r < n; r++) dest[(rowStart + r) * job.timeStride + (b0 + j) * job.variantStride] = tile[j * rows + r]!;
            }
          }
        });
        if (job.cancel && Atomics.load(job.cancel, 0) !== 0) throw CANCELLED;
      };
      const blockStateLen = w > 0 ? w * nb : stateLen;
      const status = this.x.run(k, inPtrs, t, paramPtrs, 0, nb, outPtrs, nOut, job.float64 ? 1 : 0, ts, vs, scratchAt, scratchLen, rows, stateInAt, stateOutAt, blockStateLen, runInAt, runOutAt, runLen);
      if (status !== 0) throw new Error(`wasm kernel '${job.kernel}' failed with status ${status}`);
      if (state?.output && w > 0) state.output.set(new Float64Array(mem, stateOutAt, w * nb), w * b0);
    }
    // The call's own state is the same after every block (each makes it again): taken once.
    if (state?.output && state.perVariant === 0) state.output.set(new Float64Array(this.x.memory.buffer, stateOutAt, stateLen));
    if (run?.output) run.output.set(new Float64Array(this.x.memory.buffer, runOutAt, runLen));
  }
}
