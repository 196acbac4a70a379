import { type ReferenceFn, nanArray, bySegments, highest, lowest } from '../common.js';
import type { Series } from './common.js';

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

const reference: ReferenceFn = ([h, l, c], p) =>
  bySegments([h!, l!, c!], 5, ([sh, sl, sc]) => {
    const conversion = midRange(sh!, sl!, p.conversion!);
    const base = midRange(sh!, sl!, p.base!);
    const spanA = conversion.map((v, t) => (v + base[t]!) / 2);
    const d = p.displacement!;
    return [conversion, base, shifted(spanA, d), shifted(midRange(sh!, sl!, p.span_b!), d), shifted(sc!, -d)];
  });

export default reference;
