import { type ReferenceFn, ewmFirst, nanArray, mean } from '../common.js';
import { onSource } from './common.js';

/**
 * TA-Lib T3's EMA stage: seeded with the mean of the first n values from
 * `from` (or, seed 'first', with the value at `from`), then k·x + (1 − k)·e.
 */
function t3Stage(x: Float64Array, from: number, n: number, seed: string | undefined): Float64Array {
  if (seed === 'first') return ewmFirst(x, 2 / (n + 1), from);
  const out = nanArray(x.length);
  if (from + n > x.length) return out;
  const k = 2 / (n + 1);
  let e = mean(x, from, n);
  out[from + n - 1] = e;
  for (let t = from + n; t < x.length; t++) {
    e = k * x[t]! + (1 - k) * e;
    out[t] = e;
  }
  return out;
}

const reference: ReferenceFn = onSource((s, { window: n, vfactor: a }, { seed }) => {
  const e: Float64Array[] = [];
  for (let i = 0; i < 6; i++) e.push(t3Stage(i === 0 ? s : e[i - 1]!, seed === 'first' ? 0 : i * (n! - 1), n!, seed));
  const c1 = -(a! ** 3), c2 = 3 * a! ** 2 + 3 * a! ** 3, c3 = -6 * a! ** 2 - 3 * a! - 3 * a! ** 3, c4 = 1 + 3 * a! + a! ** 3 + 3 * a! ** 2;
  return s.map((_, t) => c1 * e[5]![t]! + c2 * e[4]![t]! + c3 * e[3]![t]! + c4 * e[2]![t]!);
});

export default reference;
