import { type ReferenceFn, bySegments } from '../common.js';
import { movingAverage } from '../matype.js';
import { emaLine, difference } from './common.js';

// matype 'ema' (with its seed axis) as before; another type: TA-Lib's
// TA_INT_PO, both averages over the whole run, the line where both exist.
const reference: ReferenceFn = ([x], p, { seed, matype = 'ema' } = {}) =>
  bySegments([x!], 1, ([s]) => {
    if (matype === 'ema') return [emaLine(s!, p, false, difference, seed).out];
    const f = Math.min(p.fast!, p.slow!), sl = Math.max(p.fast!, p.slow!);
    const fastMa = movingAverage(matype, f, s!, 0), slowMa = movingAverage(matype, sl, s!, 0);
    return [fastMa.map((v, t) => v - slowMa[t]!)];
  });

export default reference;
