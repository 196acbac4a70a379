import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Backend, KernelInfo, KernelJob } from './types.js';
import { PACKAGE_ROOT } from './paths.js';
import { jobWindow } from './window.js';
import type { AddonOutputMemory, HugePageAdvice } from '../engine/outputs.js';

interface Addon {
  kernels(): KernelInfo[];
  /** Doubles of scratch for t bars and windows up to `window`. */
  scratchSize(kernel: number, t: number, window: number): number;
  run(
    kernel: number, inputs: Float64Array[], t: number, params: Float64Array[], v0: number, v1: number,
    outputs: (Float32Array | Float64Array | null)[], float64: boolean, timeStride: number, variantStride: number,
    scratch: Float64Array | null, cancel?: Int32Array | null, stateIn?: Float64Array | null, stateOut?: Float64Array | null,
    runStateIn?: Float64Array | null, runStateOut?: Float64Array | null,
  ): void;
  /** madvise(MADV_HUGEPAGE) of the view's 2 MiB-aligned interior (absent from older builds). */
  adviseHugePages?(view: Uint8Array): HugePageAdvice;
  /** Addon-owned output memory (native/output_memory.h; absent from older builds). */
  outputBuffer?: AddonOutputMemory['outputBuffer'];
  outputMemory?: AddonOutputMemory['outputMemory'];
  outputFit?: AddonOutputMemory['outputFit'];
  /** True when run() takes the kernel state arguments (absent from older builds). */
  kernelState?: boolean;
  /** True when run() takes a source run's state beside the per-variant one (absent from older builds). */
  runState?: boolean;
  /** V8 version the addon was compiled against, "major.minor.build." (its output memory uses V8's own API). */
  v8Version?: string;
}

/**
 * The addon's output memory, when it has one and was compiled against the V8
 * it runs in: making a SharedArrayBuffer over addon memory takes V8's C++ API,
 * which, unlike N-API, is not stable across Node versions (a prebuild loaded
 * by another Node major does not use it and outputs come from V8 as before).
 */
function addonOutputMemory(addon: Addon): AddonOutputMemory | null {
  const { outputBuffer, outputMemory, outputFit, v8Version } = addon;
  if (!outputBuffer || !outputMemory || !outputFit || !v8Version || !process.versions.v8.startsWith(v8Version)) return null;
  return { outputBuffer: outputBuffer.bind(addon), outputMemory: outputMemory.bind(addon), outputFit: outputFit.bind(addon) };
}

const require = createRequire(import.meta.url);

/**
 * The packaged addon file: a contributor's source build
 * (native/build/Release, `npm run build:native`) when there is one, else the
 * prebuild for this platform (prebuilds/<platform>-<arch>/, chosen by
 * node-gyp-build). Throws when neither exists.
 */
export function packagedAddonPath(dir: string = PACKAGE_ROOT): string {
  const source = path.join(dir, 'native', 'build', 'Release', 'ta_grid.node');
  if (existsSync(source)) return source;
  const nodeGypBuild = require('node-gyp-build') as { resolve(dir: string): string };
  return nodeGypBuild.resolve(dir);
}

export function loadAddon(dir: string = PACKAGE_ROOT): Addon {
  return loadAddonFile(packagedAddonPath(dir));
}

/** What a native artifact's file is called; anything else is never loaded. */
export const ADDON_FILE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.node$/;

/**
 * Loads a specific .node file (a private copy of a verified host-tuned
 * build) with process.dlopen: only a .node file by the expected name is
 * loaded, never an arbitrary module through require.
 */
export function loadAddonFile(file: string, pattern: RegExp = ADDON_FILE): Addon {
  if (!pattern.test(path.basename(file))) throw new Error(`refusing to load ${file}: not a native addon file name (${pattern})`);
  const module = { exports: {} as unknown };
  process.dlopen(module, path.resolve(file));
  return module.exports as Addon;
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
    this.outputMemory = addonOutputMemory(addon);
    this.kernelState = addon.kernelState === true;
  }

  readonly kernelState: boolean;

  /** Output memory the addon owns and recycles, or null (see addonOutputMemory). */
  readonly outputMemory: AddonOutputMemory | null;

  scratchBytes(kernel: string, t: number, window: number): number {
    const k = this.index.get(kernel);
    return k === undefined ? 0 : 8 * this.addon.scratchSize(k, t, window);
  }

  /** Present when the loaded addon can advise memory for huge pages (see engine/outputs.ts). */
  readonly adviseHugePages?: (view: Uint8Array) => HugePageAdvice;

  run(job: KernelJob): void {
    const k = this.index.get(job.kernel);
    if (k === undefined) throw new Error(`native backend has no kernel '${job.kernel}'`);
    if (job.state && !this.kernelState) throw new Error('this native addon was built before kernels took state; rebuild it (npm run build:native)');
    if (job.state?.run && this.addon.runState !== true) throw new Error("this native addon was built before kernels took a source run's state; rebuild it (npm run build:native)");
    const need = this.addon.scratchSize(k, job.t, jobWindow(job));
    // Scratch is owned by the backend and reused across calls; kernels never allocate.
    if (this.scratch.length < need) this.scratch = new Float64Array(need);
    // A per-variant state goes in as the parts of variants [0, v1), from which a kernel reads its stride (stateStride in native/abi.h).
    const state = job.state, parts = state && state.perVariant > 0 ? state.perVariant * job.v1 : undefined;
    this.addon.run(k, job.inputs, job.t, job.params, job.v0, job.v1, job.outputs, job.float64, job.timeStride, job.variantStride, need > 0 ? this.scratch : null, job.cancel ?? null,
      state?.input.subarray(0, parts) ?? null, state?.output?.subarray(0, parts) ?? null, state?.run?.input ?? null, state?.run?.output ?? null);
  }
}
