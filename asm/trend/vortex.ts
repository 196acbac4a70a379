// trend.vortex: plus, minus, tr and the gaps (T each), then the three prefix
// sums with W entries before bar 0 (2(T + W) each); mirrors native/trend/vortex.h.
import { at, BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot } from "../abi";
import { callWindow, carriedAge, carriedEntriesBefore, prefixSums, prefixWindowSum, readCarriedPrefixes, trueRange, trueRanges, validAt, writeCarriedPrefixes } from "../primitives";

export function scratch(T: i32, W: i32): f64 { return 4.0 * T + 6.0 * (<f64>T + <f64>max(W, 1)); }

// Kernel state (per call; kHead and kSeries in native/trend/vortex.h): the
// run's age at bar -1 and that bar's high, low and close, then P entries of
// the three prefix sums, oldest first.
const HEAD: i32 = 4, SERIES: i32 = 3;
// Set by prepare: the longest window (entries before bar 0), bars of bar 0's run before the call.
let window: i32 = 1;
let carried: i32 = 0;

// Entry 0 of prefix k (0: VM+, 1: VM-, 2: TR).
@inline function sums(c: Call, k: i32): usize {
  const T = c.T;
  return c.scratch + (<usize>(4 * T) << 3) + (<usize>(2 * (T + window) * k + 2 * (window - 1)) << 3);
}

export function prepare(c: Call): i32 {
  const T = c.T, W = max(callWindow(c, 0), 1);
  if (<f64>c.scratchLen < scratch(T, W)) return SCRATCH_TOO_SMALL;
  if (!readCarriedPrefixes(c, HEAD - 1, SERIES, W)) return BAD_PARAM;
  window = W;
  const high = input(c, 0), low = input(c, 1);
  const series = <usize>T << 3;
  const plus = c.scratch, minus = plus + series, tr = minus + series, lastGap = tr + series;
  if (T > 0) { setSlot(plus, 0, NaN); setSlot(minus, 0, NaN); setSlot(tr, 0, NaN); }
  for (let t = 1; t < T; ++t) {
    setSlot(plus, t, Math.abs(at(high, t) - at(low, t - 1)));
    setSlot(minus, t, Math.abs(at(low, t) - at(high, t - 1)));
  }
  trueRanges(high, low, input(c, 2), T, tr);
  for (let t = 1; t < T; ++t) {
    if (!validAt(c, 3, t) || !validAt(c, 3, t - 1)) { setSlot(plus, t, NaN); setSlot(minus, t, NaN); setSlot(tr, t, NaN); }
  }
  // With state, bar 0's movements are from bar -1 when both are valid, and the run goes on from its age.
  const age = carriedAge(c);
  carried = 0;
  if (T > 0 && age >= 0.0 && validAt(c, 3, 0)) {
    carried = <i32>age + 1;
    setSlot(plus, 0, Math.abs(at(high, 0) - load<f64>(c.stateIn, 16)));
    setSlot(minus, 0, Math.abs(at(low, 0) - load<f64>(c.stateIn, 8)));
    setSlot(tr, 0, trueRange(at(high, 0), at(low, 0), load<f64>(c.stateIn, 24)));
  }
  for (let k = 0; k < SERIES; ++k) {
    const prefix = sums(c, k);
    carriedEntriesBefore(c, k, prefix);
    prefixSums(plus + (<usize>k * series), T, prefix, lastGap, load<f64>(prefix), load<f64>(prefix, 8), max(age, 0.0));
  }
  writeCarriedPrefixes(c, sums(c, 0), <usize>(2 * (T + W)) << 3, carried);
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const sumPlus = sums(c, 0), sumMinus = sums(c, 1), sumTR = sums(c, 2);
  const start = s == 0 ? -carried : s;
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const w = <i32>param(c, 0, v);
      if (t < start + w) { putNaNAll<O>(c, t, v, 1); continue; }
      const range = prefixWindowSum(sumTR, t, w);
      put<O>(c, 0, t, v, range == 0.0 ? NaN : prefixWindowSum(sumPlus, t, w) / range);
      put<O>(c, 1, t, v, range == 0.0 ? NaN : prefixWindowSum(sumMinus, t, w) / range);
    }
  }
}
