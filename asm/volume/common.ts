// What several volume indicators share (see native/volume/common.h): the
// typical price and money-flow volume of a bar, the AD line, and ratios of
// two series summed over a window (MFI, CMF, VWAP).
import { at, BAD_PARAM, Call, input, OK, put, putRow, ROW, SCRATCH_TOO_SMALL, setSlot } from "../abi";
import { callWindow, pairPrefixEnd, pairPrefixStart, prefixSums, prefixWindowSum, segmentEnd, validAt, zeroDenominator } from "../primitives";
import { loadWindowLanes, WINDOW_N } from "../ma/common";

@inline export function typicalPrice(high: f64, low: f64, close: f64): f64 {
  return (high + low + close) / 3.0;
}

@inline export function moneyFlowVolume(high: f64, low: f64, close: f64, volume: f64): f64 {
  const range = high - low;
  return range > 0.0 ? (((close - low) - (high - close)) / range) * volume : 0.0;
}

export function putEvery<O>(c: Call, k: i32, t: i32, x: f64): void {
  for (let v = c.v0; v < c.v1; ++v) put<O>(c, k, t, v, x);
}

// carried: the sum of the run bar 0 continues (volume.ad's kernel state, NaN after a NaN bar), NaN: none.
export function adLine(c: Call, ad: usize, carried: f64 = NaN): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 4, t)) { store<f64>(ad + (<usize>t << 3), NaN); ++t; continue; }
    const e = segmentEnd(c, 4, t);
    let sum = t == 0 && !isNaN(carried) ? carried : 0.0;
    for (; t < e; ++t) {
      sum += moneyFlowVolume(at(high, t), at(low, t), at(close, t), at(volume, t));
      store<f64>(ad + (<usize>t << 3), sum);
    }
  }
}

// The two per-bar series of windowRatio (native/volume/common.h), by indicator.
export const MFI: i32 = 0, CMF: i32 = 1, VWAP: i32 = 2;

// headIn, headOut: MFI's (whether bar -1 was usable, its typical price) in a call with state, else 0.
function fillRatioSeries(c: Call, kind: i32, a: usize, b: usize, headIn: usize, headOut: usize): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  let prevValid = headIn != 0 && load<f64>(headIn) != 0.0;
  let prevTp = headIn != 0 ? load<f64>(headIn, 8) : 0.0;
  for (let t = 0; t < c.T; ++t) {
    const i = <usize>t << 3;
    const valid = validAt(c, 4, t);
    const h = at(high, t), l = at(low, t), cl = at(close, t), v = at(volume, t);
    if (kind == MFI) {
      const tp = typicalPrice(h, l, cl);
      if (valid && prevValid) {
        const flow = tp * v;
        store<f64>(a + i, tp > prevTp ? flow : 0.0);
        store<f64>(b + i, tp < prevTp ? flow : 0.0);
      } else {
        store<f64>(a + i, NaN);
        store<f64>(b + i, NaN);
      }
      prevValid = valid;
      prevTp = tp;
    } else {
      const x = kind == CMF ? moneyFlowVolume(h, l, cl, v) : typicalPrice(h, l, cl) * v;
      store<f64>(a + i, valid ? x : NaN);
      store<f64>(b + i, valid ? v : NaN);
    }
  }
  if (kind == MFI && headOut != 0) {
    store<f64>(headOut, prevValid ? 1.0 : 0.0);
    store<f64>(headOut, prevTp, 8);
  }
}

// MFI's zero_denominator is param 1 (see native/volume/mfi.h).
@inline function ratioValue(c: Call, v: i32, kind: i32, a: f64, b: f64): f64 {
  if (kind == MFI) {
    const sum = a + b;
    return sum < 1.0 ? zeroDenominator(c, 1, v, 0.0) : 100.0 * (a / sum);
  }
  return b != 0.0 ? a / b : NaN;
}

// With state, [run, P entries (A hi, A lo, B hi, B lo) oldest first, MFI's
// head]: both prefixes continue the run (windowRatio in native/volume/common.h).
export function windowRatioScratch(T: i32, W: i32): f64 { return 3.0 * <f64>T + 4.0 * <f64>(T + max(W, 1)); }

// The W entries of each prefix before bar 0 in this call (1 without state).
let ratioW: i32 = 1;

export function windowRatioPrepare(c: Call, kind: i32): i32 {
  const T = c.T, W = c.stateIn != 0 ? max(callWindow(c, 0), 1) : 1;
  if (<f64>c.scratchLen < windowRatioScratch(T, W)) return SCRATCH_TOO_SMALL;
  ratioW = W;
  const a = c.scratch, b = a + (<usize>T << 3), entriesA = b + (<usize>T << 3), entriesB = entriesA + (<usize>(T + W) << 4);
  const lastGap = entriesB + (<usize>(T + W) << 4);
  const sumA = entriesA + (<usize>(W - 1) << 4), sumB = entriesB + (<usize>(W - 1) << 4);
  const P = pairPrefixStart(c, W, kind == MFI ? 2 : 0, entriesA, entriesB);
  if (P < 0) return BAD_PARAM;
  fillRatioSeries(c, kind, a, b, c.stateIn != 0 ? c.stateIn + (<usize>(1 + 4 * P) << 3) : 0, c.stateOut != 0 ? c.stateOut + (<usize>(1 + 4 * P) << 3) : 0);
  const run = c.stateIn != 0 ? load<f64>(c.stateIn) : 0.0;
  prefixSums(a, T, sumA, lastGap, load<f64>(sumA), load<f64>(sumA, 8), run);
  prefixSums(b, T, sumB, lastGap, load<f64>(sumB), load<f64>(sumB, 8), run);
  pairPrefixEnd(c, W, P, sumA, sumB, lastGap);
  return OK;
}

export function windowRatioBlock<O>(c: Call, b0: i32, nb: i32, kind: i32): void {
  const T = c.T, W = ratioW;
  const entriesA = c.scratch + (<usize>(2 * T) << 3), entriesB = entriesA + (<usize>(T + W) << 4);
  const lastGap = entriesB + (<usize>(T + W) << 4);
  const sumA = entriesA + (<usize>(W - 1) << 4), sumB = entriesB + (<usize>(W - 1) << 4);
  // A row of the block per bar; windows are loaded once per block.
  loadWindowLanes(c, 0, b0, nb);
  for (let t = 0; t < T; ++t) {
    const run = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const w = <i32>load<f64>(WINDOW_N + (<usize>j << 3));
      setSlot(ROW, j, run >= w ? ratioValue(c, b0 + j, kind, prefixWindowSum(sumA, t, w), prefixWindowSum(sumB, t, w)) : NaN);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
