import { createRequire } from 'node:module';
import type { Backend, KernelInfo, KernelJob } from './types.js';
import { PACKAGE_ROOT } from './paths.js';
import type { HugePageAdvice } from '../engine/outputs.js';

interface Addon {
  kernels(): KernelInfo[];
  scratchSize(kernel: number, t: number): number;
  run(
    kernel: number, inputs: Float64Array[], t: number, params: Float64Array[], v0: number, v1: number,
    outputs: (Float32Array | Float64Array | null)[], float64: boolean, timeStride: number, variantStride: number,
    scratch: Float64Array | null, cancel?: Int32Array,
  ): void;
  /** madvise(MADV_HUGEPAGE) of the view's 2 MiB-aligned interior (absent from older builds). */
  adviseHugePages?(view: Uint8Array): HugePageAdvice;
}

const require = createRequire(import.meta.url);

/** Loads the addon through node-gyp-build: prebuilds/ first, then build/Release. */
export function loadAddon(dir: string = PACKAGE_ROOT): Addon {
  const nodeGypBuild = require('node-gyp-build') as (dir: string) => unknown;
  return nodeGypBuild(dir) as Addon;
}

/** Loads a specific .node file (e.g. a host-tuned build from the artifact cache). */
export function loadAddonFile(file: string): Addon {
  return require(file) as Addon;
}

export class NativeBackend implements Backend {
  readonly name = 'native' as const;
  readonly kernels: readonly KernelInfo[];
  private readonly index = new Map<string, number>();
  private scratch = new Float64Array(0);

  constructor(private readonly addon: Addon = loadAddon()) {
    this.kernels = addon.kernels();
    this.kernels.forEach((k, i) => this.index.set(k.id, i));
    if (addon.adviseHugePages) this.adviseHugePages = addon.adviseHugePages.bind(addon);
  }

  /** Present when the loaded addon can advise memory for huge pages (see engine/outputs.ts). */
  readonly adviseHugePages?: (view: Uint8Array) => HugePageAdvice;

  run(job: KernelJob): void {
    const k = this.index.get(job.kernel);
    if (k === undefined) throw new Error(`native backend has no kernel '${job.kernel}'`);
    const need = this.addon.scratchSize(k, job.t);
    // Scratch is owned by the backend and reused across calls; kernels never allocate.
    if (this.scratch.length < need) this.scratch = new Float64Array(need);
    this.addon.run(k, job.inputs, job.t, job.params, job.v0, job.v1, job.outputs, job.float64, job.timeStride, job.variantStride, need > 0 ? this.scratch : null, job.cancel);
  }
}
