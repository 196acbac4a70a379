// volume.adosc; mirrors native/volume/adosc.h.
import {
  at, Call, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D,
  STATE_E,
} from "../abi";
import { adLine } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const line = c.scratch;
  adLine(c, line);
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const line = c.scratch;
  const fast = STATE_A, slow = STATE_B, kFast = STATE_C, kSlow = STATE_D, from = STATE_E;
  for (let j = 0; j < nb; ++j) {
    const f = param(c, 0, b0 + j), sl = param(c, 1, b0 + j);
    setSlot(kFast, j, 2.0 / (f + 1.0));
    setSlot(kSlow, j, 2.0 / (sl + 1.0));
    setSlot(from, j, <f64>s + (f > sl ? f : sl) - 1.0);
    setSlot(fast, j, at(line, s));
    setSlot(slow, j, at(line, s));
  }
  for (let t = s; t < e; ++t) {
    const x = at(line, t);
    for (let j = 0; j < nb; ++j) {
      if (t > s) {
        const kf = slot(kFast, j), ks = slot(kSlow, j);
        setSlot(fast, j, kf * x + (1.0 - kf) * slot(fast, j));
        setSlot(slow, j, ks * x + (1.0 - ks) * slot(slow, j));
      }
      put<O>(c, 0, t, b0 + j, <f64>t >= slot(from, j) ? slot(fast, j) - slot(slow, j) : NaN);
    }
  }
}
