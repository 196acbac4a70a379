import { type ReferenceFn, nanArray, bySegments, atrSeeded } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, mult }, { seed } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const T = sh!.length;
    const atr = atrSeeded(sh!, sl!, sc!, n!, seed);
    const line = nanArray(T), dir = nanArray(T);
    let upper = NaN, lower = NaN, d = -1;
    const from = seed === 'first' ? 0 : n!;  // the ATR's first bar
    for (let t = from; t < T; t++) {
      const mid = (sh![t]! + sl![t]!) / 2;
      const basicUpper = mid + mult! * atr[t]!, basicLower = mid - mult! * atr[t]!;
      if (t === from) {
        [upper, lower, d] = [basicUpper, basicLower, -1];
      } else {
        // A band only moves against the trend it guards when the previous close broke through it.
        lower = basicLower > lower || sc![t - 1]! < lower ? basicLower : lower;
        upper = basicUpper < upper || sc![t - 1]! > upper ? basicUpper : upper;
        d = d === -1 ? (sc![t]! > upper ? 1 : -1) : (sc![t]! < lower ? -1 : 1);
      }
      line[t] = d === 1 ? lower : upper;
      dir[t] = d;
    }
    return [line, dir];
  });

export default reference;
