// WebAssembly entry points; the kernel table mirrors native/kernels.h.
import { Call } from "./abi";
import { ema, emaScratch, sma, smaScratch } from "./ma";
import { rsi, rsiScratch } from "./momentum";
import { atr, atrScratch } from "./volatility";

// "id:inputs:params:outputs" per row, in table order.
const TABLE = "ma.sma:1:1:1,ma.ema:1:1:1,volatility.atr:3:1:1,momentum.rsi:1:1:1";

const call = new Call();

export function heapBase(): usize {
  return __heap_base;
}

// The table as UTF-16 at a pointer; the length in code units comes from tableLength().
export function tablePtr(): usize {
  return changetype<usize>(TABLE);
}

export function tableLength(): i32 {
  return TABLE.length;
}

export function scratchSize(kernel: i32, T: i32): f64 {
  switch (kernel) {
    case 0: return smaScratch(T);
    case 1: return emaScratch(T);
    case 2: return atrScratch(T);
    case 3: return rsiScratch(T);
  }
  return -1.0;
}

function dispatch<O>(kernel: i32, c: Call): i32 {
  switch (kernel) {
    case 0: return sma<O>(c);
    case 1: return ema<O>(c);
    case 2: return atr<O>(c);
    case 3: return rsi<O>(c);
  }
  return -1;
}

export function run(
  kernel: i32, inPtrs: usize, T: i32, paramPtrs: usize, v0: i32, v1: i32,
  outPtrs: usize, nOut: i32, float64: bool, timeStride: i32, variantStride: i32,
  scratch: usize, scratchLen: i32,
): i32 {
  call.inPtrs = inPtrs; call.T = T; call.paramPtrs = paramPtrs;
  call.v0 = v0; call.v1 = v1; call.outPtrs = outPtrs; call.nOut = nOut;
  call.timeStride = timeStride; call.variantStride = variantStride;
  call.scratch = scratch; call.scratchLen = scratchLen;
  return float64 ? dispatch<f64>(kernel, call) : dispatch<f32>(kernel, call);
}
