// momentum.williams_r; mirrors native/momentum/williams_r.h. Rows of the
// block's windows a bar at a time (extremeRows), two lanes per v128.
import { at, BAD_PARAM, Call, input, OK, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, STATE_A, STATE_B, STATE_C } from "../abi";
import {
  buildRange, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeRows, laneRow, rangeLows, rangeScratch, windowsFit,
  windowSetAdd, windowSetBegin, windowSetEnd, zeroDenominator,
} from "../primitives";

export function scratch(T: i32): f64 { return rangeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  buildRange(input(c, 0), input(c, 1), c.T, callWindow(c, 0), c.scratch);
  return OK;
}

// STATE_A: each lane's value for a zero range (zero_denominator, param 1).
export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
  for (let j = 0; j < nb; ++j) setSlot(STATE_A, j, zeroDenominator(c, 1, b0 + j, 0.0));
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T, highs = c.scratch, lows = rangeLows(c.scratch, T);
  const close = input(c, 2);
  const hundred = f64x2.splat(-100.0), zero = f64x2.splat(0.0);
  for (let t = s; t < e; ++t) {
    extremeRows(true, highs, T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, T, t, t - s + 1, EXTREME_LOW);
    const hh = laneRow(0, EXTREME_HIGH, STATE_B), ll = laneRow(0, EXTREME_LOW, STATE_C);
    const ct = at(close, t), close2 = f64x2.splat(ct);
    // (hh - close) / ((hh - ll) / -100), or the lane's zero value where the range is 0; NaN rows stay NaN.
    let j = 0;
    for (; j + 2 <= nb; j += 2) {
      const off = <usize>j << 3;
      const h = v128.load(hh + off);
      const diff = f64x2.div(f64x2.sub(h, v128.load(ll + off)), hundred);
      const v = f64x2.div(f64x2.sub(h, close2), diff);
      v128.store(ROW + off, v128.bitselect(v128.load(STATE_A + off), v, f64x2.eq(diff, zero)));
    }
    for (; j < nb; ++j) {
      const h = at(hh, j), diff = (h - at(ll, j)) / -100.0;
      store<f64>(ROW + (<usize>j << 3), diff != 0.0 ? (h - ct) / diff : at(STATE_A, j));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
