import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import { sumOf } from './common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }, { zero_denominator: zero } = {}) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const tp = sc!.map((v, t) => (sh![t]! + sl![t]! + v) / 3);
    const out = nanArray(tp.length);
    for (let t = n! - 1; t < tp.length; t++) {
      const m = sumOf(tp, t - n! + 1, t) / n!;
      const dev = sumOf(tp, t - n! + 1, t, (v) => Math.abs(v - m)) / n!;
      out[t] = dev === 0 ? (zero === 'nan' ? NaN : 0) : tp[t]! - m === 0 ? 0 : (tp[t]! - m) / (0.015 * dev);
    }
    return [out];
  });

export default reference;
