import { bySegments, nanArray, wilderSeries, type ReferenceFn } from './common.js';

export const momentum: Record<string, ReferenceFn> = {
  'momentum.rsi': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const gain = nanArray(s!.length), loss = nanArray(s!.length);
      for (let t = 1; t < s!.length; t++) {
        const d = s![t]! - s![t - 1]!;
        gain[t] = Math.max(d, 0);
        loss[t] = Math.max(-d, 0);
      }
      const g = wilderSeries(gain, n!), l = wilderSeries(loss, n!);
      const out = nanArray(s!.length);
      for (let t = n!; t < s!.length; t++) {
        const sum = g[t]! + l[t]!;
        out[t] = Math.abs(sum) < 1e-14 ? 0 : (100 * g[t]!) / sum;
      }
      return [out];
    }),
};
