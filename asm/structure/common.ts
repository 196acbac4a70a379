// What several structure indicators share (see native/structure/common.h):
// the lengths of a candle, and rolling extremes over windows (MAX, MIN,
// MIDPOINT, MIDPRICE).
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C,
  STATE_D,
} from "../abi";
import {
  buildExtremes, extremeAt, extremeLevels, extremeScratch, extremeWindowBack, extremeWindowLevel,
  inputGaps, maxParam, windowsFit,
} from "../primitives";

// The four lengths of a candle: body, range, upper wick, lower wick.
@inline export function candleTop(open: f64, close: f64): f64 { return open > close ? open : close; }
@inline export function candleBottom(open: f64, close: f64): f64 { return open > close ? close : open; }

@inline export function ratioOrNaN(x: f64, by: f64): f64 {
  return by != 0.0 ? x / by : NaN;
}

// Rolling extremes (native rollingExtremes): MAX, MIN, or the mid of the max
// of input 0 and the min of input nIn - 1.
export const KIND_MAX: i32 = 0, KIND_MIN: i32 = 1, KIND_MID: i32 = 2;

export function extremesScratch(T: i32, tables: i32): f64 { return <f64>tables * extremeScratch(T) + <f64>T; }

export function rollingExtremes<O>(c: Call, kind: i32, nIn: i32): i32 {
  const T = c.T;
  if (<f64>c.scratchLen < extremesScratch(T, kind == KIND_MID ? 2 : 1)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const levels = extremeLevels(<i32>maxParam(c, 0));
  const lastGap = c.scratch;
  inputGaps(c, nIn, lastGap);
  const highs = lastGap + (<usize>T << 3);
  const lows = highs + (kind == KIND_MID ? <usize>extremeScratch(T) << 3 : 0);
  if (kind != KIND_MIN) buildExtremes(true, input(c, 0), T, levels, highs);
  if (kind != KIND_MAX) buildExtremes(false, input(c, nIn - 1), T, levels, lows);
  // Bar by bar over blocks of variants, each variant's window levels in lanes:
  // output tiles move forward only (asm/abi.ts).
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      setSlot(STATE_A, j, <f64>n);
      setSlot(STATE_B, j, <f64>(extremeWindowLevel(highs, T, n)));
      setSlot(STATE_C, j, <f64>(extremeWindowLevel(lows, T, n)));
      setSlot(STATE_D, j, <f64>extremeWindowBack(n));
    }
    for (let t = 0; t < T; ++t) {
      const run = t - <i32>at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        let x = NaN;
        if (run >= <i32>slot(STATE_A, j)) {
          const back = <i32>slot(STATE_D, j);
          const hi = kind != KIND_MIN ? extremeAt(true, <usize>slot(STATE_B, j), back, t) : 0.0;
          const lo = kind != KIND_MAX ? extremeAt(false, <usize>slot(STATE_C, j), back, t) : 0.0;
          x = kind == KIND_MAX ? hi : kind == KIND_MIN ? lo : (hi + lo) / 2.0;
        }
        store<f64>(ROW + (<usize>j << 3), x);
      }
      putRow<O>(c, 0, t, b0, nb, ROW);
    }
  }
  return OK;
}
