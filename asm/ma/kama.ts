// ma.kama; mirrors native/ma/kama.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A } from "../abi";
import { emaStep, nearZero, prefixLength, prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * T + prefixLength(T); }

const KAMA_SLOW: f64 = 2.0 / (30.0 + 1.0);
const KAMA_DIFF: f64 = 2.0 / (2.0 + 1.0) - KAMA_SLOW;

@inline export function kamaConstant(change: f64, path: f64): f64 {
  const er = path <= change || nearZero(path) ? 1.0 : Math.abs(change / path);
  const sc = er * KAMA_DIFF + KAMA_SLOW;
  return sc * sc;
}

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const absDiff = c.scratch;
  const prefix = absDiff + (<usize>c.T << 3);
  const lastGap = prefix + (<usize>(c.T + 1) << 4);
  for (let t = 0; t < c.T; ++t) {
    store<f64>(absDiff + (<usize>t << 3), t > 0 ? Math.abs(at(x, t) - at(x, t - 1)) : NaN);
  }
  prefixSums(absDiff, c.T, prefix, lastGap);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const x = input(c, 0);
  const absDiff = c.scratch;
  const prefix = absDiff + (<usize>c.T << 3);
  const lastGap = prefix + (<usize>(c.T + 1) << 4);
  const state = STATE_A;
  for (let t = 0; t < c.T; ++t) {
    const age = t - <i32>at(lastGap, t);
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      if (age < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      if (age == n) setSlot(state, j, at(x, t - 1));
      const sc = kamaConstant(xt - at(x, t - n), prefixWindowSum(prefix, t, n));
      const k = emaStep(slot(state, j), xt, sc);
      setSlot(state, j, k);
      put<O>(c, 0, t, b0 + j, k);
    }
  }
}
