// WebAssembly entry points. Each group module exports its table
// ("id:inputs:params:outputs" rows), a scratch-size function and a dispatcher;
// the flattened order matches native/kernels.h.
import { Call } from "./abi";
import { MA_TABLE, maRun, maScratch } from "./ma";
import { MOMENTUM_TABLE, momentumRun, momentumScratch } from "./momentum";
import { OSCILLATORS_TABLE, oscillatorsRun, oscillatorsScratch } from "./oscillators";
import { STRUCTURE_TABLE, structureRun, structureScratch } from "./structure";
import { TREND_TABLE, trendRun, trendScratch } from "./trend";
import { VOLATILITY_TABLE, volatilityRun, volatilityScratch } from "./volatility";
import { VOLUME_TABLE, volumeRun, volumeScratch } from "./volume";

const GROUP_COUNT = 7;

const call = changetype<Call>(memory.data(offsetof<Call>(), 8));

function rows(table: string): i32 {
  if (table.length == 0) return 0;
  let n = 1;
  for (let i = 0; i < table.length; ++i) if (table.charCodeAt(i) == 44) ++n;
  return n;
}

// Flat kernel index -> group * 65536 + index within the group, or -1.
function groupTable(g: i32): string {
  switch (g) {
    case 0: return MA_TABLE;
    case 1: return VOLATILITY_TABLE;
    case 2: return MOMENTUM_TABLE;
    case 3: return OSCILLATORS_TABLE;
    case 4: return TREND_TABLE;
    case 5: return VOLUME_TABLE;
    case 6: return STRUCTURE_TABLE;
  }
  return "";
}

function locate(kernel: i32): i32 {
  for (let g = 0; g < GROUP_COUNT; ++g) {
    const n = rows(groupTable(g));
    if (kernel < n) return kernel < 0 ? -1 : (g << 16) | kernel;
    kernel -= n;
  }
  return -1;
}

export function heapBase(): usize {
  return __heap_base;
}

export function groupCount(): i32 {
  return GROUP_COUNT;
}

// Group g's table as UTF-16 at a pointer; its length in code units is groupTableLength(g).
export function groupTablePtr(g: i32): usize {
  return changetype<usize>(groupTable(g));
}

export function groupTableLength(g: i32): i32 {
  return groupTable(g).length;
}

export function scratchSize(kernel: i32, T: i32): f64 {
  const at = locate(kernel);
  const k = at & 0xffff;
  switch (at >> 16) {
    case 0: return maScratch(k, T);
    case 1: return volatilityScratch(k, T);
    case 2: return momentumScratch(k, T);
    case 3: return oscillatorsScratch(k, T);
    case 4: return trendScratch(k, T);
    case 5: return volumeScratch(k, T);
    case 6: return structureScratch(k, T);
  }
  return -1.0;
}

function dispatch<O>(kernel: i32, c: Call): i32 {
  const at = locate(kernel);
  const k = at & 0xffff;
  switch (at >> 16) {
    case 0: return maRun<O>(k, c);
    case 1: return volatilityRun<O>(k, c);
    case 2: return momentumRun<O>(k, c);
    case 3: return oscillatorsRun<O>(k, c);
    case 4: return trendRun<O>(k, c);
    case 5: return volumeRun<O>(k, c);
    case 6: return structureRun<O>(k, c);
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
