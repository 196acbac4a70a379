// structure.pivots; mirrors native/structure/pivots.h.
// Per variant: left, right, then level and back of the four windows; a bar's
// pivot highs and lows in rows (ROW, STATE_A).
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, STATE_A } from "../abi";
import {
  buildRange, extremeAt, extremeWindowBack, extremeWindowLevel, inputGaps, maxParam, rangeLows,
  rangeScratch, windowsFit,
} from "../primitives";

const PIVOT_LANE: i32 = 10;

export function scratch(T: i32): f64 { return rangeScratch(T) + <f64>T + <f64>(BLOCK * PIVOT_LANE); }

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
    const lane = lanes + <usize>(j * PIVOT_LANE) * 8;
    const left = <i32>param(c, 0, b0 + j), right = <i32>param(c, 1, b0 + j);
    store<f64>(lane, <f64>left);
    store<f64>(lane, <f64>right, 8);
    store<f64>(lane, <f64>extremeWindowLevel(highs, T, left), 16);
    store<f64>(lane, <f64>extremeWindowBack(left), 24);
    store<f64>(lane, <f64>extremeWindowLevel(highs, T, right), 32);
    store<f64>(lane, <f64>extremeWindowBack(right), 40);
    store<f64>(lane, <f64>extremeWindowLevel(lows, T, left), 48);
    store<f64>(lane, <f64>extremeWindowBack(left), 56);
    store<f64>(lane, <f64>extremeWindowLevel(lows, T, right), 64);
    store<f64>(lane, <f64>extremeWindowBack(right), 72);
  }
  for (let t = 0; t < T; ++t) {
    const run = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const lane = lanes + <usize>(j * PIVOT_LANE) * 8;
      const left = <i32>load<f64>(lane), right = <i32>load<f64>(lane, 8);
      let ph = NaN, pl = NaN;
      if (run > left + right) {
        const p = t - right;
        const hp = at(high, p), lp = at(low, p);
        if (hp > extremeAt(true, <usize>load<f64>(lane, 16), <i32>load<f64>(lane, 24), p - 1)
          && hp >= extremeAt(true, <usize>load<f64>(lane, 32), <i32>load<f64>(lane, 40), t)) ph = hp;
        if (lp < extremeAt(false, <usize>load<f64>(lane, 48), <i32>load<f64>(lane, 56), p - 1)
          && lp <= extremeAt(false, <usize>load<f64>(lane, 64), <i32>load<f64>(lane, 72), t)) pl = lp;
      }
      store<f64>(ROW + (<usize>j << 3), ph);
      store<f64>(STATE_A + (<usize>j << 3), pl);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
    putRow<O>(c, 1, t, b0, nb, STATE_A);
  }
}
