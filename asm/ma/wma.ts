// ma.wma; mirrors native/ma/wma.h: windows up to DENSE_WMA read the sums of
// every window (diagonalPush, or each window's own when they are few:
// wmaWindowValues), longer ones keep running WMAs, packed (one alone in its
// call in registers: wmaSlideRun).
import { at, BAD_PARAM, BLOCK, Call, input, OK, param, putRow, ROW } from "../abi";
import { keepLeadState, leadRun, maxParam, readLeadState, runFrom, runGoesOn, runOrigin, startLeadBlock, wmaDivider } from "../primitives";
import { clearWma, DENSE_WMA, diagonalPush, diagonalSums, lane, loadWma, saveWma, WMA_LANES, wmaFeed, wmaSlide, wmaSlideRun, wmaWindowValues } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// Kernel state per variant (kWmaState in native/ma/wma.h): [lead, age, a long window's four sums].
const WMA_STATE: i32 = 6;

export function prepare(c: Call): i32 {
  return readLeadState(c, WMA_STATE, <i32>maxParam(c, 0)) ? OK : BAD_PARAM;
}

export function block<O>(c: Call, b0: i32, nb: i32): void { startLeadBlock(c, WMA_STATE, b0, nb); }

const SCALE: usize = memory.data(BLOCK * 8, 16);     // 1 / lane j's divider
const SUM_AT: usize = memory.data(BLOCK * 4, 16);     // lane j's entry of the sums, 0 for a long window
const LONG_LANE: usize = memory.data(BLOCK * 4, 16);  // lane of long window i

@inline function i32At(base: usize, j: i32): i32 { return load<i32>(base + (<usize>j << 2)); }

// byWindow (native/ma/wma.h): at most BY_WINDOW_LANES dense windows whose
// lengths add up to at most BY_WINDOW times the longest, each summed for itself.
// A tile is four of wmaWindowValues's groups of 12 bars (none left to the scalar sums).
const BY_WINDOW: i32 = 2, BY_WINDOW_LANES: i32 = 32, WINDOW_TILE: i32 = 48;
const DENSE_LANE: usize = memory.data(BY_WINDOW_LANES * 4, 16);  // lane of dense window i
const TILE: usize = memory.data(BY_WINDOW_LANES * WINDOW_TILE * 8, 16);  // dense window i's values at bar t0 + l

