// structure.zscore; mirrors native/structure/zscore.h.
import { Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { maxParam, MOMENTS, rollingMomentsScratch } from "../primitives";
import { ratioOrNaN } from "./common";

export function scratch(T: i32): f64 { return rollingMomentsScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const moments = MOMENTS;
  moments.build(x, c.T, <i32>maxParam(c, 0), c.scratch);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const moments = MOMENTS;
  for (let t = 0; t < c.T; ++t) {
    for (let j = 0; j < nb; ++j) {
      const w = <i32>param(c, 0, b0 + j);
      let v = NaN;
      if (moments.valid(t, w)) v = ratioOrNaN(moments.deviation(t, w), Math.sqrt(moments.variance(t, w)));
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}
