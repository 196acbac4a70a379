// ma.hma; mirrors native/ma/hma.h.
// Hull: three running WMAs per variant (half, full, hull) whose sums sit in
// scratch after the ring of the last HULL_RING differences (one row of the
// block per bar, as in native/ma/hma.h).
import { at, BAD_PARAM, BLOCK, Call, input, MAX_WINDOW, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { clearLanes, lane, wmaFeed } from "./common";

const HULL_RING: i32 = 32;

export function scratch(T: i32): f64 { return <f64>(BLOCK * (HULL_RING + 6)); }

@inline function hullSpan(n: f64): i32 { return <i32>Math.sqrt(n); }
@inline function hullSlot(ring: usize, t: i32, j: i32): usize { return ring + (<usize>((t & (HULL_RING - 1)) * BLOCK + j) << 3); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  for (let v = c.v0; v < c.v1; ++v) {
    const w = param(c, 0, v);
    if (!(w >= 1.0 && w <= <f64>MAX_WINDOW)) return BAD_PARAM;
  }
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const ring = c.scratch;
  const sums = c.scratch + (<usize>(HULL_RING * BLOCK) << 3);  // 6 areas of BLOCK: sum and sub of half, full, hull
  clearLanes(sums, 6 * BLOCK);
  for (let t = s; t < e; ++t) {
    const age = t - s;
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      const n = <i32>w, h = n / 2, m = hullSpan(w);
      const half = wmaFeed(lane(sums, j), lane(sums, BLOCK + j), xt, at(x, t - min(age, h)), age, h);
      const full = wmaFeed(lane(sums, 2 * BLOCK + j), lane(sums, 3 * BLOCK + j), xt, at(x, t - min(age, n)), age, n);
      if (age + 1 < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      const i = age + 1 - n;
      const diff = 2.0 * half - full;
      const back = load<f64>(hullSlot(ring, t - min(i, m), j));
      store<f64>(hullSlot(ring, t, j), diff);
      put<O>(c, 0, t, b0 + j, wmaFeed(lane(sums, 4 * BLOCK + j), lane(sums, 5 * BLOCK + j), diff, back, i, m));
    }
  }
}
