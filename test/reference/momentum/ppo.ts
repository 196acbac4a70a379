import { type ReferenceFn, bySegments, emaFrom } from '../common.js';
import { maLookback, movingAverage } from '../matype.js';
import { emaLine, nearZero, withSignal } from './common.js';

const percent = (fast: number, slow: number) => (nearZero(slow) ? 0 : ((fast - slow) / slow) * 100);

/**
 * matype 'ema' (with its seed axis) as before; another type: TA-Lib's
 * TA_INT_PO, both averages over the whole run, the line where both exist,
 * and the signal EMA of the line from its first value. zero_denominator
 * 'nan': every output is NaN at a bar whose slow average is ~0 (the signal
 * EMA still takes TA-Lib's 0).
 */
const reference: ReferenceFn = ([x], p, { seed, zero_denominator: zero, matype = 'ema' } = {}) =>
  bySegments([x!], 3, ([s]) => {
    let outs: Float64Array[], flat: Float64Array;
    if (matype === 'ema') {
      outs = withSignal(s!, p, false, percent, seed);
      flat = emaLine(s!, p, false, (_, slow) => (nearZero(slow) ? 1 : 0), seed).out;
    } else {
      const f = Math.min(p.fast!, p.slow!), sl = Math.max(p.fast!, p.slow!);
      const fastMa = movingAverage(matype, f, s!, 0), slowMa = movingAverage(matype, sl, s!, 0);
      const from = Math.max(maLookback(matype, f), maLookback(matype, sl));
      const line = fastMa.map((v, t) => (t < from ? NaN : percent(v, slowMa[t]!)));
      const signal = emaFrom(line, from, p.signal!);
      outs = [line, signal, line.map((v, t) => v - signal[t]!)];
      flat = slowMa.map((v) => (nearZero(v) ? 1 : 0));
    }
    if (zero !== 'nan') return outs;
    return outs.map((o) => o.map((v, t) => (flat[t] === 1 ? NaN : v)));
  });

export default reference;
