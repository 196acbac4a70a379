// ma.trima; mirrors native/ma/trima.h.
import { at, Call, param, putRow, ROW, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { compensatedAdd, prefixWindowSum } from "../primitives";
import { prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch } from "./common";

export function scratch(T: i32): f64 { return sourcePrefixScratch(T); }

@inline function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const sum = STATE_A, err = STATE_B;  // the outer sum and its rounding errors (compensatedAdd)
  for (let t = 0; t < c.T; ++t) {
    const age = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      const a = trimaInner(n), b = n + 1 - a;
      if (age < a) { store<f64>(ROW + (<usize>j << 3), NaN); continue; }
      const mean = prefixWindowSum(prefix, t, a) / <f64>a;
      const s = sum + (<usize>j << 3), e = err + (<usize>j << 3);
      if (age == a) { setSlot(sum, j, 0.0); setSlot(err, j, 0.0); }
      compensatedAdd(s, e, mean);
      if (age < n) { store<f64>(ROW + (<usize>j << 3), NaN); continue; }
      store<f64>(ROW + (<usize>j << 3), (slot(sum, j) + slot(err, j)) / <f64>b);
      compensatedAdd(s, e, -(prefixWindowSum(prefix, t - b + 1, a) / <f64>a));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
