import { type ReferenceFn, bySegments, fromBar, mean } from '../common.js';

/** Pearson's correlation over the last n bars from the centered values; 0 where the product of the spreads is below 1e-14. */
const reference: ReferenceFn = ([a, b], { window: n }) =>
  bySegments([a!, b!], 1, ([x, y]) => [
    fromBar(x!.length, n! - 1, (t) => {
      const from = t - n! + 1;
      const mx = mean(x!, from, n!), my = mean(y!, from, n!);
      let sxx = 0, syy = 0, sxy = 0;
      for (let i = from; i <= t; i++) {
        sxx += (x![i]! - mx) ** 2;
        syy += (y![i]! - my) ** 2;
        sxy += (x![i]! - mx) * (y![i]! - my);
      }
      return sxx * syy < 1e-14 ? 0 : sxy / Math.sqrt(sxx * syy);
    }),
  ]);

export default reference;
