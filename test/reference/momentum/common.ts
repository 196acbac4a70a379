// What several momentum references share.
import { type Params, type ReferenceFn, nanArray, bySegments, mean, emaSeries, emaFrom, emaSeeded, ewmFirst, wilderSeeded, highest, lowest } from '../common.js';

export const nearZero = (x: number) => Math.abs(x) < 1e-14;

/** Wilder averages of the gains and of the losses of x (RSI, CMO), seeded as `seed` says. */
export function wilderGainsLosses(x: Float64Array, n: number, seed?: string): [Float64Array, Float64Array] {
  const gain = nanArray(x.length), loss = nanArray(x.length);
  for (let t = 1; t < x.length; t++) {
    const d = x[t]! - x[t - 1]!;
    gain[t] = Math.max(d, 0);
    loss[t] = Math.max(-d, 0);
  }
  return [wilderSeeded(gain, n, seed), wilderSeeded(loss, n, seed)];
}

/** f(x[t], x[t-n]) from bar n on (MOM, ROC). */
export function lagged(f: (x: number, prev: number) => number): ReferenceFn {
  return ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) out[t] = f(s![t]!, s![t - n!]!);
      return [out];
    });
}

export const roc = (x: number, prev: number) => (prev !== 0 ? (x / prev - 1) * 100 : 0);

/**
 * Fast and slow EMAs and line(fast, slow) from the slow EMA's first bar, with
 * fast > slow swapped. MACD seeds the fast EMA on that bar; APO/PPO seed it on
 * its own first bar. Seed 'first': both EMAs are pandas' ewm(adjust=False)
 * from bar 0, and so is the line.
 */

export function emaLine(s: Float64Array, p: Params, macd: boolean, line: (fast: number, slow: number) => number, seed?: string): { out: Float64Array; from: number } {
  const f = Math.min(p.fast!, p.slow!), sl = Math.max(p.fast!, p.slow!);
  if (seed === 'first') {
    const fastE = ewmFirst(s, 2 / (f + 1)), slowE = ewmFirst(s, 2 / (sl + 1));
    return { out: fastE.map((v, t) => line(v, slowE[t]!)), from: 0 };
  }
  const fastE = emaFrom(s, macd ? sl - f : 0, f), slowE = emaSeries(s, sl);
  const out = nanArray(s.length);
  for (let t = sl - 1; t < s.length; t++) out[t] = line(fastE[t]!, slowE[t]!);
  return { out, from: sl - 1 };
}

/** line, signal (EMA of the line) and hist; MACD blanks the line until the signal starts. */
export function withSignal(s: Float64Array, p: Params, macd: boolean, line: (fast: number, slow: number) => number, seed?: string): Float64Array[] {
  const { out, from } = emaLine(s, p, macd, line, seed);
  const signal = emaSeeded(out, p.signal!, from, seed);
  const hist = out.map((v, t) => v - signal[t]!);
  if (macd) for (let t = 0; t < s.length; t++) if (Number.isNaN(signal[t]!)) out[t] = NaN;
  return [out, signal, hist];
}

export const difference = (fast: number, slow: number) => fast - slow;

/**
 * Fast %K of x within the n-bar range of highs and lows, for bars whose window
 * starts at or after `from`. TA-Lib's operation order, which decides the
 * ill-conditioned flat windows of STOCHRSI.
 */

export function fastK(x: Float64Array, highs: Float64Array, lows: Float64Array, n: number, from: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) {
    const hh = highest(highs, t, n), ll = lowest(lows, t, n);
    const diff = (hh - ll) / 100;
    out[t] = diff !== 0 ? (x[t]! - ll) / diff : 0;
  }
  return out;
}

/** Plain n-bar means of x from bar from + n - 1 on (x starts at `from`). */
export function smaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) out[t] = mean(x, t - n + 1, n);
  return out;
}

/** k and its SMA d over dWindow, k blanked until d starts (TA-Lib's common first bar). */
export function withD(k: Float64Array, from: number, dWindow: number): Float64Array[] {
  const d = smaFrom(k, from, dWindow);
  return [k.map((v, t) => (Number.isNaN(d[t]!) ? NaN : v)), d];
}

export function sumOf(x: Float64Array, from: number, to: number, f: (v: number) => number = (v) => v): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += f(x[i]!);
  return s;
}

/** f(gain, loss) of the Wilder averages of the gains and losses, from bar n on (bar 1 seeding from the first value) (RSI, CMO). */
export function fromGainsLosses(f: (gain: number, loss: number) => number): ReferenceFn {
  return ([x], { window: n }, { seed, zero_denominator: zero } = {}) =>
    bySegments([x!], 1, ([s]) => {
      const [g, l] = wilderGainsLosses(s!, n!, seed);
      const out = nanArray(s!.length);
      // A flat window (no gain, no loss) is 0/0: TA-Lib's number, or NaN.
      for (let t = seed === 'first' ? 1 : n!; t < s!.length; t++) out[t] = zero === 'nan' && nearZero(g[t]! + l[t]!) ? NaN : f(g[t]!, l[t]!);
      return [out];
    });
}
