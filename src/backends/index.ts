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
 * Where a backend comes from: the packaged build (file null) or a specific
 * file, e.g. a host-tuned addon or a verified wasm binary from the artifact
 * cache. Plain data, so it can be handed to worker threads.
 */
export interface BackendSpec {
  name: BackendName;
  file: string | null;
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
    scratchBytes: (kernel, t) => b.scratchBytes(kernel, t),
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
      ? new NativeBackend(spec.file ? loadAddonFile(spec.file) : process.env.TA_GRID_NATIVE_PATH ? loadAddonFile(process.env.TA_GRID_NATIVE_PATH) : loadAddon())
      : new WasmBackend(loadWasmModule(spec.file ?? undefined));
    checkKernelTable(b);
    return b;
  } catch (e) {
    if (e instanceof BackendUnavailableError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    const fix = spec.name === 'native' ? 'reinstall so the addon builds (needs python3, make and a C++ compiler), or use backend: "wasm"' : 'reinstall the package (build-wasm/ta_grid.wasm is missing)';
    throw new BackendUnavailableError(`the ${spec.name} backend could not be loaded${spec.file ? ` from ${spec.file}` : ''}: ${why}; ${fix}`, { backend: spec.name, file: spec.file, cause: why });
  }
}

/**
 * 'auto' takes native and falls back to wasm, reporting why; an explicit
 * choice fails loudly. `files` names preferred files (e.g. from the artifact
 * cache); a preferred native file that fails to load falls back to the
 * packaged build.
 */
export function loadBackend(choice: BackendChoice, files: Partial<Record<BackendName, string>> = {}): LoadedBackend {
  const load = (name: BackendName): LoadedBackend => {
    const file = files[name];
    if (file) {
      try {
        return { backend: createBackend({ name, file }), spec: { name, file } };
      } catch {
        // A cached artifact that does not load is not fatal: the packaged build is next.
      }
    }
    return { backend: createBackend({ name, file: null }), spec: { name, file: null } };
  };
  if (choice !== 'auto') return load(choice);
  try {
    return load('native');
  } catch (e) {
    return { ...load('wasm'), fallbackReason: (e as Error).message };
  }
}
