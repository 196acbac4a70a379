import { type ReferenceFn, bySegments, fromBar } from '../common.js';
import { adSeries } from './common.js';

/** ADOSC's EMA: starts at x[0], then k * x + (1 - k) * e. */
function emaFromFirst(x: Float64Array, n: number): Float64Array {
  const k = 2 / (n + 1);
  let e = x[0]!;
  return fromBar(x.length, 0, (t) => (e = t === 0 ? e : k * x[t]! + (1 - k) * e));
}

const reference: ReferenceFn = (inputs, { fast, slow }) =>
  bySegments(inputs, 1, (seg) => {
    const ad = adSeries(seg);
    const f = emaFromFirst(ad, fast!), s = emaFromFirst(ad, slow!);
    return [fromBar(ad.length, Math.max(fast!, slow!) - 1, (t) => f[t]! - s[t]!)];
  });

export default reference;
