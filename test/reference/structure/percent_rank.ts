import { type ReferenceFn, bySegments, fromBar } from '../common.js';

const reference: ReferenceFn = ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => [
    fromBar(s!.length, n!, (t) => {
      let count = 0;
      for (let i = 1; i <= n!; i++) if (s![t - i]! <= s![t]!) count++;
      return (100 * count) / n!;
    }),
  ]);

export default reference;
