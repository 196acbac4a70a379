// momentum.fisher; mirrors native/momentum/fisher.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_B, STATE_C } from "../abi";
import {
  buildRange, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeRows, keepLeadState, laneRow, leadRun, leadStateAt, maxParam, rangeLows,
  rangeScratch, readLeadState, runFrom, runGoesOn, runOrigin, startLeadBlock, windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
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

export function scratch(T: i32): f64 { return <f64>T + rangeScratch(T) + STATE_DOUBLES; }

// Kernel state per variant (kFisherState in native/momentum/fisher.h): [lead, age, smoothed position, Fisher value].
const FISHER_STATE: i32 = 4;

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0)) return BAD_PARAM;
  if (!readLeadState(c, FISHER_STATE, <i32>maxParam(c, 0) - 1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1);
  const hl2 = c.scratch;
  for (let t = 0; t < c.T; ++t) store<f64>(hl2 + (<usize>t << 3), (at(high, t) + at(low, t)) / 2.0);
  const highs = hl2 + (<usize>c.T << 3), lows = rangeLows(highs, c.T);
  buildRange(hl2, hl2, c.T, callWindow(c, 0), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
  startLeadBlock(c, FISHER_STATE, b0, nb);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const hl2 = c.scratch;
  const value = lane(3), fish = lane(4);
  leadRun<O>(c, b0, nb, s, e);
  const origin = runOrigin, t0 = runFrom, goesOn = runGoesOn;
  if (t0 == e) return;
  for (let j = 0; j < nb; ++j) {
    setSlot(value, j, goesOn ? load<f64>(leadStateAt(c.stateIn, FISHER_STATE, b0 + j), 16) : 0.0);
    setSlot(fish, j, goesOn ? load<f64>(leadStateAt(c.stateIn, FISHER_STATE, b0 + j), 24) : 0.0);
  }
  const highs = hl2 + (<usize>c.T << 3), lows = rangeLows(highs, c.T);
  for (let t = t0; t < e; ++t) {
    // The block's windows a bar at a time (extremeRows), each lane's from its set entry.
    extremeRows(true, highs, c.T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, c.T, t, t - s + 1, EXTREME_LOW);
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
    const to = keepLeadState(c, FISHER_STATE, b0 + j, e);
    store<f64>(to, slot(value, j), 16);
    store<f64>(to, slot(fish, j), 24);
  }
}
