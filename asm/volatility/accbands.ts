// volatility.accbands; mirrors native/volatility/accbands.h (kernel state:
// CarriedPrefixes, readCarriedPrefixes in asm/primitives.ts).
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { callWindow, carriedAge, carriedEntriesBefore, prefixSums, prefixWindowSum, readCarriedPrefixes, writeCarriedPrefixes } from "../primitives";

export function scratch(T: i32, W: i32): f64 { return 6.0 * (<f64>T + <f64>max(W, 1)) + 4.0 * T; }

// Set by prepare: the longest window (entries before bar 0 of each prefix).
let window: i32 = 1;

@inline function column(c: Call, k: i32): usize {
  // upperPrefix, middlePrefix, lowerPrefix (entry 0 of each, 2(T + W) apart), then upper, lower, masked close, lastGap (T each)
  const T = <usize>c.T, prefix = <usize>(2 * (c.T + window));
  return c.scratch + ((k < 3 ? <usize>k * prefix + <usize>(2 * (window - 1)) : 3 * prefix + <usize>(k - 3) * T) << 3);
}

export function prepare(c: Call): i32 {
  const W = max(callWindow(c, 0), 1);
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  if (!readCarriedPrefixes(c, 3, 3, W)) return BAD_PARAM;
  window = W;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const upper = column(c, 3), lower = column(c, 4), middle = column(c, 5), lastGap = column(c, 6);
  for (let t = 0; t < c.T; ++t) {
    const h = at(high, t), l = at(low, t), sum = h + l;
    let up: f64, down: f64;
    if (isNaN(sum) || isNaN(at(close, t))) {
      up = NaN;
      down = NaN;
    } else if (sum > -1e-14 && sum < 1e-14) {
      up = h;
      down = l;
    } else {
      const width = 4 * (h - l) / sum;
      up = h * (1 + width);
      down = l * (1 - width);
    }
    store<f64>(upper + (<usize>t << 3), up);
    store<f64>(lower + (<usize>t << 3), down);
    store<f64>(middle + (<usize>t << 3), isNaN(up) ? NaN : at(close, t));
  }
  // With state, a valid bar 0 continues the run of bar -1.
  const age = carriedAge(c);
  const run = c.T > 0 && age >= 0.0 && !isNaN(at(upper, 0)) ? age + 1.0 : 0.0;
  for (let k = 0; k < 3; ++k) carriedEntriesBefore(c, k, column(c, k));
  const middlePrefix = column(c, 1), lowerPrefix = column(c, 2), upperPrefix = column(c, 0);
  prefixSums(middle, c.T, middlePrefix, lastGap, load<f64>(middlePrefix), load<f64>(middlePrefix, 8), run);
  prefixSums(lower, c.T, lowerPrefix, lastGap, load<f64>(lowerPrefix), load<f64>(lowerPrefix, 8), run);
  prefixSums(upper, c.T, upperPrefix, lastGap, load<f64>(upperPrefix), load<f64>(upperPrefix, 8), run);
  writeCarriedPrefixes(c, upperPrefix, <usize>(2 * (c.T + W)) << 3, <i32>run);
  return OK;
}
export function block<O>(c: Call, b0: i32, nb: i32): void {
  const upperPrefix = column(c, 0), middlePrefix = column(c, 1), lowerPrefix = column(c, 2), lastGap = column(c, 6);
  for (let t = 0; t < c.T; ++t) {
    const age = <f64>t - at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v), w = <i32>n;
      const full = age >= n;
      put<O>(c, 0, t, v, full ? prefixWindowSum(upperPrefix, t, w) / n : NaN);
      put<O>(c, 1, t, v, full ? prefixWindowSum(middlePrefix, t, w) / n : NaN);
      put<O>(c, 2, t, v, full ? prefixWindowSum(lowerPrefix, t, w) / n : NaN);
    }
  }
}
