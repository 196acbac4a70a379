// What several momentum references share.
import { maLookback, movingAverage } from '../matype.js';
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

/** f(x[t], x[t-n]) from bar n on (MOM, ROC); zero_denominator 'nan' gives NaN where x[t-n] is 0 (the rates). */
export function lagged(f: (x: number, prev: number) => number): ReferenceFn {
  return ([x], { window: n }, { zero_denominator: zero } = {}) =>
    bySegments([x!], 1, ([s]) => {
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) out[t] = zero === 'nan' && s![t - n!] === 0 ? NaN : f(s![t]!, s![t - n!]!);
      return [out];
    });
}

/** A rate of x over prev, 0 where prev is 0 (TA-Lib's ROC family). */
const rate = (f: (x: number, prev: number) => number) => (x: number, prev: number) => (prev !== 0 ? f(x, prev) : 0);

export const roc = rate((x, prev) => (x / prev - 1) * 100);
export const rocp = rate((x, prev) => (x - prev) / prev);
export const rocr = rate((x, prev) => x / prev);
export const rocr100 = rate((x, prev) => (x / prev) * 100);

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
  // MACDFIX (p.fixed): TA-Lib's fixed factors 0.15 and 0.075 for the 12- and 26-bar EMAs.
  const fastE = emaFrom(s, macd ? sl - f : 0, f, p.fixed ? 0.15 : undefined), slowE = emaSeries(s, sl, p.fixed ? 0.075 : undefined);
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

/**
 * k and d blanked where the bar's own n-bar range of highs and lows is 0 (%K's
 * 0/0), under zero_denominator 'nan'; the means behind them keep TA-Lib's 0.
 */
export function blankFlatK(kd: Float64Array[], highs: Float64Array, lows: Float64Array, n: number, from: number, zero: string | undefined): Float64Array[] {
  if (zero !== 'nan') return kd;
  return kd.map((s) => s.map((v, t) => (t >= from + n - 1 && (highest(highs, t, n) - lowest(lows, t, n)) / 100 === 0 ? NaN : v)));
}

/** Plain n-bar means of x from bar from + n - 1 on (x starts at `from`). */
export function smaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) out[t] = mean(x, t - n + 1, n);
  return out;
}

/** k and its SMA d over dWindow, k blanked until d starts (TA-Lib's common first bar). */
/**
 * Slow %K and %D by TA-Lib MA types, as TA-Lib STOCH / STOCHF: slow %K is
 * TA_MA (kType over kn bars) of fast %K from its first bar `from`, %D TA_MA
 * (dType over dn) of slow %K from its first value; both start on %D's first bar.
 */
export function kdByType(fast: Float64Array, from: number, kType: string, kn: number, dType: string, dn: number): Float64Array[] {
  const slow = movingAverage(kType, kn, fast, Math.min(from, fast.length));
  const dFrom = from + maLookback(kType, kn);
  const d = movingAverage(dType, dn, slow, Math.min(dFrom, fast.length));
  const on = dFrom + maLookback(dType, dn);
  return [slow.map((v, t) => (t < on ? NaN : v)), d.map((v, t) => (t < on ? NaN : v))];
}

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

/**
 * TA-Lib PLUS_DM / MINUS_DM: one side's one-bar directional movement (the
 * larger move outside the previous bar's range; equal moves count for
 * neither), summed over bars 1 .. n-1 for the value at bar n-1, then Wilder's
 * S - S/n + DM. Window 1 is the one-bar value, from bar 1.
 */
export function directionalMovement(plus: boolean): ReferenceFn {
  return ([h, l], { window: n }) =>
    bySegments([h!, l!], 1, ([sh, sl]) => {
      const T = sh!.length;
      const dm = nanArray(T);
      for (let t = 1; t < T; t++) {
        const up = sh![t]! - sh![t - 1]!, down = sl![t - 1]! - sl![t]!;
        dm[t] = plus ? (up > 0 && up > down ? up : 0) : (down > 0 && down > up ? down : 0);
      }
      if (n === 1) return [dm];
      const out = nanArray(T);
      let sum = 0;
      for (let t = 1; t < Math.min(n!, T); t++) sum += dm[t]!;
      if (n! - 1 < T) out[n! - 1] = sum;
      for (let t = n!; t < T; t++) {
        sum = sum - sum / n! + dm[t]!;
        out[t] = sum;
      }
      return [out];
    });
}
