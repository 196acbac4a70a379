// trend.vortex: plus, minus, tr (T each), their prefix sums (2T + 2 each), gaps (T).
import { at, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum, trueRanges, validAt } from "../primitives";

export function scratch(T: i32): f64 { return 4.0 * T + 3.0 * prefixLength(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const series = <usize>T << 3, sums = <usize>(T + 1) << 4;
  const plus = c.scratch, minus = plus + series, tr = minus + series;
  const sumPlus = tr + series, sumMinus = sumPlus + sums, sumTR = sumMinus + sums, lastGap = sumTR + sums;
  if (T > 0) { setSlot(plus, 0, NaN); setSlot(minus, 0, NaN); setSlot(tr, 0, NaN); }
  for (let t = 1; t < T; ++t) {
    setSlot(plus, t, Math.abs(at(high, t) - at(low, t - 1)));
    setSlot(minus, t, Math.abs(at(low, t) - at(high, t - 1)));
  }
  trueRanges(high, low, input(c, 2), T, tr);
  for (let t = 1; t < T; ++t) {
    if (!validAt(c, 3, t) || !validAt(c, 3, t - 1)) { setSlot(plus, t, NaN); setSlot(minus, t, NaN); setSlot(tr, t, NaN); }
  }
  prefixSums(plus, T, sumPlus, lastGap);
  prefixSums(minus, T, sumMinus, lastGap);
  prefixSums(tr, T, sumTR, lastGap);
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const series = <usize>T << 3, sums = <usize>(T + 1) << 4;
  const plus = c.scratch, minus = plus + series, tr = minus + series;
  const sumPlus = tr + series, sumMinus = sumPlus + sums, sumTR = sumMinus + sums, lastGap = sumTR + sums;
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const w = <i32>param(c, 0, v);
      if (t < s + w) { putNaNAll<O>(c, t, v, 1); continue; }
      const range = prefixWindowSum(sumTR, t, w);
      put<O>(c, 0, t, v, range == 0.0 ? NaN : prefixWindowSum(sumPlus, t, w) / range);
      put<O>(c, 1, t, v, range == 0.0 ? NaN : prefixWindowSum(sumMinus, t, w) / range);
    }
  }
}
