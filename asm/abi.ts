// The kernel ABI of native/abi.h, over raw wasm memory.
// inPtrs / paramPtrs / outPtrs are arrays of u32 pointers; an output pointer of
// 0 means the output was not selected. Outputs are tiles of `rows` bars from
// bar rowStart on: element (t, v) of output k lives at
//   out[k] + ((t - rowStart) * timeStride + v * variantStride) * sizeof<O>()
// in the caller's layout (time-major tiles have variantStride 1). Kernels
// write bars in order; a write past the tile hands the tile to the host
// (flushRows), which copies it out row by row and may stop the call there
// (cancellation), and the tile moves on.

// Capacity of per-block state areas and the block width (see native/abi.h).
export const BLOCK: i32 = 256;

export const OK: i32 = 0;
export const SCRATCH_TOO_SMALL: i32 = 1;
export const BAD_PARAM: i32 = 2;

// Largest window a parameter may take; see kMaxWindow in native/abi.h.
export const MAX_WINDOW: i32 = 100000;

// Per-block state lives in static memory: kernels never allocate.
export const STATE_A: usize = memory.data(BLOCK * 8, 8);
export const STATE_B: usize = memory.data(BLOCK * 8, 8);
export const STATE_C: usize = memory.data(BLOCK * 8, 8);
export const STATE_D: usize = memory.data(BLOCK * 8, 8);
export const STATE_E: usize = memory.data(BLOCK * 8, 8);
// SeededAverage lanes (asm/primitives.ts): AVERAGE_CHAINS chains of BLOCK lanes.
export const AVERAGE_CHAINS: i32 = 6;
export const AVERAGE_LANE_BYTES: usize = 40;  // offsetof<SeededAverage>(), rounded up to 8
export const AVERAGE_LANES: usize = memory.data(AVERAGE_CHAINS * BLOCK * 40, 8);

// Unmanaged and placed in static memory (see asm/index.ts): nothing is ever
// allocated, so the whole heap from __heap_base belongs to the JS side.
@unmanaged export class Call {
  inPtrs: usize = 0;
  T: i32 = 0;
  paramPtrs: usize = 0;
  v0: i32 = 0;
  v1: i32 = 0;
  outPtrs: usize = 0;
  nOut: i32 = 0;
  timeStride: i32 = 0;
  variantStride: i32 = 0;
  scratch: usize = 0;
  scratchLen: i32 = 0;
  rowStart: i32 = 0;  // first bar of the output tile
  rows: i32 = 0;      // bars the tile holds
  passFrom: i32 = 0;  // variants [passFrom, passTo) being written (see beginPass)
  passTo: i32 = 0;
  // Kernel state carried across calls (KernelCall::stateIn / stateOut in
  // native/abi.h); 0 when absent. A per-variant state holds the block's
  // variants, from variant 0 of the call, as its params do.
  stateIn: usize = 0;
  stateOut: usize = 0;
  stateLen: i32 = 0;
  // Beside a per-variant state, the state of the call's source run
  // (KernelCall::runStateIn in native/abi.h); 0 when absent.
  runStateIn: usize = 0;
  runStateOut: usize = 0;
  runStateLen: i32 = 0;
}

// The stride of a per-variant state whose variants need parts of lengths of
// their own (stateStride in native/abi.h): the block's parts from its
// variant 0, stateLen / v1.
@inline export function stateStride(c: Call): i32 { return c.v1 > 0 ? c.stateLen / c.v1 : 0; }

// The host copies bars [rowStart, rowStart + rows) of variants [from, to)
// of the tile out, and the tile moves to bar `next` (-1: to bar 0 for the
// next pass). A `next` before rowStart (a kernel writing bars out of order)
// makes the host run the call again with a tile of every bar. It throws,
// unwinding the call, when the caller cancelled it.
// @ts-ignore: decorator
@external("env", "flushRows") export declare function flushRows(rowStart: i32, next: i32, from: i32, to: i32): void;

// Moves the output tile so that it starts at bar t.
@inline export function moveRows(c: Call, t: i32): void {
  flushRows(c.rowStart, t, c.passFrom, c.passTo);
  c.rowStart = t;
}

// For kernels that make several passes over the bars, each over its own
// variants [from, to), in order: the previous pass's tile goes out and the
// tile restarts at bar 0 for these variants.
export function beginPass(c: Call, from: i32, to: i32): void {
  if (from > c.v0) flushRows(c.rowStart, -1, c.passFrom, c.passTo);
  c.rowStart = 0;
  c.passFrom = from;
  c.passTo = to;
}

// Whether bar t lies outside the output tile.
@inline export function offTile(c: Call, t: i32): bool {
  return <u32>(t - c.rowStart) >= <u32>c.rows;
}

