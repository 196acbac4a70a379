// structure.pivots; mirrors native/structure/pivots.h.
// A bar's pivot highs and lows in rows (ROW, STATE_A).
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, STATE_A } from "../abi";
import {
  buildRange, extremeAt, extremeWindowBack, extremeWindowLevel, inputGaps, maxParam, rangeLows,
  rangeScratch, windowsFit,
} from "../primitives";

// Per variant, as i32: left, right, the levels of the left window in the
// highs' and lows' tables, those of the right window, then how far back the
// two windows' second spans end.
const PIVOT_LANE: i32 = 8;

export function scratch(T: i32): f64 { return rangeScratch(T) + <f64>T + <f64>(BLOCK * PIVOT_LANE / 2); }

export function prepare(c: Call): i32 {
  const T = c.T;
  if (<f64>c.scratchLen < scratch(T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0) || !windowsFit(c, 1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1);
  const lastGap = c.scratch;
  inputGaps(c, 2, lastGap);
  const highs = lastGap + (<usize>T << 3), lows = rangeLows(highs, T);
  buildRange(high, low, T, <i32>max(maxParam(c, 0), maxParam(c, 1)), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const lastGap = c.scratch;
  const highs = lastGap + (<usize>T << 3), lows = rangeLows(highs, T);
  const lanes = highs + (<usize>rangeScratch(T) << 3);
  for (let j = 0; j < nb; ++j) {
    const lane = lanes + <usize>(j * PIVOT_LANE) * 4;
    const left = <i32>param(c, 0, b0 + j), right = <i32>param(c, 1, b0 + j);
    store<i32>(lane, left);
    store<i32>(lane, right, 4);
    store<u32>(lane, <u32>extremeWindowLevel(highs, T, left), 8);
    store<u32>(lane, <u32>extremeWindowLevel(lows, T, left), 12);
    store<u32>(lane, <u32>extremeWindowLevel(highs, T, right), 16);
    store<u32>(lane, <u32>extremeWindowLevel(lows, T, right), 20);
    store<i32>(lane, extremeWindowBack(left), 24);
    store<i32>(lane, extremeWindowBack(right), 28);
  }
  for (let t = 0; t < T; ++t) {
    const run = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const lane = lanes + <usize>(j * PIVOT_LANE) * 4;
      const left = load<i32>(lane), right = load<i32>(lane, 4);
      let ph = NaN, pl = NaN;
      if (run > left + right) {
        const p = t - right;
        const hp = at(high, p), lp = at(low, p);
        const backLeft = load<i32>(lane, 24), backRight = load<i32>(lane, 28);
        if (hp > extremeAt(true, <usize>load<u32>(lane, 8), backLeft, p - 1)
          && hp >= extremeAt(true, <usize>load<u32>(lane, 16), backRight, t)) ph = hp;
        if (lp < extremeAt(false, <usize>load<u32>(lane, 12), backLeft, p - 1)
          && lp <= extremeAt(false, <usize>load<u32>(lane, 20), backRight, t)) pl = lp;
      }
      store<f64>(ROW + (<usize>j << 3), ph);
      store<f64>(STATE_A + (<usize>j << 3), pl);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
    putRow<O>(c, 1, t, b0, nb, STATE_A);
  }
}
