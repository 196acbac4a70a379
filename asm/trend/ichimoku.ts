// trend.ichimoku; mirrors native/trend/ichimoku.h. The channel midpoints of
// the block's conversion, base and span_b windows (slots 0, 1, 2 of the
// window set) come in rows at bar t, and at bar t - d when every variant of
// the block has displacement d (default grids); otherwise lane by lane.
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, STATE_A, STATE_B } from "../abi";
import {
  buildRange, EXTREME_LOW, extremeAt, extremeWindowBack, extremeWindowLevel, laneRow,
  maxParam, midRow, midRows, rangeLows, rangeScratch, WINDOW_SLOTS, windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
  windowSetSize,
} from "../primitives";

export function scratch(T: i32): f64 { return rangeScratch(T); }

// The midpoints at bar t - d.
const PAST_MID: usize = memory.data(WINDOW_SLOTS * BLOCK * 8, 16);
let displacement = -1;  // the block's common d, -1 when its variants differ
// The midpoint rows of the last d + 1 bars, when they fit (ringRows > 0): the
// spans read the row of bar t - d instead of computing it again.
const RING_DOUBLES = 8192;
const RING: usize = memory.data(RING_DOUBLES * 8, 16);
let ringRows = 0;

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return BAD_PARAM;
  buildRange(input(c, 0), input(c, 1), c.T, <i32>max(maxParam(c, 0), max(maxParam(c, 1), maxParam(c, 2))), c.scratch);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  for (let p = 0; p < 3; ++p) windowSetAdd(c, p, b0);
  windowSetEnd();
  displacement = <i32>param(c, 3, b0);
  for (let j = 1; j < nb; ++j) if (<i32>param(c, 3, b0 + j) != displacement) displacement = -1;
  ringRows = displacement >= 0 && windowSetSize() * (displacement + 1) <= RING_DOUBLES ? displacement + 1 : 0;
}

// The channel midpoint of window w at bar u, NaN when the window reaches before s.
function midAt(highs: usize, lows: usize, T: i32, w: i32, s: i32, u: i32): f64 {
  if (u - s < w - 1) return NaN;
  const back = extremeWindowBack(w);
  return (extremeAt(true, extremeWindowLevel(highs, T, w), back, u) + extremeAt(false, extremeWindowLevel(lows, T, w), back, u)) / 2.0;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T, close = input(c, 2);
  const highs = c.scratch, lows = rangeLows(highs, T);
  const d = displacement;
  for (let t = s; t < e; ++t) {
    const rowBytes = <usize>windowSetSize() << 3;
    const mids = ringRows > 0 ? RING + <usize>(t % ringRows) * rowBytes : EXTREME_LOW;
    midRows(highs, lows, T, t, t - s + 1, mids);
    putRow<O>(c, 0, t, b0, nb, laneRow(0, mids, ROW));
    putRow<O>(c, 1, t, b0, nb, laneRow(1, mids, ROW));
    // Span A (the mean of the conversion and base midpoints) and span B at u = t - d.
    if (d >= 0) {
      const u = t - d;
      let past = PAST_MID;
      if (ringRows > 0 && u >= s) past = RING + <usize>(u % ringRows) * rowBytes;  // written at bar u of this run
      else midRows(highs, lows, T, u, u - s + 1, PAST_MID);
      const conversion = laneRow(0, past, STATE_A), base = laneRow(1, past, STATE_B);
      midRow(conversion, base, ROW, nb);
      putRow<O>(c, 2, t, b0, nb, ROW);
      putRow<O>(c, 3, t, b0, nb, laneRow(2, past, ROW));
      const lagging = t + d < e ? at(close, t + d) : NaN;
      for (let j = 0; j < nb; ++j) store<f64>(ROW + (<usize>j << 3), lagging);
    } else {
      for (let j = 0; j < nb; ++j) {
        const v = b0 + j, u = t - <i32>param(c, 3, v);
        const wc = <i32>param(c, 0, v), wb = <i32>param(c, 1, v);
        store<f64>(STATE_A + (<usize>j << 3), (midAt(highs, lows, T, wc, s, u) + midAt(highs, lows, T, wb, s, u)) / 2.0);
        store<f64>(STATE_B + (<usize>j << 3), midAt(highs, lows, T, <i32>param(c, 2, v), s, u));
      }
      putRow<O>(c, 2, t, b0, nb, STATE_A);
      putRow<O>(c, 3, t, b0, nb, STATE_B);
      for (let j = 0; j < nb; ++j) {
        const ahead = t + <i32>param(c, 3, b0 + j);
        store<f64>(ROW + (<usize>j << 3), ahead < e ? at(close, ahead) : NaN);
      }
    }
    putRow<O>(c, 4, t, b0, nb, ROW);
  }
}
