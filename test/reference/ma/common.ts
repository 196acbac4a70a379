// What several ma references share.
import { type Choices, type ReferenceFn, nanArray, bySegments, mean } from '../common.js';

/** Mean of every window of n values of x, for series defined from bar `from` on. */
export function smaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) out[t] = mean(x, t - n + 1, n);
  return out;
}

/** Weights 1..n, newest heaviest, for series defined from bar `from` on. */
export function wmaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (i + 1) * x[t - n + 1 + i]!;
    out[t] = s / ((n * (n + 1)) / 2);
  }
  return out;
}

export type Single = (s: Float64Array, p: Record<string, number>, choices: Choices) => Float64Array;

export const onSource = (f: Single): ReferenceFn => ([x], p, choices) => bySegments([x!], 1, ([s]) => [f(s!, p, choices ?? {})]);
