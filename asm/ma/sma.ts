// ma.sma; mirrors native/ma/sma.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { prefixSums } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * T + 1.0; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch;
  const lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = c.scratch;
  const lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  for (let t = 0; t < c.T; ++t) {
    const age = <f64>t - at(lastGap, t);
    const head = at(prefix, t + 1);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      // Multiply by 1/w, as native/ma/sma.h does (within one ulp of TA-Lib's divide).
      const v = age >= w ? (head - at(prefix, t + 1 - <i32>w)) * (1.0 / w) : NaN;
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}
