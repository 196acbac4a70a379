// structure.correl: TA-Lib CORREL in two passes over each window; mirrors native/structure/correl.h.
import { at, Call, input, param, put } from "../abi";

export function scratch(T: i32): f64 { return 0.0; }

// 0 where the product of the spreads is below 1e-14, as TA-Lib.
function correlation(x: usize, y: usize, t: i32, n: i32): f64 {
  const nd = <f64>n;
  let mx = 0.0, my = 0.0;
  for (let i = t - n + 1; i <= t; ++i) {
    mx += at(x, i);
    my += at(y, i);
  }
  mx /= nd;
  my /= nd;
  let sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (let i = t - n + 1; i <= t; ++i) {
    const dx = at(x, i) - mx, dy = at(y, i) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const spread = sxx * syy;
  return spread < 1e-14 ? 0.0 : sxy / Math.sqrt(spread);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0), y = input(c, 1);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      put<O>(c, 0, t, b0 + j, t - s >= n - 1 ? correlation(x, y, t, n) : NaN);
    }
  }
}
