import { type ReferenceFn, nanArray, bySegments, trueRangeSeries } from '../common.js';
import { nearZero, sumOf } from './common.js';

const reference: ReferenceFn = ([h, l, c], p) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const [p1, p2, p3] = [p.window1!, p.window2!, p.window3!].sort((a, b) => a - b) as [number, number, number];
    const tr = trueRangeSeries(sh!, sl!, sc!);
    const bp = sc!.map((v, t) => (t > 0 ? v - Math.min(sl![t]!, sc![t - 1]!) : NaN));
    const avg = (t: number, n: number) => {
      const range = sumOf(tr, t - n + 1, t);
      return nearZero(range) ? 0 : sumOf(bp, t - n + 1, t) / range;
    };
    const out = nanArray(sc!.length);
    for (let t = p3; t < sc!.length; t++) out[t] = (100 * (4 * avg(t, p1) + 2 * avg(t, p2) + avg(t, p3))) / 7;
    return [out];
  });

export default reference;
