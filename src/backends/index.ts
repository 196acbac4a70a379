import { BackendUnavailableError } from '../errors.js';
import { INDICATORS } from '../registry/index.js';
import { NativeBackend, loadAddon, loadAddonFile } from './native.js';
import type { Backend, BackendName } from './types.js';
import { WasmBackend, loadWasmModule } from './wasm.js';

export * from './types.js';
export { NativeBackend, WasmBackend };

export type BackendChoice = BackendName | 'auto';

/**
 * Checks that a backend has a kernel with the right arity for every indicator
 * of the registry, so a stale build fails at load and not mid-compute.
 */
export function checkKernelTable(backend: Backend): void {
  const byId = new Map(backend.kernels.map((k) => [k.id, k]));
  for (const def of INDICATORS) {
    const k = byId.get(def.id);
    const want = { inputs: def.inputs.length, params: def.params.length, outputs: def.outputs.length };
    if (!k) throw new BackendUnavailableError(`${backend.name} backend has no kernel for ${def.id}; rebuild it (npm run build)`, { backend: backend.name, indicator: def.id });
    if (k.inputs !== want.inputs || k.params !== want.params || k.outputs !== want.outputs) {
      throw new BackendUnavailableError(`${backend.name} kernel ${def.id} does not match its definition; rebuild it (npm run build)`, { backend: backend.name, kernel: k, definition: want });
    }
  }
}

/**
 * Where a backend comes from: the packaged build (file null), a private copy
 * of a verified host-tuned addon (native file), or an already compiled
 * WebAssembly.Module of verified bytes. Structured-cloneable, so it can be
 * handed to worker threads, which then never read the cache dir.
 */
export interface BackendSpec {
  name: BackendName;
  file: string | null;
  module?: WebAssembly.Module;
}

export interface LoadedBackend {
  backend: Backend;
  spec: BackendSpec;
  /** Why 'auto' did not get native, when it fell back. */
  fallbackReason?: string;
}

/** Test and drill hook: pretend the native addon is missing. */
const NATIVE_DISABLED = () => process.env.TA_GRID_DISABLE_NATIVE === '1';

/**
 * Fault drill: TA_GRID_DRILL_CORRUPT_KERNEL=<id> makes that kernel's outputs
 * wrong by 1e-3, to prove the self-test and perf-smoke catch a broken build.
 */
function withDrillFault(b: Backend): Backend {
  const broken = process.env.TA_GRID_DRILL_CORRUPT_KERNEL;
  if (!broken) return b;
  return {
    name: b.name,
    kernels: b.kernels,
    scratchBytes: (kernel, t, window) => b.scratchBytes(kernel, t, window),
    kernelState: b.kernelState,
    run(job) {
      b.run(job);
      if (job.kernel !== broken) return;
      for (const out of job.outputs) if (out) for (let i = 0; i < out.length; i++) out[i] = out[i]! + 1e-3;
    },
  };
}

export function createBackend(spec: BackendSpec): Backend {
  return withDrillFault(loadOne(spec));
}

function loadOne(spec: BackendSpec): Backend {
  try {
    if (spec.name === 'native' && NATIVE_DISABLED()) throw new Error('disabled by TA_GRID_DISABLE_NATIVE=1');
    const b = spec.name === 'native'
      ? new NativeBackend(spec.file ? loadAddonFile(spec.file) : loadAddon())
      : new WasmBackend(spec.module ?? loadWasmModule());
    checkKernelTable(b);
    return b;
  } catch (e) {
    if (e instanceof BackendUnavailableError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    const fix = spec.name === 'native'
      ? `no usable prebuilt addon for ${process.platform}-${process.arch} (the package ships linux-x64 with glibc); use backend: "wasm", or build the addon in a checkout with npm run build:prebuild`
      : 'reinstall the package (build-wasm/ta_grid.wasm is missing)';
    throw new BackendUnavailableError(`the ${spec.name} backend could not be loaded${spec.file ? ` from ${spec.file}` : ''}: ${why}; ${fix}`, { backend: spec.name, file: spec.file, cause: why });
  }
}

/**
 * 'auto' takes native and falls back to wasm, reporting why; an explicit
 * choice fails loudly. `wasm` is the compiled module of verified bytes
 * (default: the packaged binary).
 */
export function loadBackend(choice: BackendChoice, wasm?: WebAssembly.Module): LoadedBackend {
  const load = (name: BackendName): LoadedBackend => {
    const spec: BackendSpec = name === 'wasm' && wasm ? { name, file: null, module: wasm } : { name, file: null };
    return { backend: createBackend(spec), spec };
  };
  if (choice !== 'auto') return load(choice);
  try {
    return load('native');
  } catch (e) {
    return { ...load('wasm'), fallbackReason: (e as Error).message };
  }
}
