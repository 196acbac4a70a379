import { bySegments, highest, lowest, mean, nanArray, trueRangeSeries, wilderSeries, type ReferenceFn } from './common.js';

const nearZero = (x: number) => Math.abs(x) < 1e-14;

/**
 * Fast %K of x within the n-bar range of highs and lows, for bars whose window
 * starts at or after `from`. TA-Lib's operation order, which decides the
 * ill-conditioned flat windows of STOCHRSI.
 */
function fastK(x: Float64Array, highs: Float64Array, lows: Float64Array, n: number, from: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) {
    const hh = highest(highs, t, n), ll = lowest(lows, t, n);
    const diff = (hh - ll) / 100;
    out[t] = diff !== 0 ? (x[t]! - ll) / diff : 0;
  }
  return out;
}

/** Plain n-bar means of x from bar from + n - 1 on (x starts at `from`). */
function smaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) out[t] = mean(x, t - n + 1, n);
  return out;
}

/** k and its SMA d over dWindow, k blanked until d starts (TA-Lib's common first bar). */
function withD(k: Float64Array, from: number, dWindow: number): Float64Array[] {
  const d = smaFrom(k, from, dWindow);
  return [k.map((v, t) => (Number.isNaN(d[t]!) ? NaN : v)), d];
}

/** TA-Lib RSI, 100 * (gain / (gain + loss)) in that order. */
function rsiSeries(x: Float64Array, n: number): Float64Array {
  const change = x.map((v, t) => (t > 0 ? v - x[t - 1]! : NaN));
  const gain = wilderSeries(change.map((d) => Math.max(d, 0)), n);
  const loss = wilderSeries(change.map((d) => Math.max(-d, 0)), n);
  return gain.map((g, t) => {
    const sum = g + loss[t]!;
    return Number.isNaN(sum) ? NaN : nearZero(sum) ? 0 : 100 * (g / sum);
  });
}

function sumOf(x: Float64Array, from: number, to: number, f: (v: number) => number = (v) => v): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += f(x[i]!);
  return s;
}

export const oscillators: Record<string, ReferenceFn> = {
  'momentum.stoch': ([h, l, c], { k_window: kw, k_smoothing: ks, d_window: dw }) =>
    bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
      const slow = smaFrom(fastK(sc!, sh!, sl!, kw!, 0), kw! - 1, ks!);
      return withD(slow, kw! + ks! - 2, dw!);
    }),

  'momentum.stochf': ([h, l, c], { k_window: kw, d_window: dw }) =>
    bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => withD(fastK(sc!, sh!, sl!, kw!, 0), kw! - 1, dw!)),

  'momentum.stoch_rsi': ([x], { rsi_window: n, k_window: kw, d_window: dw }) =>
    bySegments([x!], 2, ([s]) => {
      const rsi = rsiSeries(s!, n!);
      return withD(fastK(rsi, rsi, rsi, kw!, n!), n! + kw! - 1, dw!);
    }),

  'momentum.williams_r': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
      const out = nanArray(sc!.length);
      for (let t = n! - 1; t < sc!.length; t++) {
        const hh = highest(sh!, t, n!), ll = lowest(sl!, t, n!);
        out[t] = hh === ll ? 0 : (-100 * (hh - sc![t]!)) / (hh - ll);
      }
      return [out];
    }),

  'momentum.cci': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
      const tp = sc!.map((v, t) => (sh![t]! + sl![t]! + v) / 3);
      const out = nanArray(tp.length);
      for (let t = n! - 1; t < tp.length; t++) {
        const m = sumOf(tp, t - n! + 1, t) / n!;
        const dev = sumOf(tp, t - n! + 1, t, (v) => Math.abs(v - m)) / n!;
        out[t] = tp[t]! - m === 0 || dev === 0 ? 0 : (tp[t]! - m) / (0.015 * dev);
      }
      return [out];
    }),

  'momentum.ultosc': ([h, l, c], p) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
      const [p1, p2, p3] = [p.window1!, p.window2!, p.window3!].sort((a, b) => a - b) as [number, number, number];
      const tr = trueRangeSeries(sh!, sl!, sc!);
      const bp = sc!.map((v, t) => (t > 0 ? v - Math.min(sl![t]!, sc![t - 1]!) : NaN));
      const avg = (t: number, n: number) => {
        const range = sumOf(tr, t - n + 1, t);
        return nearZero(range) ? 0 : sumOf(bp, t - n + 1, t) / range;
      };
      const out = nanArray(sc!.length);
      for (let t = p3; t < sc!.length; t++) out[t] = (100 * (4 * avg(t, p1) + 2 * avg(t, p2) + avg(t, p3))) / 7;
      return [out];
    }),

  'momentum.fisher': ([h, l], { window: n }) =>
    bySegments([h!, l!], 2, ([sh, sl]) => {
      const hl2 = sh!.map((v, t) => (v + sl![t]!) / 2);
      const fisher = nanArray(hl2.length), trigger = nanArray(hl2.length);
      let v = 0, f = 0;
      for (let t = n! - 1; t < hl2.length; t++) {
        const hh = highest(hl2, t, n!), ll = lowest(hl2, t, n!);
        const position = hh === ll ? 0 : (hl2[t]! - ll) / (hh - ll) - 0.5;
        v = Math.min(Math.max(0.66 * position + 0.67 * v, -0.999), 0.999);
        if (t > n! - 1) trigger[t] = f;
        f = 0.5 * Math.log((1 + v) / (1 - v)) + 0.5 * f;
        fisher[t] = f;
      }
      return [fisher, trigger];
    }),
};
