// ma.mama; mirrors native/ma/mama.h. Lanes hold MAMA and FAMA in STATE_A, STATE_B.
import { at, Call, input, param, put, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { phase, startSegment, step } from "../cycle/common";

export function scratch(T: i32): f64 { return 0.0; }

@inline export function alpha(deltaPhase: f64, fast: f64, slow: f64): f64 {
  if (deltaPhase < 1.0) deltaPhase = 1.0;
  if (deltaPhase > 1.0) {
    const a = fast / deltaPhase;
    return a < slow ? slow : a;
  }
  return fast;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  for (let j = 0; j < nb; ++j) { setSlot(STATE_A, j, 0.0); setSlot(STATE_B, j, 0.0); }
  let prevPhase = 0.0;
  for (let t = startSegment<O>(c, b0, nb, s, e, 9, 32); t < e; ++t) {
    step(x, t, ((t - s) & 1) == 0);
    const ph = phase(), deltaPhase = prevPhase - ph;
    prevPhase = ph;
    const xt = at(x, t), emit = t - s >= 32;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      let a = alpha(deltaPhase, param(c, 0, v), param(c, 1, v));
      const mama = (a * xt) + ((1 - a) * slot(STATE_A, j));
      a *= 0.5;
      const fama = (a * mama) + ((1 - a) * slot(STATE_B, j));
      setSlot(STATE_A, j, mama);
      setSlot(STATE_B, j, fama);
      put<O>(c, 0, t, v, emit ? mama : NaN);
      put<O>(c, 1, t, v, emit ? fama : NaN);
    }
  }
}
