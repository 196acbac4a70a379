// momentum.trix; mirrors native/momentum/trix.h.
// TA-Lib ROC in its own operation order; `zero` where the earlier value is 0 (TA-Lib: 0).
import { at, Call, input, param, put } from "../abi";
import { averageLane, seedsFirst, zeroDenominator } from "../primitives";

@inline function rocValue(x: f64, prev: f64, zero: f64): f64 {
  return prev != 0.0 ? (x / prev - 1.0) * 100.0 : zero;
}

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j), first = seedsFirst(c, 1, b0 + j);
    averageLane(0, j).reset(n, false, first);
    averageLane(1, j).reset(n, false, first);
    averageLane(2, j).reset(n, false, first);
  }
  for (let t = s; t < e; ++t) {
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const e1 = averageLane(0, j), e2 = averageLane(1, j), e3 = averageLane(2, j);
      let v = NaN;
      if (e1.push(xt) && e2.push(e1.value)) {
        const hadPrev = e3.ready();
        const prev = e3.value;
        if (e3.push(e2.value) && hadPrev) v = rocValue(e3.value, prev, zeroDenominator(c, 2, b0 + j, 0.0));
      }
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}
