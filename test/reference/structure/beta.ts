import { type ReferenceFn, bySegments, fromBar } from '../common.js';

const oneBarReturn = (prev: number, x: number) => (Math.abs(prev) < 1e-14 ? 0 : (x - prev) / prev);

/** Least-squares slope of the returns of y on those of x over the last n returns, each window summed afresh. */
const reference: ReferenceFn = ([a, b], { window: n }) =>
  bySegments([a!, b!], 1, ([x, y]) => [
    fromBar(x!.length, n!, (t) => {
      let sxx = 0, sxy = 0, sx = 0, sy = 0;
      for (let i = t - n! + 1; i <= t; i++) {
        const rx = oneBarReturn(x![i - 1]!, x![i]!), ry = oneBarReturn(y![i - 1]!, y![i]!);
        sxx += rx * rx;
        sxy += rx * ry;
        sx += rx;
        sy += ry;
      }
      const d = n! * sxx - sx * sx;
      return Math.abs(d) < 1e-14 ? 0 : (n! * sxy - sx * sy) / d;
    }),
  ]);

export default reference;
