import { type ReferenceFn, bySegments, wilderSeries } from '../common.js';
import { blankFlatK, nearZero, fastK, kdByType, smaFrom, withD } from './common.js';

/**
 * TA-Lib RSI, 100 * (gain / (gain + loss)) in that order; its averages seeded
 * as `seed` says, stepped in TA-Lib's order either way: the flat windows of
 * STOCHRSI amplify the last bits of the RSI.
 */
function rsiSeries(x: Float64Array, n: number, seed: string | undefined): Float64Array {
  const change = x.map((v, t) => (t > 0 ? v - x[t - 1]! : NaN));
  const m = seed === 'first' ? 1 : n;
  const gain = wilderSeries(change.map((d) => Math.max(d, 0)), n, m);
  const loss = wilderSeries(change.map((d) => Math.max(-d, 0)), n, m);
  return gain.map((g, t) => {
    const sum = g + loss[t]!;
    return Number.isNaN(sum) ? NaN : nearZero(sum) ? 0 : 100 * (g / sum);
  });
}

const reference: ReferenceFn = ([x], { rsi_window: n, k_window: kw, d_window: dw, k_smoothing: ks }, { zero_denominator: zero, seed, fastd_matype: dt = 'sma' } = {}) =>
  bySegments([x!], 2, ([s]) => {
    const rsi = rsiSeries(s!, n!, seed);
    const from = seed === 'first' ? 1 : n!;  // the RSI's first bar
    const fast = fastK(rsi, rsi, rsi, kw!, from);
    if (dt !== 'sma') return blankFlatK(kdByType(fast, from + kw! - 1, 'sma', ks!, dt, dw!), rsi, rsi, kw!, from, zero);
    // k_smoothing 1 is the fast %K itself (an SMA over one bar).
    const k = ks === 1 ? fast : smaFrom(fast, from + kw! - 1, ks!);
    return blankFlatK(withD(k, from + kw! - 1 + ks! - 1, dw!), rsi, rsi, kw!, from, zero);
  });

export default reference;
