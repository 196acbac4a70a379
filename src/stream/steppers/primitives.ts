// TypeScript copies of the kernel primitives the steppers step, operation for
// operation (native/primitives.h, mirrored by asm/primitives.ts). The stream
// property test (test/stream.test.ts) checks every stepped row against the
// batch kernels bit for bit, so a change to a primitive that is not made here
// fails it.

/** twoSumError: s + twoSumError(a, b, s) == a + b exactly, for s = a + b (Knuth's TwoSum). */
export function twoSumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** emaStep: TA-Lib's EMA update, in its operation order. */
export function emaStep(prev: number, x: number, k: number): number {
  return (x - prev) * k + prev;
}

/** wilderStep: Wilder's smoothing, in TA-Lib's operation order. */
export function wilderStep(prev: number, x: number, n: number): number {
  return (prev * (n - 1.0) + x) / n;
}

/** kSeedFirst / SEED_FIRST: the code of seed 'first'. */
export const SEED_FIRST = 1;

/**
 * One bar of prefixSums into the pair (hi, lo) at p[at], p[at + 1]: the
 * compensated running sum of the run, reset to (0, 0) by a NaN bar.
 */
export function prefixStep(p: Float64Array, at: number, x: number): void {
  if (x !== x) {
    p[at] = 0.0;
    p[at + 1] = 0.0;
    return;
  }
  const hi = p[at]!;
  const s = hi + x;
  p[at + 1] = p[at + 1]! + twoSumError(hi, x, s);
  p[at] = s;
}

/** prefixWindowSum: the window sum from its end pair (bHi, bLo) and start pair (aHi, aLo). */
export function prefixWindowSum(bHi: number, bLo: number, aHi: number, aLo: number): number {
  return (bHi - aHi) + (bLo - aLo);
}

/**
 * SeededAverage.push for state (value, count) at s[at], s[at + 1]: the mean
 * of the first `period` values seeds it (summed in order), then the EMA step
 * (k) or Wilder's step (n). Returns the average, or NaN while seeding.
 */
export function seededAverageStep(s: Float64Array, at: number, x: number, period: number, k: number, n: number, wilder: boolean): number {
  const count = s[at + 1]!;
  if (count >= period) {
    const v = wilder ? wilderStep(s[at]!, x, n) : emaStep(s[at]!, x, k);
    s[at] = v;
    return v;
  }
  let v = s[at]! + x;
  s[at + 1] = count + 1;
  if (count + 1 < period) {
    s[at] = v;
    return NaN;
  }
  v /= period;
  s[at] = v;
  return v;
}

/** nearZero: |x| < 1e-14. */
export function nearZero(x: number): boolean {
  return x > -1e-14 && x < 1e-14;
}

/** rsiFromAverages: TA-Lib's RSI from Wilder averages of gains and losses, in its operation order. */
export function rsiFromAverages(gain: number, loss: number): number {
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * (gain / sum);
}

/** kZeroDenominatorNaN: the code of zero_denominator 'nan'. */
export const ZERO_DENOMINATOR_NAN = 1;

/** trueRange: TA-Lib's true range, in its operation order. */
export function trueRange(high: number, low: number, prevClose: number): number {
  let r = high - low;
  const a = Math.abs(prevClose - high);
  if (a > r) r = a;
  const b = Math.abs(low - prevClose);
  if (b > r) r = b;
  return r;
}

/** natrValue: the ATR as a percentage of a non-zero close (NaN at a zero close is the caller's store: a select of NaN and a value was boxed, chains.ts). */
export function natrValue(atr: number, close: number): number {
  return (atr / close) * 100.0;
}

/** Lag: MOM's difference, the rates' change (ROC, ROCP) or ratio (ROCR, ROCR100). */
export type LagKind = 'difference' | 'change' | 'ratio';

/** lagValue (native/momentum/common.h): scale is unit / past, 0 at a zero past. */
export function lagValue(kind: LagKind, xt: number, past: number, scale: number): number {
  return kind === 'difference' ? xt - past : kind === 'change' ? (xt - past) * scale : xt * scale;
}

/** moneyFlowVolume (native/volume/common.h): TA-Lib AD's term of one bar, 0 for a bar without range. */
export function moneyFlowVolume(high: number, low: number, close: number, volume: number): number {
  const range = high - low;
  return range > 0.0 ? (((close - low) - (high - close)) / range) * volume : 0.0;
}

/** wmaDivider: TA-Lib WMA's sum of weights n (n + 1) / 2. */
export function wmaDivider(n: number): number {
  return n * (n + 1.0) / 2.0;
}

/** splitHalves: the high half of x (26 bits); x - high is the low half. */
export function splitHigh(x: number): number {
  const c = 134217729.0 * x;  // 2^27 + 1
  return c - (c - x);
}

/** compensatedAdd on (sum, err) at s[at], s[at + 1]. */
export function compensatedAdd(s: Float64Array, at: number, x: number): void {
  const a = s[at]!, sum = a + x;
  s[at + 1] = s[at + 1]! + twoSumError(a, x, sum);
  s[at] = sum;
}

/** weightedAdd on (sum, sumErr) at s[at], s[at + 1]: adds x * weight as the exact products of x's halves. */
export function weightedAdd(s: Float64Array, at: number, x: number, weight: number): void {
  const hi = splitHigh(x), lo = x - hi;
  const p = hi * weight;
  const a = s[at]!, sum = a + p;
  s[at + 1] = s[at + 1]! + (twoSumError(a, p, sum) + lo * weight);
  s[at] = sum;
}

/** wmaPrime on (sum, sumErr, sub, subErr) at s[at .. at + 3]: one value of the window before it is full. */
export function wmaPrime(s: Float64Array, at: number, x: number, weight: number): void {
  compensatedAdd(s, at + 2, x);
  weightedAdd(s, at, x, weight);
}

/** wmaNext on (sum, sumErr, sub, subErr) at s[at .. at + 3]: slides the window (trailing: the value leaving it, 0 until one does), returns the WMA. */
export function wmaNext(s: Float64Array, at: number, x: number, trailing: number, n: number, divider: number): number {
  compensatedAdd(s, at + 2, x);
  compensatedAdd(s, at + 2, -trailing);
  weightedAdd(s, at, x, n);
  const w = (s[at]! + s[at + 1]!) / divider;
  compensatedAdd(s, at, -s[at + 2]!);
  s[at + 1] = s[at + 1]! - s[at + 3]!;
  return w;
}

/**
 * seededAverageStep over bars [i0, i1) of one column for one average, its
 * (value, count) at s[at], s[at + 1] kept in locals meanwhile (a batch of
 * bars at batch speed): the same operations, and a NaN bar resets it as
 * the kernels' segments do. Bar i's value goes to out[o + (i - i0) * stride]
 * (out null: none).
 */
export function seededAverageRun(
  s: Float64Array, at: number, col: Float64Array, i0: number, i1: number,
  period: number, k: number, n: number, wilder: boolean, out: Float32Array | Float64Array | null, o: number, stride: number,
): void {
  let value = s[at]!, count = s[at + 1]!;
  for (let i = i0; i < i1; i++) {
    const x = col[i]!;
    let y = NaN;
    if (x !== x) {
      value = 0.0;
      count = 0;
    } else if (count >= period) {
      value = wilder ? wilderStep(value, x, n) : emaStep(value, x, k);
      y = value;
    } else {
      value += x;
      count++;
      if (count >= period) {
        value /= period;
        y = value;
      }
    }
    if (out) out[o + (i - i0) * stride] = y;
  }
  s[at] = value;
  s[at + 1] = count;
}
