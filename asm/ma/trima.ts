// ma.trima; mirrors native/ma/trima.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A } from "../abi";
import { prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * T + 1.0; }

@inline function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }

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
  const sum = STATE_A;
  for (let t = 0; t < c.T; ++t) {
    const age = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      const a = trimaInner(n), b = n + 1 - a;
      if (age < a) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      const mean = prefixWindowSum(prefix, t, a) / <f64>a;
      setSlot(sum, j, age == a ? mean : slot(sum, j) + mean);
      if (age < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      put<O>(c, 0, t, b0 + j, slot(sum, j) / <f64>b);
      setSlot(sum, j, slot(sum, j) - prefixWindowSum(prefix, t - b + 1, a) / <f64>a);
    }
  }
}
