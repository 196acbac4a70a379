import { type ReferenceFn, nanArray, bySegments, atrSeeded, emaSeeded } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, mult }, { seed } = {}) =>
  bySegments([h!, l!, c!], 3, ([sh, sl, sc]) => {
    const T = sh!.length;
    const typical = new Float64Array(T);
    for (let t = 0; t < T; t++) typical[t] = (sh![t]! + sl![t]! + sc![t]!) / 3;
    const middle = emaSeeded(typical, n!, 0, seed);
    const atr = atrSeeded(sh!, sl!, sc!, n!, seed);
    const upper = nanArray(T), lower = nanArray(T);
    for (let t = seed === 'first' ? 0 : n!; t < T; t++) {
      upper[t] = middle[t]! + mult! * atr[t]!;
      lower[t] = middle[t]! - mult! * atr[t]!;
    }
    return [middle, upper, lower];
  });

export default reference;
