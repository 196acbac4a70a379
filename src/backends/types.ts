export type BackendName = 'native' | 'wasm';
export type OutputArray = Float32Array | Float64Array;

/** One kernel call: a variant range of one indicator, the ABI of native/abi.h. */
export interface KernelJob {
  kernel: string;
  /** Input columns in the definition's input order, each of length t. */
  inputs: Float64Array[];
  t: number;
  /** One array per param, indexed by global variant number (length >= v1). */
  params: Float64Array[];
  v0: number;
  v1: number;
  /** One array per output of the indicator; null for outputs not selected. */
  outputs: (OutputArray | null)[];
  float64: boolean;
  timeStride: number;
  variantStride: number;
  /** Int32Array over shared memory; non-zero asks the kernel to stop at its next block. */
  cancel?: Int32Array;
  /** State carried across calls, for kernels that take one (KernelCall::stateIn in native/abi.h). */
  state?: KernelState;
}

/**
 * A kernel's state in and out (docs/adding-an-indicator.md, "Kernel state"):
 * the kernel starts from `input` as if the bars before the call had been in
 * it and leaves in `output` (null: not wanted; shared memory on the pool) the
 * state after its last bar. `perVariant`: numbers per variant, indexed by
 * global variant like params; 0: the call's own state, the whole array.
 */
export interface KernelState {
  input: Float64Array;
  output: Float64Array | null;
  perVariant: number;
  /**
   * Beside a per-variant state, the state of the call's source run, which
   * every variant of the run reads (KernelCall::runStateIn): kept once per
   * run, not in every variant's part. `output`: null but in one call of
   * the run (every call leaves the same).
   */
  run?: { input: Float64Array; output: Float64Array | null };
}

export interface KernelInfo {
  id: string;
  inputs: number;
  params: number;
  outputs: number;
}

export interface Backend {
  readonly name: BackendName;
  readonly kernels: readonly KernelInfo[];
  run(job: KernelJob): void;
  /** Whether run() passes KernelJob.state to the kernels (an addon built before it was added does not). */
  readonly kernelState?: boolean;
  /**
   * Bytes a thread holds to run this kernel on t bars with windows up to
   * `window` (the request's longest; see longestWindow): scratch, and for wasm
   * its copies of the inputs and an output block. They stay reserved for later calls.
   */
  scratchBytes(kernel: string, t: number, window: number): number;
}
