// momentum.fisher; mirrors native/momentum/fisher.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_B, STATE_C } from "../abi";
import {
  buildRange, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeRows, laneRow, leaveTailState, rangeLows, rangeScratch, validAt, windowsFit, windowSetAdd,
  windowSetBegin, windowSetEnd,
} from "../primitives";
import { lane, placeState, STATE_DOUBLES } from "./common";

// ln(x) as musl's log.c, operation for operation: portableLog of
// native/momentum/fisher.h (AssemblyScript's Math.log is musl's table-driven
// log, the C library's may differ again: this one is both builds' bits).
export function portableLog(x: f64): f64 {
  let u = reinterpret<u64>(x);
  let hx = <u32>(u >> 32);
  let k: i32 = 0;
  if (hx < 0x00100000 || (hx >> 31) != 0) {
    if (u << 1 == 0) return -1 / (x * x);        // log(+-0) = -inf
    if ((hx >> 31) != 0) return (x - x) / 0.0;    // log(-x) = NaN
    k -= 54;                                      // subnormal: scaled up
    x *= reinterpret<f64>(0x4350000000000000);    // 2^54
    u = reinterpret<u64>(x);
    hx = <u32>(u >> 32);
  } else if (hx >= 0x7FF00000) {
    return x;
  } else if (hx == 0x3FF00000 && u << 32 == 0) {
    return 0;
  }
  hx += 0x3FF00000 - 0x3FE6A09E;
  k += <i32>(hx >> 20) - 0x3FF;
  hx = (hx & 0x000FFFFF) + 0x3FE6A09E;
  u = (<u64>hx << 32) | (u & 0xFFFFFFFF);
  x = reinterpret<f64>(u);
  const f = x - 1.0;
  const hfsq = 0.5 * f * f;
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (reinterpret<f64>(0x3FD999999997FA04) + w * (reinterpret<f64>(0x3FCC71C51D8E78AF) + w * reinterpret<f64>(0x3FC39A09D078C69F)));
  const t2 = z * (reinterpret<f64>(0x3FE5555555555593) + w * (reinterpret<f64>(0x3FD2492494229359) + w * (reinterpret<f64>(0x3FC7466496CB03DE) + w * reinterpret<f64>(0x3FC2F112DF3E5244))));
  const r = t2 + t1;
  const dk = <f64>k;
  return s * (hfsq + r) + dk * reinterpret<f64>(0x3DEA39EF35793C76) - hfsq + f + dk * reinterpret<f64>(0x3FE62E42FEE00000);
}

@inline function fisherValue(x: f64, highest: f64, lowest: f64, prev: f64): f64 {
  const range = highest - lowest;
  const position = range != 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : (v < -0.999 ? -0.999 : v);
}

// hl2 at bars 1 - W .. T - 1 (the state's last W - 1 before bar 0), their ranges, then the lanes.
export function scratch(T: i32, W: i32): f64 {
  const n = <f64>T + <f64>max(W, 1) - 1.0;
  return n + rangeScratch(<i32>n) + STATE_DOUBLES;
}

// Kernel state (per variant, S numbers, S first; kStateHead in native/momentum/fisher.h): [S, the run's age,
// smoothed position, Fisher value, the last S - 4 bars' hl2].
const STATE_HEAD: i32 = 4;
// Set by prepare: S (0 without state), the tail's bars before bar 0 in the series (Q), bars of bar 0's run before the call.
let stateSize: i32 = 0, before: i32 = 0, carried: i32 = 0;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(stateSize * v) << 3); }

export function prepare(c: Call): i32 {
  const W = max(callWindow(c, 0), 1);
  stateSize = before = carried = 0;
  if (c.stateIn != 0 || c.stateOut != 0) {
    if (c.stateIn == 0 || c.stateLen < 1) return BAD_PARAM;
    const S = load<f64>(c.stateIn);
    if (S != Math.floor(S) || S < <f64>(STATE_HEAD + W - 1) || S * <f64>c.v1 > <f64>c.stateLen) return BAD_PARAM;
    stateSize = <i32>S;
  }
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const Q = stateSize > 0 ? W - 1 : 0, n = Q + c.T;
  before = Q;
  const high = input(c, 0), low = input(c, 1);
  const ext = c.scratch, hl2 = ext + (<usize>Q << 3);
  if (stateSize > 0) {
    memory.copy(ext, stateAt(c.stateIn, c.v0) + (<usize>(stateSize - Q) << 3), <usize>Q << 3);
    if (c.T > 0 && validAt(c, 2, 0)) carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 8);
  }
  for (let t = 0; t < c.T; ++t) store<f64>(hl2 + (<usize>t << 3), (at(high, t) + at(low, t)) / 2.0);
  const highs = ext + (<usize>n << 3);
  buildRange(ext, ext, n, W, highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
  // As a call ending on a NaN bar leaves the state: the head in with age 0, the tail moved on by the call's hl2.
  if (c.stateOut != 0) leaveTailState(c, stateSize, STATE_HEAD, 1, b0, nb, c.scratch + (<usize>before << 3));
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const Q = before, n = Q + c.T;
  const hl2 = c.scratch + (<usize>Q << 3);
  const value = lane(3), fish = lane(4);
  const origin = s == 0 ? -carried : s;  // the run's first bar
  for (let j = 0; j < nb; ++j) {
    const from = origin < s ? stateAt(c.stateIn, b0 + j) : 0;
    setSlot(value, j, from != 0 ? load<f64>(from, 16) : 0.0);
    setSlot(fish, j, from != 0 ? load<f64>(from, 24) : 0.0);
  }
  const highs = c.scratch + (<usize>n << 3), lows = rangeLows(highs, n);
  for (let t = s; t < e; ++t) {
    // The block's windows a bar at a time (extremeRows), each lane's from its set entry.
    extremeRows(true, highs, n, t + Q, t - origin + 1, EXTREME_HIGH);
    extremeRows(false, lows, n, t + Q, t - origin + 1, EXTREME_LOW);
    const hRow = laneRow(0, EXTREME_HIGH, STATE_B), lRow = laneRow(0, EXTREME_LOW, STATE_C);
    for (let j = 0; j < nb; ++j) {
      const w = <i32>param(c, 0, b0 + j);
      let f = NaN, trigger = NaN;
      if (t - origin >= w - 1) {
        const prev = slot(fish, j);
        if (t - origin >= w) trigger = prev;
        const v = fisherValue(at(hl2, t), at(hRow, j), at(lRow, j), slot(value, j));
        setSlot(value, j, v);
        f = 0.5 * portableLog((1.0 + v) / (1.0 - v)) + 0.5 * prev;
        setSlot(fish, j, f);
      }
      put<O>(c, 0, t, b0 + j, f);
      put<O>(c, 1, t, b0 + j, trigger);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    if (e == c.T) store<f64>(to, <f64>(e - origin), 8);
    store<f64>(to, slot(value, j), 16);
    store<f64>(to, slot(fish, j), 24);
  }
}
