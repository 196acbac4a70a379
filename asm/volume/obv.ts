// volume.obv; mirrors native/volume/obv.h.
import { at, BAD_PARAM, Call, input, OK } from "../abi";
import { segmentEnd, validAt } from "../primitives";
import { putEvery } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// Kernel state (per variant, the same in each): the level and the close of
// the last bar, both NaN after a NaN bar (native/volume/obv.h).
const STATE: i32 = 2;

export function run<O>(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  const close = input(c, 0), volume = input(c, 1);
  const carried = c.stateIn != 0 && !isNaN(load<f64>(c.stateIn + (<usize>(STATE * c.v0 + 1) << 3)));
  let level = NaN;
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 2, t)) { putEvery<O>(c, 0, t, NaN); ++t; continue; }
    const s = t, e = segmentEnd(c, 2, t);
    if (s == 0 && carried) {
      level = load<f64>(c.stateIn + (<usize>(STATE * c.v0) << 3));
      t = 0;
    } else {
      level = at(volume, s);
      putEvery<O>(c, 0, s, level);
      t = s + 1;
    }
    for (; t < e; ++t) {
      const x = at(close, t), prev = t > 0 ? at(close, t - 1) : load<f64>(c.stateIn + (<usize>(STATE * c.v0 + 1) << 3));
      if (x > prev) level += at(volume, t);
      else if (x < prev) level -= at(volume, t);
      putEvery<O>(c, 0, t, level);
    }
  }
  if (c.stateOut != 0) {
    const valid = c.T > 0 ? validAt(c, 2, c.T - 1) : carried;
    for (let v = c.v0; v < c.v1; ++v) {
      const to = c.stateOut + (<usize>(STATE * v) << 3), from = c.stateIn + (<usize>(STATE * v) << 3);
      store<f64>(to, !valid ? NaN : c.T > 0 ? level : load<f64>(from));
      store<f64>(to, !valid ? NaN : c.T > 0 ? at(close, c.T - 1) : load<f64>(from, 8), 8);
    }
  }
  return OK;
}
