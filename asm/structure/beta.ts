// structure.beta: TA-Lib BETA; mirrors native/structure/beta.h. Lanes hold
// the sums of x², xy, x and y in STATE_A..D.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D } from "../abi";
import { nearZero } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * T; }

@inline function oneBarReturn(prev: f64, x: f64): f64 {
  return nearZero(prev) ? 0.0 : (x - prev) / prev;
}

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0), y = input(c, 1);
  const rx = c.scratch, ry = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    setSlot(rx, t, oneBarReturn(at(x, t - 1), at(x, t)));
    setSlot(ry, t, oneBarReturn(at(y, t - 1), at(y, t)));
  }
  return OK;
}

@inline function addSums(j: i32, a: f64, b: f64, sign: f64): void {
  // sign 1 adds, -1 drops: x + (-1)·v is x - v exactly, as C++'s -= is.
  setSlot(STATE_A, j, slot(STATE_A, j) + sign * (a * a));
  setSlot(STATE_B, j, slot(STATE_B, j) + sign * (a * b));
  setSlot(STATE_C, j, slot(STATE_C, j) + sign * a);
  setSlot(STATE_D, j, slot(STATE_D, j) + sign * b);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const rx = c.scratch, ry = c.scratch + (<usize>c.T << 3);
  for (let j = 0; j < nb; ++j) {
    setSlot(STATE_A, j, 0.0);
    setSlot(STATE_B, j, 0.0);
    setSlot(STATE_C, j, 0.0);
    setSlot(STATE_D, j, 0.0);
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const n = param(c, 0, b0 + j);
      const w = <i32>n;
      if (t > s) addSums(j, at(rx, t), at(ry, t), 1.0);  // the first return of a run is at its second bar
      if (t < s + w) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      const xx = slot(STATE_A, j), xy = slot(STATE_B, j), sx = slot(STATE_C, j), sy = slot(STATE_D, j);
      const d = n * xx - sx * sx;
      put<O>(c, 0, t, b0 + j, nearZero(d) ? 0.0 : (n * xy - sx * sy) / d);
      addSums(j, at(rx, t - w + 1), at(ry, t - w + 1), -1.0);
    }
  }
}
