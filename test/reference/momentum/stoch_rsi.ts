import { type ReferenceFn, bySegments, wilderSeries } from '../common.js';
import { blankFlatK, nearZero, fastK, smaFrom, withD } from './common.js';

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

const reference: ReferenceFn = ([x], { rsi_window: n, k_window: kw, d_window: dw, k_smoothing: ks }, { zero_denominator: zero } = {}) =>
  bySegments([x!], 2, ([s]) => {
    const rsi = rsiSeries(s!, n!);
    const fast = fastK(rsi, rsi, rsi, kw!, n!);
    // k_smoothing 1 is the fast %K itself (an SMA over one bar).
    const k = ks === 1 ? fast : smaFrom(fast, n! + kw! - 1, ks!);
    return blankFlatK(withD(k, n! + kw! - 1 + ks! - 1, dw!), rsi, rsi, kw!, n!, zero);
  });

export default reference;
