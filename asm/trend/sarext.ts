// trend.sarext; mirrors native/trend/sarext.h. Lanes hold sar, ep, afLong,
// afShort and isLong (1 or 0) in STATE_A..E.
import { at, Call, input, param, put, putNaNAll, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D, STATE_E } from "../abi";

export function scratch(T: i32): f64 { return 0.0; }

// TA-Lib clamps the start and the step to the maximum.
@inline function clamped(c: Call, p: i32, maxP: i32, v: i32): f64 {
  const x = param(c, p, v), cap = param(c, maxP, v);
  return x > cap ? cap : x;
}

// One bar of lane j in TA-Lib's order; returns the signed SAR reported at the bar.
function sarExtBar(c: Call, j: i32, v: i32, prevHigh: f64, prevLow: f64, high: f64, low: f64): f64 {
  let sar = slot(STATE_A, j), ep = slot(STATE_B, j), afLong = slot(STATE_C, j), afShort = slot(STATE_D, j);
  let isLong = slot(STATE_E, j) != 0.0;
  const offset = param(c, 1, v);
  let reported: f64;
  if (isLong) {
    if (low <= sar) {
      isLong = false;
      sar = ep;
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
      if (offset != 0.0) sar += sar * offset;
      reported = -sar;
      afShort = clamped(c, 5, 7, v);
      ep = low;
      sar = sar + afShort * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    } else {
      reported = sar;
      if (high > ep) {
        ep = high;
        afLong += clamped(c, 3, 4, v);
        if (afLong > param(c, 4, v)) afLong = param(c, 4, v);
      }
      sar = sar + afLong * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    }
  } else {
    if (high >= sar) {
      isLong = true;
      sar = ep;
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
      if (offset != 0.0) sar -= sar * offset;
      reported = sar;
      afLong = clamped(c, 2, 4, v);
      ep = high;
      sar = sar + afLong * (ep - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    } else {
      reported = -sar;
      if (low < ep) {
        ep = low;
        afShort += clamped(c, 6, 7, v);
        if (afShort > param(c, 7, v)) afShort = param(c, 7, v);
      }
      sar = sar + afShort * (ep - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    }
  }
  setSlot(STATE_A, j, sar);
  setSlot(STATE_B, j, ep);
  setSlot(STATE_C, j, afLong);
  setSlot(STATE_D, j, afShort);
  setSlot(STATE_E, j, isLong ? 1.0 : 0.0);
  return reported;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const high = input(c, 0), low = input(c, 1);
  putNaNAll<O>(c, s, b0, nb);
  if (e - s < 2) return;
  const up = at(high, s + 1) - at(high, s), down = at(low, s) - at(low, s + 1);
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j, start = param(c, 0, v);
    // The first trend and SAR from startvalue, or (0) from the sign of the -DM of bar s + 1.
    const isLong = start == 0.0 ? !(down > 0.0 && up < down) : start > 0.0;
    setSlot(STATE_A, j, start == 0.0 ? (isLong ? at(low, s) : at(high, s)) : Math.abs(start));
    setSlot(STATE_B, j, isLong ? at(high, s + 1) : at(low, s + 1));
    setSlot(STATE_C, j, clamped(c, 2, 4, v));
    setSlot(STATE_D, j, clamped(c, 5, 7, v));
    setSlot(STATE_E, j, isLong ? 1.0 : 0.0);
  }
  for (let u = s + 1; u < e; ++u) {
    const p = u > s + 1 ? u - 1 : u;  // TA-Lib's first bar is its own previous bar
    const prevHigh = at(high, p), prevLow = at(low, p), h = at(high, u), l = at(low, u);
    for (let j = 0; j < nb; ++j) put<O>(c, 0, u, b0 + j, sarExtBar(c, j, b0 + j, prevHigh, prevLow, h, l));
  }
}
