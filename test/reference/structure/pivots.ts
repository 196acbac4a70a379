import { type ReferenceFn, bySegments, fromBar } from '../common.js';

function pivotAt(x: Float64Array, t: number, left: number, right: number, sign: number): number {
  const p = t - right, v = sign * x[p]!;
  for (let i = p - left; i < p; i++) if (!(v > sign * x[i]!)) return NaN;
  for (let i = p + 1; i <= t; i++) if (!(v >= sign * x[i]!)) return NaN;
  return x[p]!;
}

const reference: ReferenceFn = ([h, l], { left, right }) =>
  bySegments([h!, l!], 2, ([sh, sl]) => [
    fromBar(sh!.length, left! + right!, (t) => pivotAt(sh!, t, left!, right!, 1)),
    fromBar(sl!.length, left! + right!, (t) => pivotAt(sl!, t, left!, right!, -1)),
  ]);

export default reference;
