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

// Per lane of the block: its window n, half window n / 2 and hull span m
// (i32), and 1 / the hull's divider.
const N: usize = memory.data(BLOCK * 4, 16);
const HALF: usize = memory.data(BLOCK * 4, 16);
const SPAN: usize = memory.data(BLOCK * 4, 16);
const HULL_SCALE: usize = memory.data(BLOCK * 8, 16);
// The quotients sums[k] / wmaDivider(k) the dense lanes read, divided once per
// bar for the block over runs of consecutive k (Quotients in native/ma/hma.h;
// the bits of dividing per lane).
const QUOT: usize = memory.data((DENSE_WMA + 1) * 8, 16);
const DIVIDER: usize = memory.data((DENSE_WMA + 1) * 8, 16);
const NEEDED: usize = memory.data(DENSE_WMA + 1, 16);
const RUN_LO: usize = memory.data((DENSE_WMA / 2 + 1) * 4, 16);
const RUN_HI: usize = memory.data((DENSE_WMA / 2 + 1) * 4, 16);

@inline function i32At(base: usize, j: i32): i32 { return load<i32>(base + (<usize>j << 2)); }

function divide(sums: usize, runs: i32): void {
  for (let r = 0; r < runs; ++r) {
    let k = i32At(RUN_LO, r);
    const hi = i32At(RUN_HI, r);
    for (; k + 1 <= hi; k += 2) {
      const off = <usize>k << 3;
      v128.store(QUOT + off, f64x2.div(v128.load(sums + off), v128.load(DIVIDER + off)));
    }
    for (; k <= hi; ++k) store<f64>(lane(QUOT, k), load<f64>(lane(sums, k)) / load<f64>(lane(DIVIDER, k)));
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const area = <usize>WMA_AREA << 3;
  const half = c.scratch, full = half + area, hull = full + area;
  const ring = hull + area;
  // Lanes of windows up to DENSE_WMA read QUOT and sum their hull WMA afresh;
  // longer ones keep three running WMAs, packed (lane i of the areas is lane
  // LONG_LANE[i] of the block).
  let nLong = 0, depth = 0;
  memory.fill(NEEDED, 0, DENSE_WMA + 1);
  for (let j = 0; j < nb; ++j) {
    const w = param(c, 0, b0 + j);
    const n = <i32>w, h = n / 2, m = hullSpan(w);
    store<i32>(N + (<usize>j << 2), n);
    store<i32>(HALF + (<usize>j << 2), h);
    store<i32>(SPAN + (<usize>j << 2), m);
    store<f64>(lane(HULL_SCALE, j), 1.0 / wmaDivider(<f64>m));
    if (n <= DENSE_WMA) {
      depth = max(depth, n);
      store<u8>(NEEDED + <usize>h, 1);
      store<u8>(NEEDED + <usize>n, 1);
    } else {
      store<i32>(LONG_LANE + (<usize>nLong << 2), j);
      ++nLong;
    }
  }
  let runs = 0;
  for (let k = 0; k <= DENSE_WMA; ++k) {
    store<f64>(lane(DIVIDER, k), wmaDivider(<f64>k));
    if (!load<u8>(NEEDED + <usize>k)) continue;
    if (runs > 0 && i32At(RUN_HI, runs - 1) == k - 1) store<i32>(RUN_HI + (<usize>(runs - 1) << 2), k);
    else {
      store<i32>(RUN_LO + (<usize>runs << 2), k);
      store<i32>(RUN_HI + (<usize>runs << 2), k);
      ++runs;
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
    divide(diagonalSums(parity), runs);
    for (let j = 0; j < nb; ++j) {
      const n = i32At(N, j);
      store<f64>(ROW + (<usize>j << 3), NaN);
      if (n > DENSE_WMA || age + 1 < n) continue;
      const m = i32At(SPAN, j);
      store<f64>(hullSlot(ring, t, j), 2.0 * load<f64>(lane(QUOT, i32At(HALF, j))) - load<f64>(lane(QUOT, n)));
      if (age + 2 < n + m) continue;
      // Oldest first, as the kernel's weights (native/ma/hma.h).
      let sum = 0.0;
      for (let k = 1; k <= m; ++k) sum = sum + <f64>k * load<f64>(hullSlot(ring, t - m + k, j));
      store<f64>(ROW + (<usize>j << 3), sum * load<f64>(lane(HULL_SCALE, j)));
    }
    for (let i = 0; i < nLong; ++i) {
      const j = i32At(LONG_LANE, i);
      const n = i32At(N, j), h = i32At(HALF, j), m = i32At(SPAN, j);
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
