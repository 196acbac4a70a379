// What several volume indicators share (see native/volume/common.h): the
// typical price and money-flow volume of a bar, the AD line, and ratios of
// two series summed over a window (MFI, CMF, VWAP).
import { at, Call, input, OK, put, putRow, ROW, SCRATCH_TOO_SMALL, setSlot } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum, segmentEnd, validAt, zeroDenominator } from "../primitives";
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

function fillRatioSeries(c: Call, kind: i32, a: usize, b: usize): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  let prevValid = false;
  let prevTp = 0.0;
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
}

// MFI's zero_denominator is param 1 (see native/volume/mfi.h).
@inline function ratioValue(c: Call, v: i32, kind: i32, a: f64, b: f64): f64 {
  if (kind == MFI) {
    const sum = a + b;
    return sum < 1.0 ? zeroDenominator(c, 1, v, 0.0) : 100.0 * (a / sum);
  }
  return b != 0.0 ? a / b : NaN;
}

export function windowRatioScratch(T: i32): f64 { return 3.0 * <f64>T + 2.0 * prefixLength(T); }

export function windowRatioPrepare(c: Call, kind: i32): i32 {
  if (<f64>c.scratchLen < windowRatioScratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const a = c.scratch, b = a + (<usize>T << 3), sumA = b + (<usize>T << 3);
  const sumB = sumA + (<usize>(T + 1) << 4), lastGap = sumB + (<usize>(T + 1) << 4);
  fillRatioSeries(c, kind, a, b);
  prefixSums(a, T, sumA, lastGap);
  prefixSums(b, T, sumB, lastGap);
  return OK;
}

export function windowRatioBlock<O>(c: Call, b0: i32, nb: i32, kind: i32): void {
  const T = c.T;
  const a = c.scratch, b = a + (<usize>T << 3), sumA = b + (<usize>T << 3);
  const sumB = sumA + (<usize>(T + 1) << 4), lastGap = sumB + (<usize>(T + 1) << 4);
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
