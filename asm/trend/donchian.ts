// trend.donchian; mirrors native/trend/donchian.h. Rows of the block's
// windows a bar at a time (extremeRows).
import { BAD_PARAM, Call, input, OK, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import {
  buildRange, EXTREME_HIGH, EXTREME_LOW, extremeRows, laneRow, maxParam, midRow, rangeLows, rangeScratch, windowsFit,
  windowSetAdd, windowSetBegin, windowSetEnd,
} from "../primitives";

export function scratch(T: i32): f64 { return rangeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  buildRange(input(c, 0), input(c, 1), c.T, <i32>maxParam(c, 0), c.scratch);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T, highs = c.scratch, lows = rangeLows(highs, T);
  for (let t = s; t < e; ++t) {
    extremeRows(true, highs, T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, T, t, t - s + 1, EXTREME_LOW);
    putRow<O>(c, 0, t, b0, nb, laneRow(0, EXTREME_HIGH, ROW));
    putRow<O>(c, 1, t, b0, nb, laneRow(0, EXTREME_LOW, ROW));
    midRow(EXTREME_HIGH, EXTREME_LOW, EXTREME_LOW);
    putRow<O>(c, 2, t, b0, nb, laneRow(0, EXTREME_LOW, ROW));
  }
}
