import { type ReferenceFn, nanArray, bySegments, highest, lowest } from '../common.js';

const reference: ReferenceFn = ([h, l], { window: n }) =>
  bySegments([h!, l!], 2, ([sh, sl]) => {
    const hl2 = sh!.map((v, t) => (v + sl![t]!) / 2);
    const fisher = nanArray(hl2.length), trigger = nanArray(hl2.length);
    let v = 0, f = 0;
    for (let t = n! - 1; t < hl2.length; t++) {
      const hh = highest(hl2, t, n!), ll = lowest(hl2, t, n!);
      const position = hh === ll ? 0 : (hl2[t]! - ll) / (hh - ll) - 0.5;
      v = Math.min(Math.max(0.66 * position + 0.67 * v, -0.999), 0.999);
      if (t > n! - 1) trigger[t] = f;
      f = 0.5 * Math.log((1 + v) / (1 - v)) + 0.5 * f;
      fisher[t] = f;
    }
    return [fisher, trigger];
  });

export default reference;
