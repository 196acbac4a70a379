import { bySegments, emaSeries, highest, lowest, nanArray, trueRangeSeries, wilderSeries, type ReferenceFn } from './common.js';

type Series = Float64Array;

/** (highest high + lowest low) / 2 over the last n bars, NaN before bar n-1. */
function midRange(h: Series, l: Series, n: number): Series {
  const out = nanArray(h.length);
  for (let t = n - 1; t < h.length; t++) out[t] = (highest(h, t, n) + lowest(l, t, n)) / 2;
  return out;
}

/** Series shifted by `by` bars: out[t] = x[t - by] (by < 0 reads ahead), NaN where undefined. */
function shifted(x: Series, by: number): Series {
  const out = nanArray(x.length);
  for (let t = 0; t < x.length; t++) if (t - by >= 0 && t - by < x.length) out[t] = x[t - by]!;
  return out;
}

/**
 * Wilder's directional system as TA-Lib computes it: one-bar DM and TR from
 * bar 1, sums of the first n-1 seed the smoothing, which runs from bar n.
 */
function directional(h: Series, l: Series, c: Series, n: number) {
  const T = h.length;
  const plusDI = nanArray(T), minusDI = nanArray(T), dx = nanArray(T), adx = nanArray(T);
  const plusDM = nanArray(T), minusDM = nanArray(T), tr = trueRangeSeries(h, l, c);
  for (let t = 1; t < T; t++) {
    const up = h[t]! - h[t - 1]!, down = l[t - 1]! - l[t]!;
    plusDM[t] = up > 0 && up > down ? up : 0;
    minusDM[t] = down > 0 && down > up ? down : 0;
  }
  if (T <= n) return { plusDI, minusDI, dx, adx };
  let sTR = 0, sPlus = 0, sMinus = 0;
  for (let t = 1; t < n; t++) { sTR += tr[t]!; sPlus += plusDM[t]!; sMinus += minusDM[t]!; }
  const nearZero = (x: number) => Math.abs(x) < 1e-14;
  let sumDX = 0, lastAdx = NaN;
  for (let t = n; t < T; t++) {
    sTR = sTR - sTR / n + tr[t]!;
    sPlus = sPlus - sPlus / n + plusDM[t]!;
    sMinus = sMinus - sMinus / n + minusDM[t]!;
    const p = nearZero(sTR) ? 0 : 100 * (sPlus / sTR);
    const m = nearZero(sTR) ? 0 : 100 * (sMinus / sTR);
    plusDI[t] = p;
    minusDI[t] = m;
    // DX is undefined when TR or the DI sum vanish: DX repeats its last value, ADX skips the bar.
    const defined = !nearZero(sTR) && !nearZero(p + m);
    const value = defined ? 100 * (Math.abs(m - p) / (m + p)) : NaN;
    dx[t] = defined ? value : t === n ? 0 : dx[t - 1]!;
    if (t < 2 * n - 1) {
      if (defined) sumDX += value;
    } else if (t === 2 * n - 1) {
      if (defined) sumDX += value;
      lastAdx = sumDX / n;
    } else if (defined) {
      lastAdx = (lastAdx * (n - 1) + value) / n;
    }
    if (t >= 2 * n - 1) adx[t] = lastAdx;
  }
  return { plusDI, minusDI, dx, adx };
}

/** Bar of the highest (or lowest) value of x[t-n .. t]; ties go to the most recent bar, as in TA-Lib's AROON. */
function extremeIndex(x: Series, t: number, n: number, isMax: boolean): number {
  let best = t - n;
  for (let i = t - n + 1; i <= t; i++) if (isMax ? x[i]! >= x[best]! : x[i]! <= x[best]!) best = i;
  return best;
}

