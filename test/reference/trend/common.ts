// What several trend references share.
import { nanArray, trueRangeSeries } from '../common.js';

export type Series = Float64Array;

/**
 * Wilder's directional system as TA-Lib computes it: one-bar DM and TR from
 * bar 1, sums of the first n-1 seed the smoothing, which runs from bar n.
 */

export function directional(h: Series, l: Series, c: Series, n: number) {
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
