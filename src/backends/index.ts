import { BackendUnavailableError } from '../errors.js';
import { INDICATORS } from '../registry/index.js';
import { NativeBackend } from './native.js';
import type { Backend, BackendName } from './types.js';
import { WasmBackend } from './wasm.js';

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

export interface LoadedBackend {
  backend: Backend;
  /** Why 'auto' did not get native, when it fell back. */
  fallbackReason?: string;
}

function tryLoad(name: BackendName): Backend {
  try {
    const b = name === 'native' ? new NativeBackend() : new WasmBackend();
    checkKernelTable(b);
    return b;
  } catch (e) {
    if (e instanceof BackendUnavailableError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    const fix = name === 'native' ? 'reinstall so the addon builds (needs python3, make and a C++ compiler), or use backend: "wasm"' : 'reinstall the package (build-wasm/ta_grid.wasm is missing)';
    throw new BackendUnavailableError(`the ${name} backend could not be loaded: ${why}; ${fix}`, { backend: name, cause: why });
  }
}

/** 'auto' takes native and falls back to wasm, reporting why; an explicit choice fails loudly. */
export function loadBackend(choice: BackendChoice): LoadedBackend {
  if (choice !== 'auto') return { backend: tryLoad(choice) };
  try {
    return { backend: tryLoad('native') };
  } catch (e) {
    return { backend: tryLoad('wasm'), fallbackReason: (e as Error).message };
  }
}
