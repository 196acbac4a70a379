import { type ReferenceFn, bySegments, fromBar } from '../common.js';

/** 100 * rising bodies / all bodies over the last n bars, 0 when every body is empty. */
const reference: ReferenceFn = ([open, close], { window: n }) =>
  bySegments([open!, close!], 1, ([o, c]) => [
    fromBar(o!.length, n! - 1, (t) => {
      let up = 0, down = 0;
      for (let i = t - n! + 1; i <= t; i++) {
        if (c![i]! > o![i]!) up += c![i]! - o![i]!;
        else down += o![i]! - c![i]!;
      }
      return up + down !== 0 ? 100 * (up / (up + down)) : 0;
    }),
  ]);

export default reference;
