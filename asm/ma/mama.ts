// ma.mama; mirrors native/ma/mama.h. Lanes hold MAMA and FAMA in STATE_A, STATE_B.
import { at, Call, input, param, put, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { carried, JOINED, keepState, origin, phase, prepareState, split, startSegment, STATE_OWN, step } from "../cycle/common";

export function scratch(T: i32): f64 { return 0.0; }

// Its numbers in the kernel state (after the transform's): the last phase, MAMA, FAMA.
const OWN: i32 = 3;

export function prepare(c: Call): i32 { return prepareState(c, OWN); }

@inline function ownAt(p: usize, j: i32, k: i32): usize {
  return p + (<usize>((STATE_OWN + OWN) * j + STATE_OWN + k) << 3);
}

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
  const first = startSegment<O>(c, b0, nb, s, e, 9, 32, OWN), o = origin, from = split, own = carried;
  for (let j = 0; j < nb; ++j) {
    setSlot(STATE_A, j, own != 0 ? load<f64>(ownAt(own, j, 1)) : 0.0);
    setSlot(STATE_B, j, own != 0 ? load<f64>(ownAt(own, j, 2)) : 0.0);
  }
  let prevPhase = own != 0 ? load<f64>(ownAt(own, 0, 0)) : 0.0;
  for (let t = first; t < e; ++t) {
    const px = t < from ? JOINED : x;  // the prices before bar 0 are the state's
    step(px, t, ((t - o) & 1) == 0);
    const ph = phase(), deltaPhase = prevPhase - ph;
    prevPhase = ph;
    const xt = at(x, t), emit = t - o >= 32;
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
  const kept = keepState(c, b0, nb, e, OWN);
  if (kept == 0) return;
  for (let j = 0; j < nb; ++j) {
    store<f64>(ownAt(kept, j, 0), prevPhase);
    store<f64>(ownAt(kept, j, 1), slot(STATE_A, j));
    store<f64>(ownAt(kept, j, 2), slot(STATE_B, j));
  }
}
