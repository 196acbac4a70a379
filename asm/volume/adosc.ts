// volume.adosc; mirrors native/volume/adosc.h.
import {
  at, BAD_PARAM, Call, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D,
  STATE_E,
} from "../abi";
import { validAt } from "../primitives";
import { adLine } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

// Kernel state (per variant, STATE numbers; kState in native/volume/adosc.h):
// the fast and slow EMAs, the AD sum and the run's age.
const STATE: i32 = 4;
// Bars of bar 0's run before the call (0: bar 0 starts one), set by prepare.
let carried: i32 = 0;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(STATE * v) << 3); }

export function prepare(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  carried = 0;
  if (c.stateIn != 0 && c.T > 0 && validAt(c, 4, 0) && load<f64>(stateAt(c.stateIn, c.v0), 24) >= 0.0) {
    carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 24) + 1;
  }
  const line = c.scratch;
  adLine(c, line, carried > 0 ? load<f64>(stateAt(c.stateIn, c.v0), 16) : NaN);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  // No valid bar in the call: the state as it came, after a NaN bar.
  memory.copy(stateAt(c.stateOut, b0), stateAt(c.stateIn, b0), <usize>(STATE * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(stateAt(c.stateOut, b0 + j), -1.0, 24);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const line = c.scratch;
  const fast = STATE_A, slow = STATE_B, kFast = STATE_C, kSlow = STATE_D, from = STATE_E;
  const start = s == 0 ? -carried : s;
  for (let j = 0; j < nb; ++j) {
    const f = param(c, 0, b0 + j), sl = param(c, 1, b0 + j);
    setSlot(kFast, j, 2.0 / (f + 1.0));
    setSlot(kSlow, j, 2.0 / (sl + 1.0));
    setSlot(from, j, <f64>start + (f > sl ? f : sl) - 1.0);
    setSlot(fast, j, start < s ? load<f64>(stateAt(c.stateIn, b0 + j)) : at(line, s));
    setSlot(slow, j, start < s ? load<f64>(stateAt(c.stateIn, b0 + j), 8) : at(line, s));
  }
  for (let t = s; t < e; ++t) {
    const x = at(line, t);
    for (let j = 0; j < nb; ++j) {
      if (t > start) {
        const kf = slot(kFast, j), ks = slot(kSlow, j);
        setSlot(fast, j, kf * x + (1.0 - kf) * slot(fast, j));
        setSlot(slow, j, ks * x + (1.0 - ks) * slot(slow, j));
      }
      put<O>(c, 0, t, b0 + j, <f64>t >= slot(from, j) ? slot(fast, j) - slot(slow, j) : NaN);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    store<f64>(to, slot(fast, j));
    store<f64>(to, slot(slow, j), 8);
    store<f64>(to, at(line, e - 1), 16);
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 24);
  }
}
