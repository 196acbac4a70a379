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
    scratch: number, scratchLen: number,
  ): number;
}

/** Output bytes one wasm call may write before its values are copied out. */
const CHUNK_BYTES = 32 * 2 ** 20;

/** Compiles the packaged binary (or verified bytes handed in: no file is read again). */
export function loadWasmModule(bytes: Uint8Array = readFileSync(WASM_PATH)): WebAssembly.Module {
  return new WebAssembly.Module(bytes);
}

/**
 * The AssemblyScript kernels. Wasm code can only touch its own memory, so each
 * call copies the inputs in, runs the kernel over blocks of variants into a
 * local buffer, and copies every block out to the caller's strides.
 */
export class WasmBackend implements Backend {
  readonly name = 'wasm' as const;
  readonly kernels: readonly KernelInfo[];
  private readonly x: WasmExports;
  private readonly index = new Map<string, number>();

  constructor(module: WebAssembly.Module = loadWasmModule()) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort: (_msg: number, _file: number, line: number, col: number) => {
          throw new Error(`wasm kernel aborted at ${line}:${col}`);
        },
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
    const { t, inputs, params, outputs } = job;
    const nOut = outputs.length;
    const bpv = job.float64 ? 8 : 4;
    const span = job.v1 - job.v0;
    if (t === 0 || span <= 0) return;
    const selected = outputs.filter((o) => o !== null).length || 1;
    const block = Math.max(1, Math.min(span, Math.floor(CHUNK_BYTES / (t * bpv * selected))));
    const scratchLen = this.x.scratchSize(k, t, jobWindow(job));

    // Layout: [pointer tables][inputs][params][scratch][outputs], 8-byte aligned.
    let p = (this.x.heapBase() + 7) & ~7;
    const take = (bytes: number) => { const at = p; p += (bytes + 7) & ~7; return at; };
    const inPtrs = take(4 * inputs.length), paramPtrs = take(4 * params.length), outPtrs = take(4 * nOut);
    const inAt = inputs.map(() => take(8 * t));
    const paramAt = params.map(() => take(8 * block));
    const scratchAt = take(8 * scratchLen);
    const outAt = outputs.map((o) => (o ? take(bpv * t * block) : 0));
    this.reserve(p);

    const mem = this.x.memory.buffer;
    const u32 = new Uint32Array(mem);
    inputs.forEach((col, i) => { u32[(inPtrs >> 2) + i] = inAt[i]!; new Float64Array(mem, inAt[i], t).set(col.subarray(0, t)); });
    params.forEach((_, i) => { u32[(paramPtrs >> 2) + i] = paramAt[i]!; });
    outAt.forEach((at, i) => { u32[(outPtrs >> 2) + i] = at; });

    for (let b0 = job.v0; b0 < job.v1; b0 += block) {
      if (job.cancel && Atomics.load(job.cancel, 0) !== 0) return;
      const nb = Math.min(block, job.v1 - b0);
      params.forEach((col, i) => new Float64Array(mem, paramAt[i], nb).set(col.subarray(b0, b0 + nb)));
      // Local layout is variant-major: one contiguous run of t values per variant.
      const status = this.x.run(k, inPtrs, t, paramPtrs, 0, nb, outPtrs, nOut, job.float64 ? 1 : 0, 1, t, scratchAt, scratchLen);
      if (status !== 0) throw new Error(`wasm kernel '${job.kernel}' failed with status ${status}`);
      outputs.forEach((dest, i) => { if (dest) this.copyOut(dest, outAt[i]!, job, b0, nb); });
    }
  }

  private copyOut(dest: OutputArray, at: number, job: KernelJob, b0: number, nb: number): void {
    const t = job.t;
    const local = job.float64 ? new Float64Array(this.x.memory.buffer, at, t * nb) : new Float32Array(this.x.memory.buffer, at, t * nb);
    const { timeStride: ts, variantStride: vs } = job;
    for (let j = 0; j < nb; j++) {
      const src = local.subarray(j * t, (j + 1) * t);
      const base = (b0 + j) * vs;
      if (ts === 1) dest.set(src, base);
      else for (let i = 0; i < t; i++) dest[base + i * ts] = src[i]!;
    }
  }
}
