// trend.psar: lanes hold sar, ep, af and isLong (1 or 0) in STATE_A..D.
import { at, Call, input, param, putNaNAll, putRows, rowOf, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D } from "../abi";

@inline function belowBars(sar: f64, prevLow: f64, low: f64): f64 {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

@inline function aboveBars(sar: f64, prevHigh: f64, high: f64): f64 {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

@inline function sarStart(start: f64, maxAf: f64): f64 {
  return start > maxAf ? maxAf : start;
}

// One bar of lane j in TA-Lib's order; returns the SAR reported at the bar.
function sarBar(j: i32, prevHigh: f64, prevLow: f64, high: f64, low: f64, afStart: f64, afStep: f64, afMax: f64): f64 {
  let sar = slot(STATE_A, j), ep = slot(STATE_B, j), af = slot(STATE_C, j);
  let isLong = slot(STATE_D, j) != 0.0;
  let reported: f64;
  if (isLong) {
    if (low <= sar) {
      isLong = false;
      reported = aboveBars(ep, prevHigh, high);
      af = afStart;
      ep = low;
      sar = aboveBars(reported + af * (ep - reported), prevHigh, high);
    } else {
      reported = sar;
      if (high > ep) { ep = high; af = min(af + afStep, afMax); }
      sar = belowBars(sar + af * (ep - sar), prevLow, low);
    }
  } else {
    if (high >= sar) {
      isLong = true;
      reported = belowBars(ep, prevLow, low);
      af = afStart;
      ep = high;
      sar = belowBars(reported + af * (ep - reported), prevLow, low);
    } else {
      reported = sar;
      if (low < ep) { ep = low; af = min(af + afStep, afMax); }
      sar = aboveBars(sar + af * (ep - sar), prevHigh, high);
    }
  }
  setSlot(STATE_A, j, sar);
  setSlot(STATE_B, j, ep);
  setSlot(STATE_C, j, af);
  setSlot(STATE_D, j, isLong ? 1.0 : 0.0);
  return reported;
}

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const high = input(c, 0), low = input(c, 1);
  putNaNAll<O>(c, s, b0, nb);
  if (e - s < 2) return;
  const up = at(high, s + 1) - at(high, s), down = at(low, s) - at(low, s + 1);
  const startLong = !(down > 0.0 && up < down);
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j;
    setSlot(STATE_A, j, startLong ? at(low, s) : at(high, s));
    setSlot(STATE_B, j, startLong ? at(high, s + 1) : at(low, s + 1));
    setSlot(STATE_C, j, sarStart(param(c, 0, v), param(c, 2, v)));
    setSlot(STATE_D, j, startLong ? 1.0 : 0.0);
  }
  for (let u = s + 1; u < e; ++u) {
    const p = u > s + 1 ? u - 1 : u;  // TA-Lib's first bar is its own previous bar
    const prevHigh = at(high, p), prevLow = at(low, p), h = at(high, u), l = at(low, u);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const maxAf = param(c, 2, v);
      setSlot(rowOf(0), j, sarBar(j, prevHigh, prevLow, h, l, sarStart(param(c, 0, v), maxAf), param(c, 1, v), maxAf));
      setSlot(rowOf(1), j, slot(STATE_D, j) != 0.0 ? 1.0 : -1.0);
    }
    putRows<O>(c, u, b0, nb, 2);
  }
}
