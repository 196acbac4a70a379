// ma.hma; mirrors native/ma/hma.h.
// Hull: a window up to DENSE_WMA reads its two WMAs from the sums of every
// window and sums its hull WMA afresh from the ring of the last hullRing(W)
// differences (one row of the block per bar, as in native/ma/hma.h); a longer
// one keeps three running WMAs (half, full, hull) in scratch (three areas of
// WMA_AREA) before the ring.
import { at, BAD_PARAM, BLOCK, Call, input, MAX_WINDOW, OK, param, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow, wmaDivider } from "../primitives";
import { clearWma, DENSE_WMA, diagonalPush, diagonalSums, lane, WMA_AREA, wmaFeed } from "./common";

const LONG_LANE: usize = memory.data(BLOCK * 4, 16);

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
  // Lanes of windows up to DENSE_WMA read diagonalSums and sum their hull
  // WMA afresh; longer ones keep three running WMAs, packed (lane i of the
  // areas is lane LONG_LANE[i] of the block).
  let nLong = 0, depth = 0;
  for (let j = 0; j < nb; ++j) {
    const n = <i32>param(c, 0, b0 + j);
    if (n <= DENSE_WMA) depth = max(depth, n);
    else {
      store<i32>(LONG_LANE + (<usize>nLong << 2), j);
      ++nLong;
    }
  }
  clearWma(half, nLong);
  clearWma(full, nLong);
  clearWma(hull, nLong);
  let parity = 0;
  for (let t = s; t < e; ++t) {
    const age = t - s;
    const xt = at(x, t);
    parity ^= 1;
    diagonalPush(parity, depth, xt);
    const sums = diagonalSums(parity);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      const n = <i32>w;
      store<f64>(ROW + (<usize>j << 3), NaN);
      if (n > DENSE_WMA || age + 1 < n) continue;
      const h = n / 2, m = hullSpan(w);
      store<f64>(hullSlot(ring, t, j), 2.0 * (load<f64>(lane(sums, h)) / wmaDivider(<f64>h)) - load<f64>(lane(sums, n)) / wmaDivider(<f64>n));
      if (age + 2 < n + m) continue;
      // Oldest first, as the kernel's weights (native/ma/hma.h).
      let sum = 0.0;
      for (let k = 1; k <= m; ++k) sum = sum + <f64>k * load<f64>(hullSlot(ring, t - m + k, j));
      store<f64>(ROW + (<usize>j << 3), sum * (1.0 / wmaDivider(<f64>m)));
    }
    for (let i = 0; i < nLong; ++i) {
      const j = load<i32>(LONG_LANE + (<usize>i << 2));
      const w = param(c, 0, b0 + j);
      const n = <i32>w, h = n / 2, m = hullSpan(w);
      const hw = wmaFeed(half, i, xt, at(x, t - min(age, h)), age, h);
      const fw = wmaFeed(full, i, xt, at(x, t - min(age, n)), age, n);
      if (age + 1 < n) continue;
      const k = age + 1 - n;
      const diff = 2.0 * hw - fw;
      const back = load<f64>(hullSlot(ring, t - min(k, m), j));
      store<f64>(hullSlot(ring, t, j), diff);
      store<f64>(ROW + (<usize>j << 3), wmaFeed(hull, i, diff, back, k, m));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
