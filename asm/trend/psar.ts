// trend.psar, stepped by sarBar (common.ts); mirrors native/trend/psar.h.
import { at, Call, input, param, putNaNAll, putRows, rowOf, setSlot } from "../abi";
import { sarBar, sarLaneIsLong, setSarLane } from "./common";

@inline function sarStart(start: f64, maxAf: f64): f64 {
  return start > maxAf ? maxAf : start;
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
    const af = sarStart(param(c, 0, v), param(c, 2, v));
    setSarLane(j, startLong ? at(low, s) : at(high, s), startLong ? at(high, s + 1) : at(low, s + 1), af, af, startLong);
  }
  for (let u = s + 1; u < e; ++u) {
    const p = u > s + 1 ? u - 1 : u;  // TA-Lib's first bar is its own previous bar
    const prevHigh = at(high, p), prevLow = at(low, p), h = at(high, u), l = at(low, u);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const maxAf = param(c, 2, v), start = sarStart(param(c, 0, v), maxAf), step = param(c, 1, v);
      setSlot(rowOf(0), j, sarBar(j, prevHigh, prevLow, h, l, 0.0, start, step, maxAf, start, step, maxAf));
      setSlot(rowOf(1), j, sarLaneIsLong(j) ? 1.0 : -1.0);
    }
    putRows<O>(c, u, b0, nb, 2);
  }
}
