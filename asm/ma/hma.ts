// ma.hma; mirrors native/ma/hma.h.
// Hull: three running WMAs per variant (half, full, hull) whose lanes sit in
// scratch (three areas of WMA_AREA) before the ring of the last hullRing(W) differences (one row of the
// block per bar, as in native/ma/hma.h).
import { at, BAD_PARAM, BLOCK, Call, input, MAX_WINDOW, OK, param, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow } from "../primitives";
import { clearWma, WMA_AREA, wmaFeed } from "./common";

@inline function hullSpan(n: f64): i32 { return <i32>Math.sqrt(n); }

// Rows of the ring for windows up to W; mirrors hullRing in native/ma/hma.h.
function hullRing(W: i32): i32 {
  let rows = 32;
  while (rows <= hullSpan(<f64>W)) rows *= 2;
  return rows;
}

export function scratch(T: i32, W: i32): f64 { return <f64>(BLOCK * hullRing(W) + 3 * WMA_AREA); }

// hullRing(W) - 1 for this call, set by prepare.
let ringMask: i32 = 0;

@inline function hullSlot(ring: usize, t: i32, j: i32): usize { return ring + (<usize>((t & ringMask) * BLOCK + j) << 3); }

export function prepare(c: Call): i32 {
  const W = callWindow(c, 0);
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  ringMask = hullRing(W) - 1;
  for (let v = c.v0; v < c.v1; ++v) {
    const w = param(c, 0, v);
    if (!(w >= 1.0 && w <= <f64>MAX_WINDOW)) return BAD_PARAM;
  }
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const area = <usize>WMA_AREA << 3;
  const half = c.scratch, full = half + area, hull = full + area;
  const ring = hull + area;
  clearWma(half, nb);
  clearWma(full, nb);
  clearWma(hull, nb);
  for (let t = s; t < e; ++t) {
    const age = t - s;
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      const n = <i32>w, h = n / 2, m = hullSpan(w);
      const hw = wmaFeed(half, j, xt, at(x, t - min(age, h)), age, h);
      const fw = wmaFeed(full, j, xt, at(x, t - min(age, n)), age, n);
      if (age + 1 < n) { store<f64>(ROW + (<usize>j << 3), NaN); continue; }
      const i = age + 1 - n;
      const diff = 2.0 * hw - fw;
      const back = load<f64>(hullSlot(ring, t - min(i, m), j));
      store<f64>(hullSlot(ring, t, j), diff);
      store<f64>(ROW + (<usize>j << 3), wmaFeed(hull, j, diff, back, i, m));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
