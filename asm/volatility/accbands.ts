// volatility.accbands; mirrors native/volatility/accbands.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return 3.0 * prefixLength(T) + 4.0 * T; }

@inline function column(c: Call, k: i32): usize {
  // upperPrefix, middlePrefix, lowerPrefix (prefixLength each), upper, lower, masked close, lastGap (T each)
  const T = <usize>c.T, prefix = <usize>prefixLength(c.T);
  return c.scratch + ((k < 3 ? <usize>k * prefix : 3 * prefix + <usize>(k - 3) * T) << 3);
}

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
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
  prefixSums(middle, c.T, column(c, 1), lastGap);
  prefixSums(lower, c.T, column(c, 2), lastGap);
  prefixSums(upper, c.T, column(c, 0), lastGap);
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
