// Mirrors native/primitives.h. AssemblyScript has no closures, so the segment
// walk is spelled out: validAt / segmentEnd instead of forEachSegment.
import { Call, at, input } from "./abi";

export function validAt(c: Call, nCols: i32, t: i32): bool {
  for (let i = 0; i < nCols; ++i) if (isNaN(at(input(c, i), t))) return false;
  return true;
}

// End (exclusive) of the run of valid bars starting at s.
export function segmentEnd(c: Call, nCols: i32, s: i32): i32 {
  let t = s;
  while (t < c.T && validAt(c, nCols, t)) ++t;
  return t;
}

export function prefixSums(x: usize, T: i32, prefix: usize, lastGap: usize): void {
  let sum = 0.0, gap = -1.0;
  store<f64>(prefix, 0.0);
  for (let t = 0; t < T; ++t) {
    const v = at(x, t);
    if (isNaN(v)) gap = <f64>t;
    else sum += v;
    store<f64>(prefix + (<usize>(t + 1) << 3), sum);
    store<f64>(lastGap + (<usize>t << 3), gap);
  }
}

export function sumRange(x: usize, from: i32, n: i32): f64 {
  let s = 0.0;
  for (let i = 0; i < n; ++i) s += at(x, from + i);
  return s;
}

@inline export function emaStep(prev: f64, x: f64, k: f64): f64 {
  return (x - prev) * k + prev;
}

@inline export function wilderStep(prev: f64, x: f64, n: f64): f64 {
  return (prev * (n - 1.0) + x) / n;
}

export function trueRange(high: f64, low: f64, prevClose: f64): f64 {
  let r = high - low;
  const a = Math.abs(prevClose - high);
  if (a > r) r = a;
  const b = Math.abs(low - prevClose);
  if (b > r) r = b;
  return r;
}

@inline export function nearZero(x: f64): bool {
  return x > -1e-14 && x < 1e-14;
}
