// What several trend references share.
import { ewmFirst, nanArray, trueRangeFirstBar, trueRangeSeries } from '../common.js';

export type Series = Float64Array;

/**
 * Wilder's directional system as TA-Lib computes it: one-bar DM and TR from
 * bar 1, sums of the first n-1 seed the smoothing, which runs from bar n; the
 * ADX averages DX over m bars (TA-Lib: m = n). Seed 'first': see directionalFirst.
 */

export function directional(h: Series, l: Series, c: Series, n: number, m = n, seed?: string) {
  if (seed === 'first') return directionalFirst(h, l, c, n, m);
  const T = h.length;
  const plusDI = nanArray(T), minusDI = nanArray(T), dx = nanArray(T), adx = nanArray(T);
  // Bars where TR vanishes (the DIs are TA-Lib's 0) and where DX is undefined (TA-Lib repeats it).
  const flatTR = new Uint8Array(T), undefinedDX = new Uint8Array(T);
  const plusDM = nanArray(T), minusDM = nanArray(T), tr = trueRangeSeries(h, l, c);
  for (let t = 1; t < T; t++) {
    const up = h[t]! - h[t - 1]!, down = l[t - 1]! - l[t]!;
    plusDM[t] = up > 0 && up > down ? up : 0;
    minusDM[t] = down > 0 && down > up ? down : 0;
  }
  if (T <= n) return { plusDI, minusDI, dx, adx, flatTR, undefinedDX };
  let sTR = 0, sPlus = 0, sMinus = 0;
  for (let t = 1; t < n; t++) { sTR += tr[t]!; sPlus += plusDM[t]!; sMinus += minusDM[t]!; }
  const nearZero = (x: number) => Math.abs(x) < 1e-14;
  let sumDX = 0, lastAdx = NaN;
  for (let t = n; t < T; t++) {
    sTR = sTR - sTR / n + tr[t]!;
    sPlus = sPlus - sPlus / n + plusDM[t]!;
    sMinus = sMinus - sMinus / n + minusDM[t]!;
    const p = nearZero(sTR) ? 0 : 100 * (sPlus / sTR);
    const q = nearZero(sTR) ? 0 : 100 * (sMinus / sTR);
    plusDI[t] = p;
    minusDI[t] = q;
    // DX is undefined when TR or the DI sum vanish: DX repeats its last value, ADX skips the bar.
    const defined = !nearZero(sTR) && !nearZero(p + q);
    flatTR[t] = nearZero(sTR) ? 1 : 0;
    undefinedDX[t] = defined ? 0 : 1;
    const value = defined ? 100 * (Math.abs(q - p) / (q + p)) : NaN;
    dx[t] = defined ? value : t === n ? 0 : dx[t - 1]!;
    if (t < n + m - 1) {
      if (defined) sumDX += value;
    } else if (t === n + m - 1) {
      if (defined) sumDX += value;
      lastAdx = sumDX / m;
    } else if (defined) {
      lastAdx = (lastAdx * (m - 1) + value) / m;
    }
    if (t >= n + m - 1) adx[t] = lastAdx;
  }
  return { plusDI, minusDI, dx, adx, flatTR, undefinedDX };
}

/**
 * The directional system seeded from the first bar, as pandas writes
 * TradingView's DMI with ewm(alpha=1/n, adjust=False) averages: on bar 0
 * +DM = -DM = 0 and TR = high - low (ta.tr(true)); DIs and DX from bar 0 (TA-Lib's
 * rules where TR or the DI sum vanish, tested on the sums n·average as TA-Lib
 * does); the ADX from bar 1, seeded with bar 1's DX, then Wilder's average over m.
 */
function directionalFirst(h: Series, l: Series, c: Series, n: number, m: number) {
  const T = h.length;
  const plusDI = nanArray(T), minusDI = nanArray(T), dx = nanArray(T), adx = nanArray(T);
  // Bars where TR vanishes (the DIs are TA-Lib's 0) and where DX is undefined (TA-Lib repeats it).
  const flatTR = new Uint8Array(T), undefinedDX = new Uint8Array(T);
  const plusDM = new Float64Array(T), minusDM = new Float64Array(T), tr = trueRangeFirstBar(h, l, c);
  for (let t = 1; t < T; t++) {
    const up = h[t]! - h[t - 1]!, down = l[t - 1]! - l[t]!;
    plusDM[t] = up > 0 && up > down ? up : 0;
    minusDM[t] = down > 0 && down > up ? down : 0;
  }
  const aTR = ewmFirst(tr, 1 / n), aPlus = ewmFirst(plusDM, 1 / n), aMinus = ewmFirst(minusDM, 1 / n);
  const nearZero = (x: number) => Math.abs(x) < 1e-14;
  let lastAdx = NaN;
  for (let t = 0; t < T; t++) {
    const flat = nearZero(n * aTR[t]!);
    const p = flat ? 0 : 100 * (aPlus[t]! / aTR[t]!);
    const q = flat ? 0 : 100 * (aMinus[t]! / aTR[t]!);
    plusDI[t] = p;
    minusDI[t] = q;
    const defined = !flat && !nearZero(p + q);
    flatTR[t] = flat ? 1 : 0;
    undefinedDX[t] = defined ? 0 : 1;
    const value = defined ? 100 * (Math.abs(q - p) / (q + p)) : NaN;
    dx[t] = defined ? value : t === 0 ? 0 : dx[t - 1]!;
    if (t === 1) lastAdx = defined ? value : 0;
    else if (t > 1 && defined) lastAdx = (lastAdx * (m - 1) + value) / m;
    if (t >= 1) adx[t] = lastAdx;
  }
  return { plusDI, minusDI, dx, adx, flatTR, undefinedDX };
}
