import { bySegments, fromBar, mean, type ReferenceFn } from './common.js';

const typicalPrice = (h: number, l: number, c: number) => (h + l + c) / 3;

/** TA-Lib AD's term: close location in the bar's range times volume, 0 without range. */
const moneyFlowVolume = (h: number, l: number, c: number, v: number) => (h - l > 0 ? ((c - l - (h - c)) / (h - l)) * v : 0);

/** Sum of f(i) over the window of n bars ending at t. */
function windowSum(t: number, n: number, f: (i: number) => number): number {
  let s = 0;
  for (let i = t - n + 1; i <= t; i++) s += f(i);
  return s;
}

function adSeries([h, l, c, v]: Float64Array[]): Float64Array {
  let ad = 0;
  return fromBar(h!.length, 0, (t) => (ad += moneyFlowVolume(h![t]!, l![t]!, c![t]!, v![t]!)));
}

/** ADOSC's EMA: starts at x[0], then k * x + (1 - k) * e. */
function emaFromFirst(x: Float64Array, n: number): Float64Array {
  const k = 2 / (n + 1);
  let e = x[0]!;
  return fromBar(x.length, 0, (t) => (e = t === 0 ? e : k * x[t]! + (1 - k) * e));
}

/** Window sum of weight * value / window sum of weight, NaN when the weights sum to 0. */
function weightedMean(t: number, n: number, value: (i: number) => number, weight: (i: number) => number): number {
  const w = windowSum(t, n, weight);
  return w === 0 ? NaN : windowSum(t, n, (i) => value(i) * weight(i)) / w;
}

export const volume: Record<string, ReferenceFn> = {
  'volume.obv': ([c, v]) =>
    bySegments([c!, v!], 1, ([sc, sv]) => {
      let level = sv![0]!;
      return [fromBar(sc!.length, 0, (t) => (level += t === 0 ? 0 : sc![t]! > sc![t - 1]! ? sv![t]! : sc![t]! < sc![t - 1]! ? -sv![t]! : 0))];
    }),
  'volume.ad': (inputs) => bySegments(inputs, 1, (seg) => [adSeries(seg)]),
  'volume.adosc': (inputs, { fast, slow }) =>
    bySegments(inputs, 1, (seg) => {
      const ad = adSeries(seg);
      const f = emaFromFirst(ad, fast!), s = emaFromFirst(ad, slow!);
      return [fromBar(ad.length, Math.max(fast!, slow!) - 1, (t) => f[t]! - s[t]!)];
    }),
  'volume.mfi': (inputs, { window: n }) =>
    bySegments(inputs, 1, ([h, l, c, v]) => {
      const tp = h!.map((_, t) => typicalPrice(h![t]!, l![t]!, c![t]!));
      return [
        fromBar(tp.length, n!, (t) => {
          const pos = windowSum(t, n!, (i) => (tp[i]! > tp[i - 1]! ? tp[i]! * v![i]! : 0));
          const neg = windowSum(t, n!, (i) => (tp[i]! < tp[i - 1]! ? tp[i]! * v![i]! : 0));
          return pos + neg < 1 ? 0 : (100 * pos) / (pos + neg);
        }),
      ];
    }),
  'volume.cmf': (inputs, { window: n }) =>
    bySegments(inputs, 1, ([h, l, c, v]) => [
      fromBar(h!.length, n! - 1, (t) => {
        const vol = windowSum(t, n!, (i) => v![i]!);
        return vol === 0 ? NaN : windowSum(t, n!, (i) => moneyFlowVolume(h![i]!, l![i]!, c![i]!, v![i]!)) / vol;
      }),
    ]),
  'volume.volume_sma': ([v], { window: n }) =>
    bySegments([v!], 1, ([s]) => [fromBar(s!.length, n! - 1, (t) => mean(s!, t - n! + 1, n!))]),
  'volume.vwap': (inputs, { window: n }) =>
    bySegments(inputs, 1, ([h, l, c, v]) => [
      fromBar(h!.length, n! - 1, (t) => weightedMean(t, n!, (i) => typicalPrice(h![i]!, l![i]!, c![i]!), (i) => v![i]!)),
    ]),
  'volume.vwap_deviation': (inputs, { window: n, mult }) =>
    bySegments(inputs, 4, ([h, l, c, v]) => {
      const tp = (i: number) => typicalPrice(h![i]!, l![i]!, c![i]!);
      const vol = (i: number) => v![i]!;
      const vwap = fromBar(h!.length, n! - 1, (t) => weightedMean(t, n!, tp, vol));
      const sd = vwap.map((m, t) => Math.sqrt(weightedMean(t, n!, (i) => (tp(i) - m) ** 2, vol)));
      return [vwap, vwap.map((m, t) => m + mult! * sd[t]!), vwap.map((m, t) => m - mult! * sd[t]!), sd];
    }),
};
