// momentum.trix; mirrors native/momentum/trix.h.
// TA-Lib ROC in its own operation order; `zero` where the earlier value is 0 (TA-Lib: 0).
import { at, Call, input, param, put } from "../abi";
import { averageLane, seedsFirst, zeroDenominator } from "../primitives";

@inline function rocValue(x: f64, prev: f64, zero: f64): f64 {
  return prev != 0.0 ? (x / prev - 1.0) * 100.0 : zero;
}

export function scratch(T: i32): f64 { return 0.0; }

// Kernel state: TEMA's layout (chainState in ../ma/common), the (value, count)
// of the three EMAs and the run's age, per variant.
const STATE: i32 = 7;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(STATE * v) << 3); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  // No valid bar in the call: the state as it came, after a NaN bar.
  memory.copy(stateAt(c.stateOut, b0), stateAt(c.stateIn, b0), <usize>(STATE * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(stateAt(c.stateOut, b0 + j), -1.0, 48);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  // The run's first bar: before the call when bar 0 continues the state's run.
  let start = s;
  if (s == 0 && c.stateIn != 0 && load<f64>(stateAt(c.stateIn, b0), 48) >= 0.0) start = -<i32>load<f64>(stateAt(c.stateIn, b0), 48) - 1;
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j), first = seedsFirst(c, 1, b0 + j);
    for (let i = 0; i < 3; ++i) {
      const lane = averageLane(i, j);
      lane.reset(n, false, first);
      if (start >= s) continue;
      const from = stateAt(c.stateIn, b0 + j) + (<usize>(2 * i) << 3);
      lane.value = load<f64>(from);
      lane.count = <i32>load<f64>(from, 8);
    }
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
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    for (let i = 0; i < 3; ++i) {
      const lane = averageLane(i, j);
      store<f64>(to + (<usize>(2 * i) << 3), lane.value);
      store<f64>(to + (<usize>(2 * i) << 3), <f64>lane.count, 8);
    }
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 48);
  }
}