// Whether the tile holds every bar, so a kernel may address it as the whole series.
@inline export function wholeSeries(c: Call): bool {
  return c.rowStart == 0 && c.rows >= c.T;
}

@inline export function input(c: Call, i: i32): usize {
  return load<usize>(c.inPtrs + (<usize>i << 2));
}

@inline export function param(c: Call, p: i32, v: i32): f64 {
  return load<f64>(load<usize>(c.paramPtrs + (<usize>p << 2)) + (<usize>v << 3));
}

@inline export function at(col: usize, t: i32): f64 {
  return load<f64>(col + (<usize>t << 3));
}

// Whether output k was asked for (to skip work only it needs).
@inline export function selected(c: Call, k: i32): bool {
  return load<usize>(c.outPtrs + (<usize>k << 2)) != 0;
}

@inline export function put<O>(c: Call, k: i32, t: i32, v: i32, x: f64): void {
  const base = load<usize>(c.outPtrs + (<usize>k << 2));
  if (base != 0) {
    if (offTile(c, t)) tileMiss(c, t);
    const idx = <usize>(t - c.rowStart) * <usize>c.timeStride + <usize>v * <usize>c.variantStride;
    store<O>(base + idx * sizeof<O>(), <O>x);
  }
}

// Out of line, so put() stays small where it is inlined.
export function tileMiss(c: Call, t: i32): void { moveRows(c, t); }

// Rows of a block: kernels that compute bar t of every variant of a block
// first (row[j], as native/abi.h putRow) write it with putRow; kernels with
// several outputs compute output k's row in rowOf(k) and write them all with
// putRows. ROW is rowOf(0).
export const ROW_COUNT: i32 = 8;
const ROWS: usize = memory.data(ROW_COUNT * BLOCK * 8, 16);
export const ROW: usize = ROWS;

@inline export function rowOf(k: i32): usize {
  return ROWS + (<usize>(k * BLOCK) << 3);
}

// Output k of variants [b0, b0 + nb) at bar t from row[0..nb): in a
// time-major tile one contiguous run, stored two or four values per v128
// (float64 -> float32 rounds as the scalar store does).
export function putRow<O>(c: Call, k: i32, t: i32, b0: i32, nb: i32, row: usize): void {
  const p = rowAt<O>(c, k, t, b0);
  if (p == 0) return;
  let j = 0;
  if (c.variantStride == 1) {
    if (sizeof<O>() == 4) {
      for (; j + 4 <= nb; j += 4) {
        const lo = f32x4.demote_f64x2_zero(v128.load(row + (<usize>j << 3)));
        const hi = f32x4.demote_f64x2_zero(v128.load(row + (<usize>j << 3), 16));
        v128.store(p + (<usize>j << 2), v128.shuffle<i32>(lo, hi, 0, 1, 4, 5));
      }
    } else {
      for (; j + 2 <= nb; j += 2) v128.store(p + (<usize>j << 3), v128.load(row + (<usize>j << 3)));
    }
    for (; j < nb; ++j) store<O>(p + <usize>j * sizeof<O>(), <O>load<f64>(row + (<usize>j << 3)));
  } else {
    const step = <usize>c.variantStride * sizeof<O>();
    for (; j < nb; ++j) store<O>(p + <usize>j * step, <O>load<f64>(row + (<usize>j << 3)));
  }
}

// Where output k of variant b0 at bar t lies in the tile (0 when output k
// was not asked for): putRow's target, for kernels that store a time-major
// row as they compute it (variant j of the block at + j * sizeof<O>()).
export function rowAt<O>(c: Call, k: i32, t: i32, b0: i32): usize {
  const base = load<usize>(c.outPtrs + (<usize>k << 2));
  if (base == 0) return 0;
  if (offTile(c, t)) tileMiss(c, t);
  return base + (<usize>(t - c.rowStart) * <usize>c.timeStride + <usize>b0 * <usize>c.variantStride) * sizeof<O>();
}

// Outputs 0..n-1 of variants [b0, b0 + nb) at bar t from rowOf(0..n-1);
// unselected outputs are skipped (their rows may hold anything).
export function putRows<O>(c: Call, t: i32, b0: i32, nb: i32, n: i32): void {
  for (let k = 0; k < n; ++k) putRow<O>(c, k, t, b0, nb, rowOf(k));
}

export function putNaNAll<O>(c: Call, t: i32, b0: i32, nb: i32): void {
  for (let k = 0; k < c.nOut; ++k)
    for (let j = 0; j < nb; ++j) put<O>(c, k, t, b0 + j, NaN);
}

@inline export function slot(area: usize, j: i32): f64 {
  return load<f64>(area + (<usize>j << 3));
}

@inline export function setSlot(area: usize, j: i32, x: f64): void {
  store<f64>(area + (<usize>j << 3), x);
}
