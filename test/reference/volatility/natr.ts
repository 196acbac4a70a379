import { type ReferenceFn, atrSeeded, bySegments } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }, { seed }) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const atr = atrSeeded(sh!, sl!, sc!, n!, seed);
    return [atr.map((a, t) => (sc![t] === 0 ? NaN : (a / sc![t]!) * 100))];
  });

export default reference;
