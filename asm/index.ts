// WebAssembly entry points. asm/kernels.ts (generated from the indicator
// definitions) holds the kernel table, "id:inputs:params:outputs" rows in the
// order of native/kernels.h, and the dispatch from a row to its kernel.
import { Call, flushRows, OK } from "./abi";
import { KERNEL_TABLE, kernelScratch, runKernel } from "./kernels";

const call = changetype<Call>(memory.data(offsetof<Call>(), 8));

export function heapBase(): usize {
  return __heap_base;
}

// The table as one group: UTF-16 at groupTablePtr(0), groupTableLength(0) code units.
export function groupCount(): i32 {
  return 1;
}

export function groupTablePtr(g: i32): usize {
  return g == 0 ? changetype<usize>(KERNEL_TABLE) : 0;
}

export function groupTableLength(g: i32): i32 {
  return g == 0 ? KERNEL_TABLE.length : 0;
}

// W: the longest window of the request, which per-variant rings are sized for.
export function scratchSize(kernel: i32, T: i32, W: i32): f64 {
  return kernelScratch(kernel, T, W);
}

export function run(
  kernel: i32, inPtrs: usize, T: i32, paramPtrs: usize, v0: i32, v1: i32,
  outPtrs: usize, nOut: i32, float64: bool, timeStride: i32, variantStride: i32,
  scratch: usize, scratchLen: i32, rows: i32, stateIn: usize, stateOut: usize, stateLen: i32,
  runStateIn: usize, runStateOut: usize, runStateLen: i32,
): i32 {
  call.inPtrs = inPtrs; call.T = T; call.paramPtrs = paramPtrs;
  call.v0 = v0; call.v1 = v1; call.outPtrs = outPtrs; call.nOut = nOut;
  call.timeStride = timeStride; call.variantStride = variantStride;
  call.scratch = scratch; call.scratchLen = scratchLen;
  call.rowStart = 0; call.rows = rows; call.passFrom = v0; call.passTo = v1;
  call.stateIn = stateIn; call.stateOut = stateOut; call.stateLen = stateLen;
  call.runStateIn = runStateIn; call.runStateOut = runStateOut; call.runStateLen = runStateLen;
  const status = float64 ? runKernel<f64>(kernel, call) : runKernel<f32>(kernel, call);
  if (status == OK) flushRows(call.rowStart, T, call.passFrom, call.passTo);  // the last tile
  return status;
}
