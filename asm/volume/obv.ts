// volume.obv; mirrors native/volume/obv.h.
import { at, Call, input, OK } from "../abi";
import { segmentEnd, validAt } from "../primitives";
import { putEvery } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 {
  const close = input(c, 0), volume = input(c, 1);
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 2, t)) { putEvery<O>(c, 0, t, NaN); ++t; continue; }
    const s = t, e = segmentEnd(c, 2, t);
    let level = at(volume, s);
    putEvery<O>(c, 0, s, level);
    for (t = s + 1; t < e; ++t) {
      const x = at(close, t), prev = at(close, t - 1);
      if (x > prev) level += at(volume, t);
      else if (x < prev) level -= at(volume, t);
      putEvery<O>(c, 0, t, level);
    }
  }
  return OK;
}
