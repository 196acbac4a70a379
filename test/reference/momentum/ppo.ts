import { type ReferenceFn, bySegments, emaSeeded } from '../common.js';
import { movingAverage, maLookback } from '../matype.js';
import { nearZero, withSignal } from './common.js';

const percent = (fast: number, slow: number) => (nearZero(slow) ? 0 : ((fast - slow) / slow) * 100);

// matype 'ema' as before; another type: TA-Lib's TA_INT_PO line (both
// averages over the whole run) and the signal EMA of it.
const reference: ReferenceFn = ([x], p, { seed, matype = 'ema' } = {}) =>
  bySegments([x!], 3, ([s]) => {
    if (matype === 'ema') return withSignal(s!, p, false, percent, seed);
    const f = Math.min(p.fast!, p.slow!), sl = Math.max(p.fast!, p.slow!);
    const fastMa = movingAverage(matype, f, s!, 0), slowMa = movingAverage(matype, sl, s!, 0);
    const from = Math.max(maLookback(matype, f), maLookback(matype, sl));
    const line = fastMa.map((v, t) => (t >= from ? percent(v, slowMa[t]!) : NaN));
    const signal = emaSeeded(line, p.signal!, from, seed);
    return [line, signal, line.map((v, t) => v - signal[t]!)];
  });

export default reference;
