import { bySegments, emaSeries, mean, nanArray, type ReferenceFn } from './common.js';

export const ma: Record<string, ReferenceFn> = {
  'ma.sma': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => {
      const out = nanArray(s!.length);
      for (let t = n! - 1; t < s!.length; t++) out[t] = mean(s!, t - n! + 1, n!);
      return [out];
    }),
  'ma.ema': ([x], { window: n }) => bySegments([x!], 1, ([s]) => [emaSeries(s!, n!)]),
};