/** TA-Lib's SAR with its acceleration split into start and step. */
function parabolicSar(h: Series, l: Series, start: number, step: number, max: number): [Series, Series] {
  const T = h.length;
  const psar = nanArray(T), dir = nanArray(T);
  if (T < 2) return [psar, dir];
  const af0 = Math.min(start, max);
  const up = h[1]! - h[0]!, down = l[0]! - l[1]!;
  let isLong = !(down > 0 && up < down);
  let sar = isLong ? l[0]! : h[0]!;
  let ep = isLong ? h[1]! : l[1]!;
  let af = af0;
  for (let t = 1; t < T; t++) {
    // On the first bar TA-Lib takes bar 1 itself as the previous bar.
    const prevHigh = h[Math.max(t - 1, 1)]!, prevLow = l[Math.max(t - 1, 1)]!;
    const high = h[t]!, low = l[t]!;
    if (isLong && low <= sar) {
      isLong = false;
      sar = Math.max(ep, prevHigh, high);
      psar[t] = sar;
      af = af0;
      ep = low;
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    } else if (!isLong && high >= sar) {
      isLong = true;
      sar = Math.min(ep, prevLow, low);
      psar[t] = sar;
      af = af0;
      ep = high;
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else if (isLong) {
      psar[t] = sar;
      if (high > ep) { ep = high; af = Math.min(af + step, max); }
      sar = Math.min(sar + af * (ep - sar), prevLow, low);
    } else {
      psar[t] = sar;
      if (low < ep) { ep = low; af = Math.min(af + step, max); }
      sar = Math.max(sar + af * (ep - sar), prevHigh, high);
    }
    dir[t] = isLong ? 1 : -1;
  }
  return [psar, dir];
}

/** Least squares over the last n values, TA-Lib's form: x = bar age, newest 0. */
function linearRegression(y: Series, n: number): Series[] {
  const T = y.length;
  const [value, slope, intercept, angle] = [nanArray(T), nanArray(T), nanArray(T), nanArray(T)];
  const sumX = n * (n - 1) * 0.5;
  const sumXSqr = (n * (n - 1) * (2 * n - 1)) / 6;
  const divisor = sumX * sumX - n * sumXSqr;
  for (let t = n - 1; t < T; t++) {
    let sumY = 0, sumXY = 0;
    for (let age = n - 1; age >= 0; age--) {
      sumY += y[t - age]!;
      sumXY += age * y[t - age]!;
    }
    const m = (n * sumXY - sumX * sumY) / divisor;
    const b = (sumY - m * sumX) / n;
    value[t] = b + m * (n - 1);
    slope[t] = m;
    intercept[t] = b;
    angle[t] = Math.atan(m) * (180 / Math.PI);
  }
  return [value, slope, intercept, angle];
}

export const trend: Record<string, ReferenceFn> = {
  'trend.adx': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 4, ([sh, sl, sc]) => {
      const d = directional(sh!, sl!, sc!, n!);
      return [d.adx, d.plusDI, d.minusDI, d.dx];
    }),

  'trend.adxr': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
      const { adx } = directional(sh!, sl!, sc!, n!);
      const out = nanArray(adx.length);
      for (let t = 3 * n! - 2; t < adx.length; t++) out[t] = (adx[t]! + adx[t - (n! - 1)]!) / 2;
      return [out];
    }),

  'trend.aroon': ([h, l], { window: n }) =>
    bySegments([h!, l!], 3, ([sh, sl]) => {
      const T = sh!.length;
      const [up, down, osc] = [nanArray(T), nanArray(T), nanArray(T)];
      const factor = 100 / n!;
      for (let t = n!; t < T; t++) {
        const hi = extremeIndex(sh!, t, n!, true), lo = extremeIndex(sl!, t, n!, false);
        up[t] = factor * (n! - (t - hi));
        down[t] = factor * (n! - (t - lo));
        osc[t] = factor * (hi - lo);
      }
      return [up, down, osc];
    }),

  'trend.psar': ([h, l], p) =>
    bySegments([h!, l!], 2, ([sh, sl]) => parabolicSar(sh!, sl!, p.accel_start!, p.accel_step!, p.accel_max!)),

  'trend.linreg': ([x], { window: n }) => bySegments([x!], 4, ([s]) => linearRegression(s!, n!)),

  'trend.donchian': ([h, l], { window: n }) =>
    bySegments([h!, l!], 3, ([sh, sl]) => {
      const T = sh!.length;
      const [upper, lower, mid] = [nanArray(T), nanArray(T), nanArray(T)];
      for (let t = n! - 1; t < T; t++) {
        upper[t] = highest(sh!, t, n!);
        lower[t] = lowest(sl!, t, n!);
        mid[t] = (upper[t]! + lower[t]!) / 2;
      }
      return [upper, lower, mid];
    }),

  'trend.keltner': ([h, l, c], { window: n, mult }) =>
    bySegments([h!, l!, c!], 3, ([sh, sl, sc]) => {
      const T = sh!.length;
      const typical = new Float64Array(T);
      for (let t = 0; t < T; t++) typical[t] = (sh![t]! + sl![t]! + sc![t]!) / 3;
      const middle = emaSeries(typical, n!);
      const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
      const upper = nanArray(T), lower = nanArray(T);
      for (let t = n!; t < T; t++) {
        upper[t] = middle[t]! + mult! * atr[t]!;
        lower[t] = middle[t]! - mult! * atr[t]!;
      }
      return [middle, upper, lower];
    }),

  'trend.supertrend': ([h, l, c], { window: n, mult }) =>
    bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
      const T = sh!.length;
      const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
      const line = nanArray(T), dir = nanArray(T);
      let upper = NaN, lower = NaN, d = -1;
      for (let t = n!; t < T; t++) {
        const mid = (sh![t]! + sl![t]!) / 2;
        const basicUpper = mid + mult! * atr[t]!, basicLower = mid - mult! * atr[t]!;
        if (t === n!) {
          [upper, lower, d] = [basicUpper, basicLower, -1];
        } else {
          // A band only moves against the trend it guards when the previous close broke through it.
          lower = basicLower > lower || sc![t - 1]! < lower ? basicLower : lower;
          upper = basicUpper < upper || sc![t - 1]! > upper ? basicUpper : upper;
          d = d === -1 ? (sc![t]! > upper ? 1 : -1) : (sc![t]! < lower ? -1 : 1);
        }
        line[t] = d === 1 ? lower : upper;
        dir[t] = d;
      }
      return [line, dir];
    }),

  'trend.chandelier_exit': ([h, l, c], { window: n, mult }) =>
    bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
      const T = sh!.length;
      const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
      const long = nanArray(T), short = nanArray(T);
      for (let t = n!; t < T; t++) {
        long[t] = highest(sh!, t, n!) - mult! * atr[t]!;
        short[t] = lowest(sl!, t, n!) + mult! * atr[t]!;
      }
      return [long, short];
    }),

  'trend.ichimoku': ([h, l, c], p) =>
    bySegments([h!, l!, c!], 5, ([sh, sl, sc]) => {
      const conversion = midRange(sh!, sl!, p.conversion!);
      const base = midRange(sh!, sl!, p.base!);
      const spanA = conversion.map((v, t) => (v + base[t]!) / 2);
      const d = p.displacement!;
      return [conversion, base, shifted(spanA, d), shifted(midRange(sh!, sl!, p.span_b!), d), shifted(sc!, -d)];
    }),

  'trend.vortex': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
      const T = sh!.length;
      const tr = trueRangeSeries(sh!, sl!, sc!);
      const plus = nanArray(T), minus = nanArray(T);
      for (let t = n!; t < T; t++) {
        let vmPlus = 0, vmMinus = 0, range = 0;
        for (let i = t - n! + 1; i <= t; i++) {
          vmPlus += Math.abs(sh![i]! - sl![i - 1]!);
          vmMinus += Math.abs(sl![i]! - sh![i - 1]!);
          range += tr[i]!;
        }
        plus[t] = range === 0 ? NaN : vmPlus / range;
        minus[t] = range === 0 ? NaN : vmMinus / range;
      }
      return [plus, minus];
    }),
};
