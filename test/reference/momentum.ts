import { bySegments, emaFrom, emaSeries, nanArray, wilderSeries, type Params, type ReferenceFn } from './common.js';

const nearZero = (x: number) => Math.abs(x) < 1e-14;

/** Wilder averages of the gains and of the losses of x (RSI, CMO). */
function wilderGainsLosses(x: Float64Array, n: number): [Float64Array, Float64Array] {
  const gain = nanArray(x.length), loss = nanArray(x.length);
  for (let t = 1; t < x.length; t++) {
    const d = x[t]! - x[t - 1]!;
    gain[t] = Math.max(d, 0);
    loss[t] = Math.max(-d, 0);
  }
  return [wilderSeries(gain, n), wilderSeries(loss, n)];
}

/** f(x[t], x[t-n]) from bar n on (MOM, ROC). */
function lagged(f: (x: number, prev: number) => number): ReferenceFn {
  return ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) out[t] = f(s![t]!, s![t - n!]!);
      return [out];
    });
}

const roc = (x: number, prev: number) => (prev !== 0 ? (x / prev - 1) * 100 : 0);

/**
 * Fast and slow EMAs and line(fast, slow) from the slow EMA's first bar, with
 * fast > slow swapped. MACD seeds the fast EMA on that bar; APO/PPO seed it on
 * its own first bar.
 */
function emaLine(s: Float64Array, p: Params, macd: boolean, line: (fast: number, slow: number) => number): { out: Float64Array; from: number } {
  const f = Math.min(p.fast!, p.slow!), sl = Math.max(p.fast!, p.slow!);
  const fastE = emaFrom(s, macd ? sl - f : 0, f), slowE = emaSeries(s, sl);
  const out = nanArray(s.length);
  for (let t = sl - 1; t < s.length; t++) out[t] = line(fastE[t]!, slowE[t]!);
  return { out, from: sl - 1 };
}

/** line, signal (EMA of the line) and hist; MACD blanks the line until the signal starts. */
function withSignal(s: Float64Array, p: Params, macd: boolean, line: (fast: number, slow: number) => number): Float64Array[] {
  const { out, from } = emaLine(s, p, macd, line);
  const signal = emaFrom(out, from, p.signal!);
  const hist = out.map((v, t) => v - signal[t]!);
  if (macd) for (let t = 0; t < s.length; t++) if (Number.isNaN(signal[t]!)) out[t] = NaN;
  return [out, signal, hist];
}

const difference = (fast: number, slow: number) => fast - slow;
const percent = (fast: number, slow: number) => (nearZero(slow) ? 0 : ((fast - slow) / slow) * 100);

export const momentum: Record<string, ReferenceFn> = {
  'momentum.rsi': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const [g, l] = wilderGainsLosses(s!, n!);
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) {
        const sum = g[t]! + l[t]!;
        out[t] = nearZero(sum) ? 0 : (100 * g[t]!) / sum;
      }
      return [out];
    }),
  'momentum.roc': lagged(roc),
  'momentum.mom': lagged((x, prev) => x - prev),
  'momentum.cmo': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const [g, l] = wilderGainsLosses(s!, n!);
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) {
        const sum = g[t]! + l[t]!;
        out[t] = nearZero(sum) ? 0 : (100 * (g[t]! - l[t]!)) / sum;
      }
      return [out];
    }),
  'momentum.macd': ([x], p) => bySegments([x!], 3, ([s]) => withSignal(s!, p, true, difference)),
  'momentum.ppo': ([x], p) => bySegments([x!], 3, ([s]) => withSignal(s!, p, false, percent)),
  'momentum.apo': ([x], p) => bySegments([x!], 1, ([s]) => [emaLine(s!, p, false, difference).out]),
  'momentum.trix': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const e1 = emaSeries(s!, n!);
      const e2 = emaFrom(e1, n! - 1, n!);
      const e3 = emaFrom(e2, 2 * (n! - 1), n!);
      const out = nanArray(s!.length);
      for (let t = 3 * (n! - 1) + 1; t < s!.length; t++) out[t] = roc(e3[t]!, e3[t - 1]!);
      return [out];
    }),
  'momentum.bop': ([open, high, low, close]) =>
    bySegments([open!, high!, low!, close!], 1, ([o, h, l, c]) => [
      o!.map((_, t) => (h![t]! - l![t]! < 1e-14 ? 0 : (c![t]! - o![t]!) / (h![t]! - l![t]!))),
    ]),
};
