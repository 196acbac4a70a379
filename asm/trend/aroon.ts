// trend.aroon; mirrors native/trend/aroon.h. The bars of the extremes come in
// rows of the block's windows of n + 1 bars (argExtremeRows); lanes hold n
// (STATE_A) and 100 / n (STATE_B).
import {
  BAD_PARAM, Call, input, MAX_WINDOW, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, STATE_A, STATE_B, STATE_C,
  STATE_D,
} from "../abi";
import {
  argExtremeRows, buildArgExtremes, EXTREME_HIGH, EXTREME_LOW, extremeLevels, extremeScratch, laneRow, maxParam,
  windowCapacity, windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
} from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const levels = extremeLevels(min(<i32>maxParam(c, 0) + 1, windowCapacity(T, MAX_WINDOW)));
  const highest = c.scratch, lowest = c.scratch + (<usize>extremeScratch(T) << 3);
  buildArgExtremes(true, high, T, levels, highest);
  buildArgExtremes(false, low, T, levels, lowest);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0, 1);
  windowSetEnd();
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j);
    setSlot(STATE_A, j, n);
    setSlot(STATE_B, j, 100.0 / n);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const highest = c.scratch, lowest = c.scratch + (<usize>extremeScratch(T) << 3);
  for (let t = s; t < e; ++t) {
    argExtremeRows(true, high, highest, T, t, t - s + 1, EXTREME_HIGH);
    argExtremeRows(false, low, lowest, T, t, t - s + 1, EXTREME_LOW);
    const hi = laneRow(0, EXTREME_HIGH, STATE_C), lo = laneRow(0, EXTREME_LOW, STATE_D);
    // factor * (n - (t - bar)) up and down, factor * (hi - lo) the oscillator; NaN bars (window not full) give NaN.
    const now = f64x2.splat(<f64>t);
    for (let k = 0; k < 3; ++k) {
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const off = <usize>j << 3;
        const factor = v128.load(STATE_B + off), n = v128.load(STATE_A + off);
        const h = v128.load(hi + off), l = v128.load(lo + off);
        const v = k == 2 ? f64x2.sub(h, l) : f64x2.sub(n, f64x2.sub(now, k == 0 ? h : l));
        v128.store(ROW + off, f64x2.mul(factor, v));
      }
      for (; j < nb; ++j) {
        const h = load<f64>(hi + (<usize>j << 3)), l = load<f64>(lo + (<usize>j << 3));
        const v = k == 2 ? h - l : load<f64>(STATE_A + (<usize>j << 3)) - (<f64>t - (k == 0 ? h : l));
        store<f64>(ROW + (<usize>j << 3), load<f64>(STATE_B + (<usize>j << 3)) * v);
      }
      putRow<O>(c, k, t, b0, nb, ROW);
    }
  }
}
