// trend.sarext, stepped by sarBar (common.ts); mirrors native/trend/sarext.h.
import { at, Call, input, param, put, putNaNAll } from "../abi";
import { sarBar, sarLaneIsLong, setSarLane } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// TA-Lib clamps the start and the step to the maximum.
@inline function clamped(c: Call, p: i32, maxP: i32, v: i32): f64 {
  const x = param(c, p, v), cap = param(c, maxP, v);
  return x > cap ? cap : x;
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
    setSarLane(j, start == 0.0 ? (isLong ? at(low, s) : at(high, s)) : Math.abs(start), isLong ? at(high, s + 1) : at(low, s + 1),
      clamped(c, 2, 4, v), clamped(c, 5, 7, v), isLong);
  }
  for (let u = s + 1; u < e; ++u) {
    const p = u > s + 1 ? u - 1 : u;  // TA-Lib's first bar is its own previous bar
    const prevHigh = at(high, p), prevLow = at(low, p), h = at(high, u), l = at(low, u);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const sar = sarBar(j, prevHigh, prevLow, h, l, param(c, 1, v),
        clamped(c, 2, 4, v), clamped(c, 3, 4, v), param(c, 4, v), clamped(c, 5, 7, v), clamped(c, 6, 7, v), param(c, 7, v));
      put<O>(c, 0, u, v, sarLaneIsLong(j) ? sar : -sar);
    }
  }
}