// The segment [s, e) WINDOW_TILE bars at a time: each dense window's values
// into its column of the tile, the long ones bar by bar, then the rows.
// s: the run's first bar; from: its first bar to compute (after the stream's lead).
function byWindow<O>(c: Call, x: usize, b0: i32, nb: i32, s: i32, from: i32, e: i32, nDense: i32, nLong: i32): void {
  for (let t0 = from; t0 < e; t0 += WINDOW_TILE) {
    const t1 = min(e, t0 + WINDOW_TILE);
    for (let i = 0; i < nDense; ++i) {
      const j = i32At(DENSE_LANE, i), n = i32At(SUM_AT, j);
      const first = min(max(s + n - 1, t0), t1);  // the window's first full bar
      const col = TILE + (<usize>(i * WINDOW_TILE) << 3);
      for (let t = t0; t < first; ++t) store<f64>(lane(col, t - t0), NaN);
      wmaWindowValues(x + (<usize>t0 << 3), first - t0, t1 - t0, n, load<f64>(lane(SCALE, j)), col);
    }
    for (let t = t0; t < t1; ++t) {
      const age = t - s, xt = at(x, t);
      for (let i = 0; i < nDense; ++i) store<f64>(lane(ROW, i32At(DENSE_LANE, i)), load<f64>(lane(TILE + (<usize>(i * WINDOW_TILE) << 3), t - t0)));
      for (let i = 0; i < nLong; ++i) {
        const j = i32At(LONG_LANE, i), n = <i32>param(c, 0, b0 + j);
        store<f64>(lane(ROW, j), wmaFeed(WMA_LANES, i, xt, at(x, t - min(age, n)), age, n));
      }
      putRow<O>(c, 0, t, b0, nb, ROW);
    }
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s0: i32, e: i32): void {
  leadRun<O>(c, b0, nb, s0, e);
  const s = runOrigin, from = runFrom;  // the run's first bar (before the call when it goes on) and its first to compute
  if (from < e) {
    run<O>(c, b0, nb, s, from, e);
    if (c.stateOut != 0) {
      for (let j = 0; j < nb; ++j) memory.fill(keepLeadState(c, WMA_STATE, b0 + j, e) + 16, 0, <usize>(WMA_STATE - 2) << 3);
      saveWma(WMA_LANES, c.stateOut, WMA_STATE, b0, LONG_LANE, longLanes);
    }
  }
}

let longLanes = 0;  // run's count of long windows

function run<O>(c: Call, b0: i32, nb: i32, s: i32, from: i32, e: i32): void {
  const x = input(c, 0);
  const running = WMA_LANES;
  let nLong = 0, depth = 0, longest = 0;
  let range = true;  // every window dense and n[j] = n[0] + j
  for (let j = 0; j < nb; ++j) {
    const n = <i32>param(c, 0, b0 + j);
    longest = max(longest, n);
    store<f64>(lane(SCALE, j), 1.0 / wmaDivider(<f64>n));
    let sumAt = 0;
    if (n <= DENSE_WMA) {
      sumAt = n;
      depth = max(depth, n);
    } else {
      store<i32>(LONG_LANE + (<usize>nLong << 2), j);
      ++nLong;
    }
    store<i32>(SUM_AT + (<usize>j << 2), sumAt);
    range = range && sumAt == i32At(SUM_AT, 0) + j && sumAt > 0;
  }
  clearWma(running, nLong);
  if (runGoesOn) loadWma(running, c.stateIn, WMA_STATE, b0, LONG_LANE, nLong);
  longLanes = nLong;
  let nDense = 0, denseSum = 0;
  for (let j = 0; j < nb && nDense <= BY_WINDOW_LANES; ++j) {
    const n = i32At(SUM_AT, j);
    if (n == 0) continue;
    denseSum += n;
    if (nDense < BY_WINDOW_LANES) store<i32>(DENSE_LANE + (<usize>nDense << 2), j);
    ++nDense;
  }
  if (nDense > 0 && nDense <= BY_WINDOW_LANES && denseSum <= BY_WINDOW * depth) {
    byWindow<O>(c, x, b0, nb, s, from, e, nDense, nLong);
    return;
  }
  // From this age on every window is full and drops a value.
  const steady = min(e, max(from, s + longest));
  let parity = 0;
  // Going on: the sums of the last bars before the call's (all in the call: lead >= every window).
  for (let t = max(s, from - depth); t < from; ++t) {
    parity ^= 1;
    diagonalPush(parity, depth, at(x, t));
  }
  for (let t = from; t < steady; ++t) {
    const age = t - s;
    const xt = at(x, t);
    parity ^= 1;
    diagonalPush(parity, depth, xt);
    const sums = diagonalSums(parity);
    for (let j = 0; j < nb; ++j) {
      const k = i32At(SUM_AT, j);
      store<f64>(lane(ROW, j), age + 1 >= k ? load<f64>(lane(sums, k)) * load<f64>(lane(SCALE, j)) : NaN);
    }
    for (let i = 0; i < nLong; ++i) {
      const j = i32At(LONG_LANE, i), n = <i32>param(c, 0, b0 + j);
      store<f64>(lane(ROW, j), wmaFeed(running, i, xt, at(x, t - min(age, n)), age, n));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  let t = steady;
  // A long window alone: its sums in registers (wmaSlideRun).
  if (nb == 1 && nLong == 1) {
    wmaSlideRun<O>(c, running, 0, x, t, e, <i32>param(c, 0, b0), b0);
    t = e;
  }
  for (; t < e; ++t) {
    const xt = at(x, t);
    parity ^= 1;
    diagonalPush(parity, depth, xt);
    const sums = diagonalSums(parity);
    if (range) {
      const from = lane(sums, i32At(SUM_AT, 0));
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const off = <usize>j << 3;
        v128.store(ROW + off, f64x2.mul(v128.load(from + off), v128.load(SCALE + off)));
      }
      for (; j < nb; ++j) store<f64>(lane(ROW, j), load<f64>(lane(from, j)) * load<f64>(lane(SCALE, j)));
    } else {
      for (let j = 0; j < nb; ++j) store<f64>(lane(ROW, j), load<f64>(lane(sums, i32At(SUM_AT, j))) * load<f64>(lane(SCALE, j)));
      for (let i = 0; i < nLong; ++i) {
        const j = i32At(LONG_LANE, i), w = param(c, 0, b0 + j);
        store<f64>(lane(ROW, j), wmaSlide(running, i, xt, at(x, t - <i32>w), w, wmaDivider(w)));
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
