import { type ReferenceFn, nanArray, bySegments, highest, lowest } from '../common.js';

const reference: ReferenceFn = ([h, l], { window: n }) =>
  bySegments([h!, l!], 3, ([sh, sl]) => {
    const T = sh!.length;
    const [upper, lower, mid] = [nanArray(T), nanArray(T), nanArray(T)];
    for (let t = n! - 1; t < T; t++) {
      upper[t] = highest(sh!, t, n!);
      lower[t] = lowest(sl!, t, n!);
      mid[t] = (upper[t]! + lower[t]!) / 2;
    }
    return [upper, lower, mid];
  });

export default reference;
