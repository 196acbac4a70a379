import { type ReferenceFn, nanArray, bySegments, atrSeeded, highest, lowest } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, mult }, { seed } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const T = sh!.length;
    const atr = atrSeeded(sh!, sl!, sc!, n!, seed);
    const long = nanArray(T), short = nanArray(T);
    // From the first bar with both a full channel of n bars and an ATR.
    for (let t = seed === 'first' ? n! - 1 : n!; t < T; t++) {
      long[t] = highest(sh!, t, n!) - mult! * atr[t]!;
      short[t] = lowest(sl!, t, n!) + mult! * atr[t]!;
    }
    return [long, short];
  });

export default reference;
