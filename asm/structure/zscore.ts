// structure.zscore; mirrors native/structure/zscore.h.
import { BAD_PARAM, BLOCK, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow, MOMENTS, momentsInput, momentsRun, rollingMomentsScratch } from "../primitives";
import { ratioOrNaN } from "./common";

export function scratch(T: i32, W: i32): f64 { return rollingMomentsScratch(T, W); }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T, callWindow(c, 0))) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  if (!momentsInput(c, 0, x, c.scratch, c.stateIn, c.stateOut, c.stateLen)) return BAD_PARAM;
  const moments = MOMENTS;
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    r1 = momentsRun(c, 0, r0);
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const nb = min(BLOCK, r1 - b0);
      for (let t = 0; t < c.T; ++t) {
        for (let j = 0; j < nb; ++j) {
          const w = <i32>param(c, 0, b0 + j);
          let v = NaN;
          if (moments.valid(t, w)) {
            moments.measure(t, w);  // deviation and variance from one windowSums
            v = ratioOrNaN(moments.wDeviation, Math.sqrt(moments.wVariance));
          }
          put<O>(c, 0, t, b0 + j, v);
        }
      }
    }
  }
  return OK;
}
