// trend.chandelier_exit; mirrors native/trend/chandelier_exit.h. Lanes hold
// the ATR (STATE_A) and the band of the bar (STATE_B, NaN before the first
// value); the channel comes in rows of the block's windows (extremeRows).
// scratch: true range, then the channel.
import {
  at, BAD_PARAM, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, STATE_A, STATE_B, STATE_C, STATE_D,
  STATE_E,
} from "../abi";
import {
  buildRange, EXTREME_HIGH, EXTREME_LOW, extremeRows, laneRow, maxParam, rangeLows, rangeScratch, seedsFirst, trueRanges,
  windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
} from "../primitives";
import { atrAdvance } from "./common";

export function scratch(T: i32): f64 { return <f64>T + rangeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  buildRange(input(c, 0), input(c, 1), T, <i32>maxParam(c, 0), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  const lows = rangeLows(highs, T);
  const firstRange = at(input(c, 0), s) - at(input(c, 1), s);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      const first = seedsFirst(c, 2, v);
      let atr = first ? atrAdvance(STATE_A, j, tr, s, t, n, true, firstRange) : 0.0;
      let band = NaN;
      if (t >= s + w - (first ? 1 : 0)) {
        if (!first) atr = atrAdvance(STATE_A, j, tr, s, t, n);
        band = param(c, 1, v) * atr;
      }
      setSlot(STATE_B, j, band);
    }
    extremeRows(true, highs, T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, T, t, t - s + 1, EXTREME_LOW);
    const hh = laneRow(0, EXTREME_HIGH, STATE_C), ll = laneRow(0, EXTREME_LOW, STATE_D);
    // highest - band and lowest + band; a NaN band (before the first value) gives NaN.
    let j = 0;
    for (; j + 2 <= nb; j += 2) {
      const off = <usize>j << 3, band = v128.load(STATE_B + off);
      v128.store(ROW + off, f64x2.sub(v128.load(hh + off), band));
      v128.store(STATE_E + off, f64x2.add(v128.load(ll + off), band));
    }
    for (; j < nb; ++j) {
      const band = at(STATE_B, j);
      store<f64>(ROW + (<usize>j << 3), at(hh, j) - band);
      store<f64>(STATE_E + (<usize>j << 3), at(ll, j) + band);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
    putRow<O>(c, 1, t, b0, nb, STATE_E);
  }
}
