import { type ReferenceFn, nanArray, bySegments } from '../common.js';

const reference: ReferenceFn = ([x, v], { window: n }) =>
  bySegments([x!, v!], 1, ([sx, sv]) => {
    const out = nanArray(sx!.length);
    for (let t = n! - 1; t < sx!.length; t++) {
      let pv = 0, vol = 0;
      for (let i = t - n! + 1; i <= t; i++) { pv += sx![i]! * sv![i]!; vol += sv![i]!; }
      out[t] = vol === 0 ? NaN : pv / vol;
    }
    return [out];
  });

export default reference;
